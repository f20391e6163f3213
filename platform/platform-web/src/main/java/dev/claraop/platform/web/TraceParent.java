package dev.claraop.platform.web;

import brave.Span;
import brave.Tracer;
import brave.Tracing;
import brave.propagation.TraceContext;
import brave.propagation.TraceContextOrSamplingFlags;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Carries a request's W3C trace across an asynchronous hop that Micrometer's instrumentation cannot see: an event
 * written into an outbox document or the Axon event store in the request, and published later by another thread.
 * The writer keeps {@link #current()} beside the event; the publisher runs its send {@link #continuing} it, so the
 * Kafka record's {@code traceparent}, and every log line on the way to the audit append, name the request's trace.
 *
 * <p>Static, over Brave's current {@link Tracing}, because the outbox's records are made by static factories; where
 * no tracing runs (a plain unit test) it gives {@code null} and continues nothing.
 */
public final class TraceParent {

  public static final String HEADER = "traceparent";

  /** The current span as a W3C {@code traceparent} value, or {@code null} outside any trace. */
  public static String current() {
    Tracing tracing = Tracing.current();
    TraceContext context = tracing == null ? null : tracing.currentTraceContext().get();
    if (context == null) return null;
    String traceId = context.traceIdString();
    return "00-" + "0".repeat(32 - traceId.length()) + traceId + "-" + context.spanIdString() + "-"
        + (Boolean.TRUE.equals(context.sampled()) ? "01" : "00");
  }

  /**
   * Runs {@code work} in a new span, child of {@code traceparent} (a new trace when it is missing or malformed),
   * named {@code operation}: instrumentation inside, such as the Kafka producer's, continues that trace.
   */
  public static <T> T continuing(String traceparent, String operation, Callable<T> work) throws Exception {
    Tracing tracing = Tracing.current();
    if (tracing == null) return work.call();
    Tracer tracer = tracing.tracer();
    TraceContextOrSamplingFlags parent = traceparent == null ? TraceContextOrSamplingFlags.EMPTY
        : tracing.propagation().<Map<String, String>>extractor(Map::get).extract(Map.of(HEADER, traceparent));
    Span span = tracer.nextSpan(parent).name(operation).kind(Span.Kind.PRODUCER).start();
    try (Tracer.SpanInScope scope = tracer.withSpanInScope(span)) {
      return work.call();
    } catch (Exception | Error e) {
      span.error(e);
      throw e;
    } finally {
      span.finish();
    }
  }

  private TraceParent() {}
}
