package dev.claraop.payout.eventstore;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * How long after it occurred each event reaches a tracking processor's handlers, per processor: for
 * {@code payout-events-publisher} that is the publication lag (event store → Kafka), for the projections the
 * time until the views show it. Recorded as a histogram ({@code claraop_payout_processing_lag_seconds}), so a
 * slowdown shows on the dashboard and fires {@code PayoutProcessingLagHigh} instead of staying silent. A replay
 * from the start records old events as late: that is what it is.
 */
final class ProcessingLag implements MessageHandlerInterceptor<EventMessage<?>> {

  static final String METER = "claraop.payout.processing.lag";

  private final Timer lag;
  private final Clock clock;

  ProcessingLag(String processor, MeterRegistry registry, Clock clock) {
    this.lag = Timer.builder(METER)
        .description("From an event occurring to its handling by a tracking processor")
        .tag("processor", processor)
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(5))
        .maximumExpectedValue(Duration.ofMinutes(10))
        .register(registry);
    this.clock = clock;
  }

  @Override
  public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain) throws Exception {
    Duration behind = Duration.between(unitOfWork.getMessage().getTimestamp(), clock.instant());
    lag.record(behind.isNegative() ? Duration.ZERO : behind);
    return interceptorChain.proceed();
  }
}
