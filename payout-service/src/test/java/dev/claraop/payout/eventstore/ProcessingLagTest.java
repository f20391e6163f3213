package dev.claraop.payout.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;

class ProcessingLagTest {

  private static final Instant NOW = Instant.parse("2026-12-07T10:00:40Z");
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final ProcessingLag lag = new ProcessingLag("payout-events-publisher", registry, Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void an_event_handled_forty_seconds_after_it_occurred_is_recorded_as_forty_seconds_behind_for_its_processor() throws Exception {
    var event = new GenericEventMessage<>("event-1", "payload", Map.of(), NOW.minusSeconds(40));
    // A unit of work that is never started: a started one would stay on this thread (JUnit's, shared by the
    // integration tests after this one) and swallow their commands.
    Object handled = lag.handle(new DefaultUnitOfWork<>(event), () -> "handled");

    assertThat(handled).isEqualTo("handled");
    var timer = registry.get(ProcessingLag.METER).tag("processor", "payout-events-publisher").timer();
    assertThat(timer.count()).isEqualTo(1);
    assertThat(timer.max(TimeUnit.SECONDS)).isEqualTo(40.0);
  }

  @Test
  void an_event_stamped_after_now_by_a_skewed_clock_counts_as_no_lag() throws Exception {
    var event = new GenericEventMessage<>("event-2", "payload", Map.of(), NOW.plusSeconds(2));
    lag.handle(new DefaultUnitOfWork<>(event), () -> null);
    assertThat(registry.get(ProcessingLag.METER).timer().max(TimeUnit.SECONDS)).isZero();
  }
}
