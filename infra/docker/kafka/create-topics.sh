#!/bin/sh
# Run by the one-shot `kafka-init` service of infra/docker-compose.yml (apache/kafka image), and usable
# as is against any cluster: creates the ClaraOP topics and their dead-letter topics if absent
# (--if-not-exists makes a re-run a no-op; it never alters an existing topic).
#
#   KAFKA_BOOTSTRAP_SERVERS   broker to talk to                    (compose: kafka:9092)
#   TOPIC_PARTITIONS          partitions per event topic           (default 3 = Topics.PARTITIONS)
#   DLT_PARTITIONS            partitions per <topic>.DLT           (default 1)
#   TOPIC_REPLICATION_FACTOR  replicas per partition               (default 1: one broker in compose)
#   TOPIC_MIN_INSYNC_REPLICAS min.insync.replicas per topic        (default 1)
#
# Production (DESIGN §11): a cluster of at least 3 brokers with TOPIC_REPLICATION_FACTOR=3 and
# TOPIC_MIN_INSYNC_REPLICAS=2, so that an acks=all write (our producers use acks=all) survives the
# loss of one broker. The compose stack has one broker, hence 1/1: it shows the shape, not the
# durability.
#
# The partition counts are those the services declare themselves (platform-events Topics.PARTITIONS
# for the event topics; audit-service declares each <topic>.DLT with 1 partition, and its recoverer
# lets Kafka pick the partition). Keep them in step: KafkaAdmin in the services never shrinks a topic.
# A consumer that uses Spring Kafka's DEFAULT dead-letter destination writes to the SAME partition
# number of <topic>.DLT; for that, DLT_PARTITIONS must be at least TOPIC_PARTITIONS.
set -eu

BOOTSTRAP="${KAFKA_BOOTSTRAP_SERVERS:-kafka:9092}"
PARTITIONS="${TOPIC_PARTITIONS:-3}"
DLT_PARTITIONS="${DLT_PARTITIONS:-1}"
REPLICATION_FACTOR="${TOPIC_REPLICATION_FACTOR:-1}"
MIN_ISR="${TOPIC_MIN_INSYNC_REPLICAS:-1}"
KAFKA_BIN="${KAFKA_BIN:-/opt/kafka/bin}"

# Topic names as in platform-events (dev.claraop.events.Topics).
TOPICS="identity.events payout.events ingest.events access.events retention.events"

create() { # name partitions
  "$KAFKA_BIN/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP" --create --if-not-exists \
    --topic "$1" --partitions "$2" --replication-factor "$REPLICATION_FACTOR" \
    --config min.insync.replicas="$MIN_ISR"
}

for topic in $TOPICS; do
  create "$topic" "$PARTITIONS"
  create "$topic.DLT" "$DLT_PARTITIONS"
done

echo "Topics on $BOOTSTRAP:"
"$KAFKA_BIN/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP" --list
