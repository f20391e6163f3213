package dev.claraop.events;

import java.util.List;

/** Kafka topics of DESIGN §7. Records are keyed by subject id, so one aggregate's events stay ordered. */
public final class Topics {
  public static final String IDENTITY = "identity.events";
  public static final String PAYOUT = "payout.events";
  public static final String INGEST = "ingest.events";
  public static final String ACCESS = "access.events";
  public static final String RETENTION = "retention.events";

  /** Partitions of every event topic: the unit of consumer parallelism, and of per-tenant audit ordering. */
  public static final int PARTITIONS = 3;

  /** Poison records of a topic go to its dead-letter topic. */
  public static String deadLetterOf(String topic) {
    return topic + ".DLT";
  }

  public static List<String> all() {
    return List.of(IDENTITY, PAYOUT, INGEST, ACCESS, RETENTION);
  }

  private Topics() {}
}
