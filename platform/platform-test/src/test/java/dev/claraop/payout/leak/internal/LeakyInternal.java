package dev.claraop.payout.leak.internal;

/** Fixture for ServiceArchitectureTest: a feature's internal class. */
public class LeakyInternal {}
