package dev.claraop.payout.other;

/** Fixture for ServiceArchitectureTest: reaches into another feature's internals. */
public class Intruder {
  public Object stolen = new dev.claraop.payout.leak.internal.LeakyInternal();
}
