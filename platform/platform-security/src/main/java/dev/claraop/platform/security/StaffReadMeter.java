package dev.claraop.platform.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.stream.Collectors;

/**
 * {@code claraop_staff_reads_total{outcome, reason, scopes}}: every request staff send with a support grant.
 * {@code admitted}: served under an active grant (reason and scopes of the grant; both sets are small and fixed, so
 * the labels stay bounded). {@code refused}: the grant did not admit it, or the route did not (an attempt pattern
 * the StaffReadsRefused alert watches). {@code unchecked}: support-access could not be asked (fail closed). Refusals
 * are registered at 0 from the start, so the first one is an increase.
 */
final class StaffReadMeter {

  private static final String NAME = "claraop.staff.reads";
  private final MeterRegistry meters;
  private final Counter refusedBeforeAnyGrant;
  private final Counter unchecked;

  StaffReadMeter(MeterRegistry meters) {
    this.meters = meters;
    this.refusedBeforeAnyGrant = counter("refused", "none", "none");
    this.unchecked = counter("unchecked", "none", "none");
  }

  void refused() {
    refusedBeforeAnyGrant.increment();
  }

  void unchecked() {
    unchecked.increment();
  }

  /** A read under {@code grant} answered {@code status}: admitted when the route served it, refused otherwise. */
  void answered(SupportGrant grant, int status) {
    String scopes = grant.scopes().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    counter(status < 400 ? "admitted" : "refused", grant.reason(), scopes).increment();
  }

  private Counter counter(String outcome, String reason, String scopes) {
    return Counter.builder(NAME).tag("outcome", outcome).tag("reason", reason).tag("scopes", scopes)
        .description("Requests staff made with a support grant, by outcome, the grant's reason and scopes")
        .register(meters);
  }
}
