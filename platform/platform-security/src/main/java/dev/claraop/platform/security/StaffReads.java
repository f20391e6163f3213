package dev.claraop.platform.security;

import dev.claraop.events.EventEnvelope;

/**
 * Where a service stores the {@code access.staff-read} event of each read it served under a grant, so that it
 * is published reliably (its outbox). A service without one serves no staff reads: the grant is refused.
 * {@link #record} must store durably or throw; the response leaves the service only after it returned.
 */
public interface StaffReads {

  void record(EventEnvelope staffRead);
}
