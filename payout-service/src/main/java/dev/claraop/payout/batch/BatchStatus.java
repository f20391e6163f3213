package dev.claraop.payout.batch;

public enum BatchStatus { GENERATED, APPROVED, EXPORTED, FULLY_PAID, CANCELLED }
