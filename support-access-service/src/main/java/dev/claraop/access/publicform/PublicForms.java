package dev.claraop.access.publicform;

import dev.claraop.access.sensitive.SensitiveContent;
import dev.claraop.access.sensitive.SensitiveContentRefused;
import dev.claraop.access.sensitive.SensitiveKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Takes in the public forms. Every field is checked for sensitive data before anything is stored: a form
 * that holds some is refused whole, so nothing of it reaches Mongo, Kafka or a log line (the refusal is
 * logged by kind and field only).
 */
@Component
public class PublicForms {

  private static final Logger log = LoggerFactory.getLogger(PublicForms.class);
  private static final char[] ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789".toCharArray(); // no 0/O, 1/I/L, U
  private final MongoTemplate mongo;
  private final Clock clock;
  private final MeterRegistry meters;
  private final SensitiveContent sensitive = new SensitiveContent();
  private final SecureRandom random = new SecureRandom();

  PublicForms(MongoTemplate mongo, Clock clock, MeterRegistry meters) {
    this.mongo = mongo;
    this.clock = clock;
    this.meters = meters;
    // Every series from start-up, at 0, so dashboards and alerts see the first refusal of each kind of data.
    for (String form : List.of("contact", "security-report")) {
      counter(form, "accepted", "none");
      for (SensitiveKind kind : SensitiveKind.values()) counter(form, "refused", kind.name());
    }
  }

  public FormReceipt contact(ContactForm form) {
    refuseSensitive("contact", fields("email", form.email(), "message", form.message()));
    String reference = reference("CT");
    mongo.insert(new ContactMessage(reference, form.email().strip(), form.topic(), form.message(), now()));
    count("contact", "accepted", "none");
    return new FormReceipt(reference);
  }

  public FormReceipt securityReport(SecurityReportForm form) {
    refuseSensitive("security-report",
        fields("email", form.email(), "summary", form.summary(), "details", form.details()));
    String reference = reference("SR");
    mongo.insert(new SecurityReport(reference, form.email().strip(), form.summary(), form.details(), now()));
    count("security-report", "accepted", "none");
    return new FormReceipt(reference);
  }

  /** Newest first; only security triage reaches this (see the controller). */
  public List<SecurityReportView> securityReports(int limit) {
    return mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "receivedAt")).limit(limit), SecurityReport.class)
        .stream().map(SecurityReportView::of).toList();
  }

  private void refuseSensitive(String form, Map<String, String> fields) {
    fields.forEach((field, value) -> sensitive.find(value).ifPresent(kind -> {
      log.info("public form {} refused: field {} holds {}", form, field, kind);
      count(form, "refused", kind.name());
      throw new SensitiveContentRefused(field, kind);
    }));
  }

  private static Map<String, String> fields(String... namesAndValues) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) fields.put(namesAndValues[i], namesAndValues[i + 1]);
    return fields;
  }

  private void count(String form, String outcome, String kind) {
    counter(form, outcome, kind).increment();
  }

  private Counter counter(String form, String outcome, String kind) {
    return Counter.builder("claraop.access.public.forms").tags("form", form, "outcome", outcome, "kind", kind)
        .description("Public forms taken in or refused, by the kind of sensitive data that refused them").register(meters);
  }

  /** e.g. SR-7KQ2-M9XD-T4HA: 60 random bits, unguessable, easy to read out on the phone. */
  private String reference(String prefix) {
    StringBuilder ref = new StringBuilder(prefix);
    for (int i = 0; i < 12; i++) {
      if (i % 4 == 0) ref.append('-');
      ref.append(ALPHABET[random.nextInt(ALPHABET.length)]);
    }
    return ref.toString();
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
