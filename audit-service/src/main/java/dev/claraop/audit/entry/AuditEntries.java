package dev.claraop.audit.entry;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Reads the audit log. Appending is {@code AuditChain}'s; nothing updates or deletes an entry. */
@Component
public class AuditEntries {

  private final MongoTemplate mongo;

  AuditEntries(MongoTemplate mongo) {
    this.mongo = mongo;
    // A tenant's log newest first, and the narrowing readers use most: one resource's or one actor's entries.
    IndexOperations entries = mongo.indexOps(AuditEntry.class);
    entries.createIndex(new Index().on("tenantId", Sort.Direction.ASC).on("recordedAt", Sort.Direction.DESC)
        .on("_id", Sort.Direction.DESC).named("tenant_newest"));
    entries.createIndex(new Index().on("resource.id", Sort.Direction.ASC).on("tenantId", Sort.Direction.ASC)
        .named("resource"));
    entries.createIndex(new Index().on("actor.id", Sort.Direction.ASC).on("tenantId", Sort.Direction.ASC)
        .named("actor"));
  }

  /** What a reader narrows the log to; null fields do not narrow it. */
  public record Filter(String action, String actorId, String resourceId, Instant from, Instant to, String actorKind) {

    public static Filter none() {
      return new Filter(null, null, null, null, null, null);
    }
  }

  /** A tenant's entries, newest first, {@code limit} at a time after {@code cursor}. */
  public Slice ofTenant(String tenantId, Filter filter, String cursor, int limit) {
    Criteria criteria = where("tenantId").is(tenantId);
    if (filter.action() != null) criteria = criteria.and("action").is(filter.action());
    if (filter.actorId() != null) criteria = criteria.and("actor.id").is(filter.actorId());
    if (filter.resourceId() != null) criteria = criteria.and("resource.id").is(filter.resourceId());
    if (filter.actorKind() != null) criteria = criteria.and("actor.kind").is(filter.actorKind());
    if (filter.from() != null && filter.to() != null) criteria = criteria.and("occurredAt").gte(filter.from()).lt(filter.to());
    else if (filter.from() != null) criteria = criteria.and("occurredAt").gte(filter.from());
    else if (filter.to() != null) criteria = criteria.and("occurredAt").lt(filter.to());
    if (cursor != null) {
      Position after = Position.decode(cursor);
      criteria = criteria.orOperator(where("recordedAt").lt(after.recordedAt()),
          where("recordedAt").is(after.recordedAt()).and("_id").lt(after.id()));
    }
    Query query = new Query(criteria)
        .with(Sort.by(Sort.Order.desc("recordedAt"), Sort.Order.desc("_id"))).limit(limit + 1);
    List<AuditEntry> found = mongo.find(query, AuditEntry.class);
    if (found.size() <= limit) return new Slice(found, null);
    List<AuditEntry> page = found.subList(0, limit);
    AuditEntry last = page.getLast();
    return new Slice(page, new Position(last.recordedAt(), last.id()).encode());
  }

  public record Slice(List<AuditEntry> entries, String nextCursor) {}

  /** Where a page ended; opaque to clients. */
  record Position(Instant recordedAt, String id) {
    String encode() {
      return Base64.getUrlEncoder().withoutPadding()
          .encodeToString((recordedAt.toEpochMilli() + ":" + id).getBytes(StandardCharsets.UTF_8));
    }

    static Position decode(String cursor) {
      try {
        String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":", 2);
        return new Position(Instant.ofEpochMilli(Long.parseLong(parts[0])), parts[1]);
      } catch (RuntimeException e) {
        throw new dev.claraop.platform.web.InvalidRequest("cursor", "is not a cursor this API returned");
      }
    }
  }
}
