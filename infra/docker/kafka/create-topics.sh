#!/bin/sh
# Run by the one-shot `kafka-init` service of infra/docker-compose.yml (apache/kafka image), and usable
# as is against any cluster: creates the ClaraOP topics and their dead-letter topics if absent
# (--if-not-exists makes a re-run a no-op; it never alters an existing topic).
#
#   KAFKA_BOOTSTRAP_SERVERS   broker to talk to                    (compose: kafka:9092)
#   TOPIC_PARTITIONS          partitions per topic                 (default 6)
#   TOPIC_REPLICATION_FACTOR  replicas per partition               (default 1: one broker in compose)
#   TOPIC_MIN_INSYNC_REPLICAS min.insync.replicas per topic        (default 1)
#
# Production (DESIGN §11): a cluster of at least 3 brokers with TOPIC_REPLICATION_FACTOR=3 and
# TOPIC_MIN_INSYNC_REPLICAS=2, so that an acks=all write (our producers use acks=all) survives the
# loss of one broker. The compose stack has one broker, hence 1/1: it shows the shape, not the
# durability.
#
# Dead-letter topics get the same partition count as their source topic: Spring Kafka's
# DeadLetterPublishingRecoverer writes a failed record to the SAME partition number of <topic>.DLT, so
# a DLT with fewer partitions would make dead-lettering itself fail.
set -eu

BOOTSTRAP="${KAFKA_BOOTSTRAP_SERVERS:-kafka:9092}"
PARTITIONS="${TOPIC_PARTITIONS:-6}"
REPLICATION_FACTOR="${TOPIC_REPLICATION_FACTOR:-1}"
MIN_ISR="${TOPIC_MIN_INSYNC_REPLICAS:-1}"
KAFKA_BIN="${KAFKA_BIN:-/opt/kafka/bin}"

# Topic names as in platform-events (dev.claraop.events.Topics).
TOPICS="identity.events payout.events ingest.events access.events retention.events"

for topic in $TOPICS; do
  for name in "$topic" "$topic.DLT"; do
    "$KAFKA_BIN/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP" --create --if-not-exists \
      --topic "$name" --partitions "$PARTITIONS" --replication-factor "$REPLICATION_FACTOR" \
      --config min.insync.replicas="$MIN_ISR"
  done
done

echo "Topics on $BOOTSTRAP:"
"$KAFKA_BIN/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP" --list
