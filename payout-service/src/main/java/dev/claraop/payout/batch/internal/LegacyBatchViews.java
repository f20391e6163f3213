package dev.claraop.payout.batch.internal;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Batch views written before a batch's lines had documents of their own held every line inside the batch's
 * {@code batch_views} document ({@code lines}), which is what made the batch list load every line of every batch.
 * At start, before the event processors run (so no event of such a batch is projected meanwhile), each one is split:
 * its lines become {@code batch_view_lines} documents in their order, and the summary gets {@code lineCount} and
 * {@code creatorIds} and loses {@code lines}. One batch at a time, so a 10,000-line batch is the most held at once;
 * idempotent, so a start that died half way is finished by the next.
 */
@Component
class LegacyBatchViews implements SmartInitializingSingleton {

  private static final Logger log = LoggerFactory.getLogger(LegacyBatchViews.class);
  private static final int INSERT_CHUNK = 1_000;
  private final MongoTemplate mongo;

  LegacyBatchViews(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  @Override
  public void afterSingletonsInstantiated() {
    int split = splitAll();
    if (split > 0) log.info("batch views: {} batch(es) with embedded lines split into batch_view_lines", split);
  }

  /** @return how many batch views were split */
  int splitAll() {
    int split = 0;
    Document legacy;
    while ((legacy = mongo.findOne(query(where("lines").exists(true)), Document.class, BatchViewDocument.COLLECTION))
        != null) {
      split(legacy);
      split++;
    }
    return split;
  }

  private void split(Document batch) {
    Object batchId = batch.get("_id");
    String tenantId = batch.getString("tenantId");
    List<Document> lines = batch.getList("lines", Document.class, List.of());
    mongo.remove(query(where("slot").in(BatchLineDocument.slots(String.valueOf(batchId), 0, lines.size()))),
        BatchLineDocument.COLLECTION);
    Set<String> creators = new LinkedHashSet<>();
    List<Document> chunk = new ArrayList<>();
    for (int position = 0; position < lines.size(); position++) {
      Document line = lines.get(position);
      creators.add(line.getString("creatorId"));
      Object lineId = line.containsKey("_id") ? line.get("_id") : line.get("id");
      chunk.add(new Document("_id", lineId).append("batchId", batchId).append("tenantId", tenantId)
          .append("position", position).append("slot", BatchLineDocument.slot(String.valueOf(batchId), position))
          .append("creatorId", line.get("creatorId"))
          .append("creatorName", line.get("creatorName")).append("amount", line.get("amount"))
          .append("currency", line.get("currency")).append("status", line.get("status"))
          .append("account", line.get("account")).append("generatedAt", batch.get("generatedAt")));
      if (chunk.size() == INSERT_CHUNK) {
        mongo.getCollection(BatchLineDocument.COLLECTION).insertMany(chunk);
        chunk.clear();
      }
    }
    if (!chunk.isEmpty()) mongo.getCollection(BatchLineDocument.COLLECTION).insertMany(chunk);
    mongo.updateFirst(query(where("_id").is(batchId)), new Update().set("lineCount", lines.size())
        .set("creatorIds", List.copyOf(creators)).unset("lines"), BatchViewDocument.COLLECTION);
  }
}
