package dev.claraop.access.grant;

/** The two ways a request is approved: consent by an ADMIN of the tenant, or a reviewer's escalation. */
public enum Approval { TENANT_CONSENT, REVIEWER_ESCALATION }
