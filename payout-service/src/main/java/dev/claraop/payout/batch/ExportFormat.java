package dev.claraop.payout.batch;

/** Bank file formats of DESIGN §8: ISO 20022 pain.001 XML, or CSV. */
public enum ExportFormat { PAIN_001, CSV }
