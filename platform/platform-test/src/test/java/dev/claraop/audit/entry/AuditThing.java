package dev.claraop.audit.entry;

/** Fixture for ServiceArchitectureTest: a class of another service. */
public class AuditThing {}
