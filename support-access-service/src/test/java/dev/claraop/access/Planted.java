package dev.claraop.access;

import dev.claraop.events.Topics;
import dev.claraop.test.KafkaRecords;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Where a planted value must never turn up: every Mongo collection of the service, access.events, the log. */
public final class Planted {

  /**
   * The parts of a planted text that identify it: the whole text, and each token of eight or more characters
   * that is not a plain word (the number, key or token itself), so that a partial leak is found too.
   */
  public static List<String> markers(String text) {
    List<String> markers = new ArrayList<>(List.of(text));
    Arrays.stream(text.split("[\\s,;\"']+"))
        .filter(token -> token.length() >= 8 && !token.matches("[A-Za-z'.:!?()-]+"))
        .forEach(markers::add);
    return markers;
  }

  public static String everythingStored(MongoTemplate mongo) {
    StringBuilder all = new StringBuilder();
    for (String collection : mongo.getCollectionNames()) {
      for (Document document : mongo.findAll(Document.class, collection)) all.append(document.toJson()).append('\n');
    }
    return all.toString();
  }

  public static String everythingPublished() {
    StringBuilder all = new StringBuilder();
    KafkaRecords.read(Topics.ACCESS, r -> true, Integer.MAX_VALUE, Duration.ofSeconds(3))
        .forEach(r -> all.append(r.key()).append(' ').append(r.value()).append('\n'));
    return all.toString();
  }

  private Planted() {}
}
