package dev.claraop.audit.intake;

import dev.claraop.audit.entry.AuditEntry.Outcome;
import dev.claraop.audit.entry.AuditEntry.Resource;
import dev.claraop.events.EventCodec;
import dev.claraop.events.EventEnvelope;
import dev.claraop.events.EventType;
import java.util.Map;

/**
 * How one event type becomes an audit entry: what was acted on, with what outcome, and which details are
 * kept. Details are chosen field by field from the typed event, never copied wholesale, so a field added
 * to an event later cannot carry a secret into the audit log unnoticed.
 */
record AuditMapping<T extends Record>(EventType<T> type, Shape<T> shape) {

  interface Shape<T> {
    Kept map(T data);
  }

  record Kept(Resource resource, Outcome outcome, String purpose, Map<String, String> details) {}

  Kept apply(EventCodec codec, EventEnvelope envelope) {
    return shape.map(codec.data(envelope, type));
  }
}
