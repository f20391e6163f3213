package dev.claraop.access.publicform;

/** The answer to an accepted form: the reference to quote in any follow-up. */
public record FormReceipt(String reference) {}
