package dev.claraop.platform.outbox;

import dev.claraop.events.EventEnvelope;
import dev.claraop.events.EventTypes;
import dev.claraop.platform.security.StaffReads;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Each read staff made in a service under a support grant: one document per read holding its {@code access.staff-read}
 * event in its outbox, stored before the answer leaves (platform-security's {@code SupportGrantFilter}) and relayed
 * to {@code access.events}. A service opts in with {@code claraop.outbox.staff-reads=true}; the document names the
 * read by reference only, never what was read.
 */
public class StaffReadOutbox implements StaffReads {

  public static final String COLLECTION = "staff_reads";
  private final MongoTemplate mongo;

  StaffReadOutbox(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  @Override
  public void record(EventEnvelope staffRead) {
    mongo.insert(new StaffReadDocument(staffRead.eventId().toString(), staffRead.tenantId(), staffRead.actor().id(),
        staffRead.actor().grantId(), staffRead.occurredAt(),
        EventOutbox.holding(EventTypes.ACCESS_STAFF_READ, staffRead)), COLLECTION);
  }

  @Document(COLLECTION)
  record StaffReadDocument(@Id String id, String tenantId, String staffId, String grantId, Instant readAt,
      List<OutboxRecord> outbox) {}
}
