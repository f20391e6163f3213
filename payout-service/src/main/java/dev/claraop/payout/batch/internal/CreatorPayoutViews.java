package dev.claraop.payout.batch.internal;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.claraop.payout.batch.CreatorPayoutView;
import dev.claraop.platform.web.InvalidRequest;
import dev.claraop.platform.web.Page;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * A creator's payout trail: their own lines of the tenant's batches, newest first, in cursor pages, read from the batch
 * read model ({@code batch_view_lines} by the {@code tenant_creator_newest} index, then the page's batches by id).
 * Only lines whose {@code creatorId} is the caller's are read, so another creator's line cannot appear; of a batch
 * only its status and times are used, never its generator's or approver's id.
 */
@Component
public class CreatorPayoutViews {

  public static final int DEFAULT = 50;
  public static final int MAX = 200;
  /** Newest first; the line id breaks ties between lines generated in the same millisecond. */
  private static final Sort NEWEST_FIRST =
      Sort.by(Sort.Direction.DESC, "generatedAt").and(Sort.by(Sort.Direction.DESC, "_id"));

  private final MongoTemplate mongo;

  CreatorPayoutViews(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  /** The creator's lines in the tenant, newest first, {@code limit} after {@code cursor}. */
  public Page<CreatorPayoutView> of(String tenantId, String creatorId, String cursor, int limit) {
    BatchViews.checked(limit, MAX);
    TrailCursor after = cursor == null || cursor.isBlank() ? null : TrailCursor.decode(cursor);
    Criteria criteria = where("tenantId").is(tenantId).and("creatorId").is(creatorId);
    if (after != null) criteria = criteria.andOperator(after.criteria());
    List<BatchLineDocument> found =
        mongo.find(new Query(criteria).with(NEWEST_FIRST).limit(limit + 1), BatchLineDocument.class);
    List<BatchLineDocument> page = found.subList(0, Math.min(limit, found.size()));
    String next = found.size() > limit ? TrailCursor.encode(page.getLast()) : null;
    Map<String, BatchViewDocument> batches = batches(tenantId, page);
    return new Page<>(page.stream().map(line -> view(line, batches.get(line.batchId()))).toList(), next);
  }

  /** The page's batches by id (the unique {@code _id}), without their creator ids; another tenant's are dropped. */
  private Map<String, BatchViewDocument> batches(String tenantId, List<BatchLineDocument> page) {
    if (page.isEmpty()) return Map.of();
    Query query = query(where("_id").in(page.stream().map(BatchLineDocument::batchId).distinct().toList()));
    query.fields().exclude("creatorIds");
    return mongo.find(query, BatchViewDocument.class).stream().filter(b -> tenantId.equals(b.tenantId()))
        .collect(Collectors.toMap(BatchViewDocument::id, Function.identity()));
  }

  private static CreatorPayoutView view(BatchLineDocument line, BatchViewDocument batch) {
    boolean known = batch != null;
    return new CreatorPayoutView(line.id(), line.batchId(), CreatorPayoutView.reference(line.batchId()), line.amount(),
        line.currency(), line.status(), line.failureReason(), line.account(), known ? batch.status() : null,
        line.generatedAt() != null ? line.generatedAt() : known ? batch.generatedAt() : null,
        known ? batch.approvedAt() : null, known ? batch.exportedAt() : null, line.confirmedAt(),
        CreatorPayoutView.approvers(known && batch.approvedBy() != null ? 1 : 0));
  }

  /**
   * Where a page of the trail ended: the last line's {@code generatedAt} (empty for a line projected before it was
   * kept: those come last) and id, opaque to clients.
   */
  record TrailCursor(Instant generatedAt, String id) {

    static String encode(BatchLineDocument last) {
      String at = last.generatedAt() == null ? "" : String.valueOf(last.generatedAt().toEpochMilli());
      return Base64.getUrlEncoder().withoutPadding().encodeToString(("p" + at + ":" + last.id())
          .getBytes(StandardCharsets.UTF_8));
    }

    static TrailCursor decode(String cursor) {
      try {
        String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        if (!plain.startsWith("p")) throw new IllegalArgumentException("not a trail cursor");
        String[] parts = plain.substring(1).split(":", 2);
        if (parts.length != 2 || parts[1].isBlank()) throw new IllegalArgumentException("not two parts");
        Instant at = parts[0].isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(parts[0]));
        return new TrailCursor(at, parts[1]);
      } catch (IllegalArgumentException | DateTimeException e) {
        throw new InvalidRequest("cursor", "is not a cursor this API returned");
      }
    }

    /** The lines after this one in the trail's order (a missing {@code generatedAt} sorts below every time). */
    Criteria criteria() {
      Criteria undated = where("generatedAt").is(null);
      if (generatedAt == null) return undated.and("_id").lt(id);
      return new Criteria().orOperator(where("generatedAt").lt(generatedAt),
          where("generatedAt").is(generatedAt).and("_id").lt(id), undated);
    }
  }
}
