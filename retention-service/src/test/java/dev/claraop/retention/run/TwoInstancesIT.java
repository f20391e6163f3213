package dev.claraop.retention.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.claraop.retention.PayoutStandIn;
import dev.claraop.retention.RetentionIntegrationTest;
import dev.claraop.retention.RetentionServiceApplication;
import dev.claraop.retention.schedule.DuePurge;
import dev.claraop.test.KafkaFixture;
import dev.claraop.test.KeycloakFixture;
import dev.claraop.test.MongoFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Two instances of retention-service on one MongoDB, both with the daily job's schedule firing every second, and
 * both asked to run it at the same moment again and again: ShedLock lets exactly one run happen, and every due
 * batch is purged once.
 */
class TwoInstancesIT {

  @Test
  void two_instances_make_one_scheduled_run() throws Exception {
    PayoutStandIn.purgesEverything();
    String database = "retention-two-" + UUID.randomUUID().toString().substring(0, 8);
    List<String> batches = IntStream.range(0, 3).mapToObj(i -> "b-" + UUID.randomUUID()).toList();
    try (MongoClient client = MongoClients.create(MongoFixture.uri())) {
      MongoTemplate mongo = new MongoTemplate(client, database);
      Instant longAgo = Instant.now().minus(Duration.ofDays(40));
      // Due before either instance starts, so the first scheduled run has work to do.
      batches.forEach(b -> mongo.insert(new DuePurge(b, "demo", longAgo, DuePurge.Status.DUE, "e-" + b, longAgo, 0, null, null)));

      try (ConfigurableApplicationContext first = start(database); ConfigurableApplicationContext second = start(database)) {
        List<ScheduledPurge> jobs = List.of(first.getBean(ScheduledPurge.class), second.getBean(ScheduledPurge.class));
        for (int round = 0; round < 3; round++) { // both at once, through ShedLock's proxy, as their schedulers do
          CyclicBarrier together = new CyclicBarrier(2);
          CompletableFuture.allOf(jobs.stream().map(job -> CompletableFuture.runAsync(() -> {
            meet(together);
            job.runDaily();
          })).toArray(CompletableFuture[]::new)).join();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> scheduledRuns(mongo).size() >= 1);
        // Through three more ticks of both schedules, checked all along: still exactly one run.
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
            .until(() -> scheduledRuns(mongo).size() == 1);

        List<RetentionRun> runs = scheduledRuns(mongo);
        assertThat(runs).hasSize(1);
        assertThat(runs.getFirst().requestedBy()).isEqualTo("retention-service");
        assertThat(runs.getFirst().batches()).extracting(RetentionRun.BatchResult::batchId).containsAll(batches);
        for (String batch : batches) assertThat(PayoutStandIn.purgesOf(batch)).as(batch).hasSize(1);
      }
    }
  }

  private static List<RetentionRun> scheduledRuns(MongoTemplate mongo) {
    return mongo.findAll(RetentionRun.class).stream().filter(r -> r.trigger() == RetentionRun.Trigger.SCHEDULED).toList();
  }

  private static ConfigurableApplicationContext start(String database) {
    KeycloakFixture.Server keycloak = KeycloakFixture.server();
    // Command-line arguments: they win over application.yml (default properties would not).
    return new SpringApplicationBuilder(RetentionServiceApplication.class).run(
        "--server.port=0",
        "--spring.mongodb.uri=" + MongoFixture.uri() + "/" + database,
        "--spring.mongodb.database=" + database,
        "--spring.kafka.bootstrap-servers=" + KafkaFixture.bootstrapServers(),
        "--spring.kafka.consumer.group-id=" + database,
        "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + keycloak.issuer(),
        "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + keycloak.jwkSetUri(),
        "--claraop.retention.payout.token-uri=" + keycloak.issuer() + "/protocol/openid-connect/token",
        "--claraop.retention.payout.client-secret=" + RetentionIntegrationTest.DEV_CLIENT_SECRET,
        "--claraop.retention.payout.base-url=" + PayoutStandIn.baseUrl(),
        "--claraop.retention.payout-purge-cron=* * * * * *",
        "--claraop.retention.payout-purge-lock-at-least=PT1M");
  }

  private static void meet(CyclicBarrier barrier) {
    try {
      barrier.await();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
