package dev.claraop.payout.batch.internal;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.claraop.payout.batch.BatchStatus;
import dev.claraop.payout.batch.BatchSummary;
import dev.claraop.payout.batch.BatchView;
import dev.claraop.platform.web.InvalidRequest;
import dev.claraop.platform.web.Page;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.mapping.Field;
import org.springframework.data.mongodb.core.mapping.FieldType;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Queries on the batch read model. Every query is filtered by tenant: another tenant's batch is absent. A MANAGER's
 * queries are filtered by creator as well (their pods' creators), and count and total only those lines (DESIGN §3).
 *
 * <p>Lists stay small whatever the batches hold (issue 19): a list reads summaries ({@code batch_views}) without the
 * creator ids they carry, a page of lines reads at most its page of {@code batch_view_lines}, and a batch view carries
 * its lines inline only up to {@value BatchView#INLINE_LINES}. Page sizes are capped; a larger one is a 400.
 */
@Component
public class BatchViews {

  public static final int LIST_DEFAULT = 50;
  public static final int LIST_MAX = 200;
  public static final int LINES_DEFAULT = 100;
  public static final int LINES_MAX = 500;
  /** Newest first; the id breaks ties between batches generated in the same millisecond. */
  private static final Sort NEWEST_FIRST =
      Sort.by(Sort.Direction.DESC, "generatedAt").and(Sort.by(Sort.Direction.DESC, "_id"));
  private static final Sort IN_BATCH_ORDER = Sort.by(Sort.Direction.ASC, "position");

  private final MongoTemplate mongo;

  BatchViews(MongoTemplate mongo) {
    this.mongo = mongo;
    ensureIndexes();
  }

  /**
   * The indexes the queries below need on a real MongoDB. The devstack's stand-in uses only the unique one ({@code
   * slot}, for equality and {@code $in}), which is why pages, inline lines and the purge go by slot and summaries by
   * {@code _id} alone. Made at start, before any processor writes; creating an index that exists is a no-op.
   */
  private void ensureIndexes() {
    IndexOperations batches = mongo.indexOps(BatchViewDocument.class);
    batches.createIndex(new Index().on("tenantId", Sort.Direction.ASC).on("generatedAt", Sort.Direction.DESC)
        .on("_id", Sort.Direction.DESC).named("tenant_newest"));
    batches.createIndex(new Index().on("tenantId", Sort.Direction.ASC).on("status", Sort.Direction.ASC)
        .on("generatedAt", Sort.Direction.DESC).named("tenant_status_newest"));
    batches.createIndex(new Index().on("tenantId", Sort.Direction.ASC).on("creatorIds", Sort.Direction.ASC)
        .on("generatedAt", Sort.Direction.DESC).named("tenant_creator_newest"));
    IndexOperations lines = mongo.indexOps(BatchLineDocument.class);
    lines.createIndex(new Index().on("slot", Sort.Direction.ASC).unique().named("slot"));
    lines.createIndex(new Index().on("batchId", Sort.Direction.ASC).on("creatorId", Sort.Direction.ASC)
        .on("position", Sort.Direction.ASC).named("batch_creator_position"));
    lines.createIndex(new Index().on("tenantId", Sort.Direction.ASC).on("creatorId", Sort.Direction.ASC)
        .named("tenant_creator"));
    // A creator's payout trail (CreatorPayoutViews): their lines, newest first, one page at a time.
    lines.createIndex(new Index().on("tenantId", Sort.Direction.ASC).on("creatorId", Sort.Direction.ASC)
        .on("generatedAt", Sort.Direction.DESC).on("_id", Sort.Direction.DESC).named("tenant_creator_newest"));
  }

  /** The tenant's batches, newest first, {@code limit} after {@code cursor}; {@code status} null for every status. */
  public Page<BatchSummary> summaries(String tenantId, BatchStatus status, String cursor, int limit) {
    return summaries(tenantId, null, status, cursor, limit);
  }

  /**
   * The tenant's batches with a line for any of {@code creators} (a manager's pods), each counting those lines only:
   * the other creators' lines, names and amounts are not the manager's to see (DESIGN §3).
   */
  public Page<BatchSummary> summariesWithLinesOf(
      String tenantId, Set<String> creators, BatchStatus status, String cursor, int limit) {
    return summaries(tenantId, creators, status, cursor, limit);
  }

  public Optional<BatchView> find(String tenantId, String batchId) {
    return summary(tenantId, batchId).map(d -> {
      int count = lineCount(d);
      List<BatchView.Line> lines = count > BatchView.INLINE_LINES ? null
          : linesAt(tenantId, batchId, 0, count).stream().map(BatchViews::line).toList();
      return BatchView.of(d.id(), d.currency(), d.status(), d.generatedBy(), d.approvedBy(), d.closedAt(), d.total(),
          count, lines, d.purgedAt(), d.generatedAt());
    });
  }

  /** The batch with {@code creators}' lines only, their count and total; absent when it pays none of them. */
  public Optional<BatchView> findWithLinesOf(String tenantId, String batchId, Set<String> creators) {
    if (creators.isEmpty()) return Optional.empty();
    return summary(tenantId, batchId).flatMap(d -> {
      List<LineAmount> amounts = amounts(tenantId, List.of(batchId), creators);
      if (amounts.isEmpty()) return Optional.empty();
      BigDecimal total = amounts.stream().map(LineAmount::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
      List<BatchView.Line> lines = amounts.size() > BatchView.INLINE_LINES ? null
          : linesOf(tenantId, batchId, creators, -1, amounts.size() + 1).stream().map(BatchViews::line).toList();
      return Optional.of(BatchView.of(d.id(), d.currency(), d.status(), d.generatedBy(), d.approvedBy(), d.closedAt(),
          total, amounts.size(), lines, d.purgedAt(), d.generatedAt()));
    });
  }

  /**
   * A page of the batch's lines in batch order; absent when the batch is not the tenant's. The page is the slots it
   * covers ({@link BatchLineDocument#slot}), read by the unique index: its cost does not grow with what is stored.
   */
  public Optional<Page<BatchView.Line>> lines(String tenantId, String batchId, String cursor, int limit) {
    checked(limit, LINES_MAX);
    int after = cursor == null || cursor.isBlank() ? -1 : LineCursor.decode(cursor);
    return summary(tenantId, batchId).map(d -> {
      int count = lineCount(d);
      int from = Math.min(after + 1, count);
      int to = (int) Math.min((long) from + limit, count);
      List<BatchView.Line> page = linesAt(tenantId, batchId, from, to).stream().map(BatchViews::line).toList();
      return new Page<>(page, to < count ? LineCursor.encode(to - 1) : null);
    });
  }

  /** A page of the batch's lines paying {@code creators}; absent when the batch pays none of them. */
  public Optional<Page<BatchView.Line>> linesOf(
      String tenantId, String batchId, Set<String> creators, String cursor, int limit) {
    checked(limit, LINES_MAX);
    int after = cursor == null || cursor.isBlank() ? -1 : LineCursor.decode(cursor);
    if (creators.isEmpty() || summary(tenantId, batchId).isEmpty()) return Optional.empty();
    List<BatchLineDocument> found = linesOf(tenantId, batchId, creators, after, limit + 1);
    if (found.isEmpty() && after < 0) return Optional.empty(); // pays none of the manager's creators
    List<BatchLineDocument> page = found.subList(0, Math.min(limit, found.size()));
    String next = found.size() > limit ? LineCursor.encode(page.getLast().position()) : null;
    return Optional.of(new Page<>(page.stream().map(BatchViews::line).toList(), next));
  }

  private Page<BatchSummary> summaries(
      String tenantId, Set<String> creators, BatchStatus status, String cursor, int limit) {
    checked(limit, LIST_MAX);
    ListCursor after = cursor == null || cursor.isBlank() ? null : ListCursor.decode(cursor);
    if (creators != null && creators.isEmpty()) return Page.last(List.of());
    Criteria criteria = where("tenantId").is(tenantId);
    if (creators != null) criteria = criteria.and("creatorIds").in(creators);
    if (status != null) criteria = criteria.and("status").is(status);
    if (after != null) {
      criteria = criteria.orOperator(where("generatedAt").lt(after.generatedAt()),
          where("generatedAt").is(after.generatedAt()).and("_id").lt(after.id()));
    }
    Query query = new Query(criteria).with(NEWEST_FIRST).limit(limit + 1);
    query.fields().exclude("creatorIds");
    List<BatchViewDocument> found = mongo.find(query, BatchViewDocument.class);
    List<BatchViewDocument> page = found.subList(0, Math.min(limit, found.size()));
    String next = found.size() > limit ? ListCursor.encode(page.getLast()) : null;
    Map<String, Counted> counted = creators == null ? Map.of() : counted(tenantId, page, creators);
    return new Page<>(page.stream().map(d -> {
      Counted own = creators == null
          ? new Counted(lineCount(d), d.total())
          : counted.getOrDefault(d.id(), new Counted(0, BigDecimal.ZERO));
      return new BatchSummary(d.id(), d.currency(), d.status(), d.generatedBy(), d.approvedBy(), d.generatedAt(),
          d.closedAt(), own.total(), own.lines(), d.purgedAt(), BatchView.linesHref(d.id()));
    }).toList(), next);
  }

  /** The manager's share of each batch of a page: one query, reading only the ids and amounts of their lines. */
  private Map<String, Counted> counted(String tenantId, List<BatchViewDocument> page, Set<String> creators) {
    Map<String, Counted> counted = new HashMap<>();
    if (page.isEmpty()) return counted;
    for (LineAmount line : amounts(tenantId, page.stream().map(BatchViewDocument::id).toList(), creators)) {
      counted.merge(line.batchId(), new Counted(1, line.amount()),
          (a, b) -> new Counted(a.lines() + b.lines(), a.total().add(b.total())));
    }
    return counted;
  }

  private List<LineAmount> amounts(String tenantId, List<String> batchIds, Set<String> creators) {
    Query query = query(where("batchId").in(batchIds).and("tenantId").is(tenantId).and("creatorId").in(creators));
    query.fields().include("batchId", "amount");
    return mongo.find(query, LineAmount.class, BatchLineDocument.COLLECTION);
  }

  /**
   * The batch's summary, without its creator ids, when it is the tenant's. Looked up by {@code _id} alone and the
   * tenant compared here: a query on {@code _id} and another field reads the whole collection on the stand-in.
   */
  private Optional<BatchViewDocument> summary(String tenantId, String batchId) {
    Query query = query(where("_id").is(batchId));
    query.fields().exclude("creatorIds");
    return Optional.ofNullable(mongo.findOne(query, BatchViewDocument.class))
        .filter(d -> tenantId != null && tenantId.equals(d.tenantId()));
  }

  /** Positions {@code from} to {@code to} (exclusive) of the batch, in order, by their slots. */
  private List<BatchLineDocument> linesAt(String tenantId, String batchId, int from, int to) {
    if (from >= to) return List.of();
    return mongo.find(query(where("slot").in(BatchLineDocument.slots(batchId, from, to))), BatchLineDocument.class)
        .stream().filter(l -> tenantId.equals(l.tenantId()))
        .sorted(Comparator.comparingInt(BatchLineDocument::position)).toList();
  }

  /** A manager's lines of the batch after {@code afterPosition}, in batch order, at most {@code limit}. */
  private List<BatchLineDocument> linesOf(
      String tenantId, String batchId, Set<String> creators, int afterPosition, int limit) {
    Criteria criteria = where("batchId").is(batchId).and("tenantId").is(tenantId).and("creatorId").in(creators);
    if (afterPosition >= 0) criteria = criteria.and("position").gt(afterPosition);
    return mongo.find(new Query(criteria).with(IN_BATCH_ORDER).limit(limit), BatchLineDocument.class);
  }

  private static int lineCount(BatchViewDocument d) {
    return d.lineCount() == null ? 0 : d.lineCount();
  }

  private static BatchView.Line line(BatchLineDocument l) {
    return new BatchView.Line(l.id(), l.creatorId(), l.creatorName(), l.amount(), l.currency(), l.status(), l.account());
  }

  static void checked(int limit, int max) {
    if (limit < 1 || limit > max) throw new InvalidRequest("limit", "must be between 1 and " + max);
  }

  record LineAmount(String batchId, @Field(targetType = FieldType.DECIMAL128) BigDecimal amount) {}

  private record Counted(int lines, BigDecimal total) {}

  /** Where a list page ended: the last batch's {@code generatedAt} and id, opaque to clients. */
  record ListCursor(Instant generatedAt, String id) {

    static String encode(BatchViewDocument last) {
      String plain = last.generatedAt().toEpochMilli() + ":" + last.id();
      return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    static ListCursor decode(String cursor) {
      try {
        String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":", 2);
        if (parts.length != 2 || parts[1].isBlank()) throw new IllegalArgumentException("not two parts");
        return new ListCursor(Instant.ofEpochMilli(Long.parseLong(parts[0])), parts[1]);
      } catch (IllegalArgumentException | java.time.DateTimeException e) {
        throw new InvalidRequest("cursor", "is not a cursor this API returned");
      }
    }
  }

  /** Where a page of lines ended: the last line's position in the batch, opaque to clients. */
  static final class LineCursor {

    static String encode(int position) {
      return Base64.getUrlEncoder().withoutPadding().encodeToString(("l" + position).getBytes(StandardCharsets.UTF_8));
    }

    static int decode(String cursor) {
      try {
        String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        if (!plain.startsWith("l")) throw new IllegalArgumentException("not a line cursor");
        int position = Integer.parseInt(plain.substring(1));
        if (position < 0) throw new IllegalArgumentException("negative");
        return position;
      } catch (IllegalArgumentException e) {
        throw new InvalidRequest("cursor", "is not a cursor this API returned");
      }
    }

    private LineCursor() {}
  }
}
