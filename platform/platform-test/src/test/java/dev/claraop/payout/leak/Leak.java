package dev.claraop.payout.leak;

/** Fixture for ServiceArchitectureTest: breaks the rules on purpose. */
public class Leak {
  public Object otherService = new dev.claraop.audit.entry.AuditThing();
  public Object ownInternal = new dev.claraop.payout.leak.internal.LeakyInternal();
}
