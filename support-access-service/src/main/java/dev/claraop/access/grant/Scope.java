package dev.claraop.access.grant;

/** What a grant lets its holder read. Reads only: no scope admits a change to tenant data. */
public enum Scope { PAYOUTS_READ, INVOICES_READ, EMAIL_METADATA_READ, EMAIL_CONTENT_READ }
