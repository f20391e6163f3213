package dev.claraop.payout.batch.internal;

import dev.claraop.payout.batch.LineStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;
import org.springframework.data.mongodb.core.mapping.FieldType;

/**
 * One line of a batch's read model, by line id. {@code position} is the line's place in the batch (as generated, from
 * 0), the order its pages follow; {@code slot} ({@code <batchId>/<position>}, unique) is the key a batch's lines are
 * read and changed by: a page is the slots it covers, found by one index lookup each, also on the devstack's Mongo
 * stand-in, which serves only equality and {@code $in} on a unique index and reads the whole collection for anything
 * else (issue 19). {@code account}: masked only, never the sealed value; {@code SHREDDED} after the purge.
 * {@code creatorName} is opened from the event as it is projected; account erasure overwrites it with {@code erased}
 * (the erasure feature reaches this collection by its name, {@value #COLLECTION}).
 *
 * <p>For the creator's payout trail ({@code GET /api/my/payouts}): {@code generatedAt} is when the line's batch was
 * generated (the order of the trail, newest first; absent on lines projected before it was kept, which a replay
 * fills), {@code confirmedAt} when the line was last marked paid or failed, {@code failureReason} the reason it was
 * marked failed (unset once it is paid).
 */
@Document(BatchLineDocument.COLLECTION)
record BatchLineDocument(
    @Id String id, String batchId, String tenantId, int position, String slot, String creatorId, String creatorName,
    @Field(targetType = FieldType.DECIMAL128) BigDecimal amount, String currency, LineStatus status, String account,
    Instant generatedAt, Instant confirmedAt, String failureReason) {

  static final String COLLECTION = "batch_view_lines";

  @PersistenceCreator
  BatchLineDocument {}

  /** A line as generated: pending, not yet confirmed by the bank. */
  BatchLineDocument(
      String id, String batchId, String tenantId, int position, String slot, String creatorId, String creatorName,
      BigDecimal amount, String currency, LineStatus status, String account) {
    this(id, batchId, tenantId, position, slot, creatorId, creatorName, amount, currency, status, account, null, null,
        null);
  }

  static String slot(String batchId, int position) {
    return batchId + "/" + position;
  }

  /** The slots of positions {@code from} (inclusive) to {@code to} (exclusive) of a batch. */
  static List<String> slots(String batchId, int from, int to) {
    List<String> slots = new ArrayList<>(Math.max(0, to - from));
    for (int position = from; position < to; position++) slots.add(slot(batchId, position));
    return slots;
  }
}
