package dev.claraop.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Pod membership is not in the token (DESIGN §3): payout-service learns it from identity.events. Through the real
 * gateway with real Keycloak tokens, a creator moved out of a pod (PUT /api/identity/pods/{podId}) leaves the
 * manager's batch view within seconds, while the manager keeps using the very same access token.
 */
class PodMembershipE2ETest {

  private static final String DEMO = "demo";

  @Test
  void a_creator_moved_out_of_a_pod_leaves_the_managers_batch_view_within_seconds_without_a_new_token() {
    Suite suite = Suite.get();
    Api api = new Api(suite);
    Seeds seeds = new Seeds(suite, api);
    String run = UUID.randomUUID().toString().substring(0, 8);
    String admin = api.token("admin@demo.claraop.dev");

    // A creator invited through identity-service (so payout-service knows them), a manager of their own, and a
    // pod of this test alone: the demo pods and their creators stay as the other tests expect them.
    String creator = seeds.invitedCreator(admin);
    String managerName = "pod-manager-" + run + "@demo.e2e.claraop.dev";
    String managerId = seeds.tenantUser(DEMO, managerName, "MANAGER");
    String pod = "/api/identity/pods/pod-move-" + run;
    assertThat(putPod(api, suite, admin, pod, managerId, List.of(creator)).status()).isEqualTo(200);

    // A batch in a currency no other test uses, so it pays this creator alone.
    seeds.payoutProfile(admin, creator);
    seeds.approvedInvoice(DEMO, creator, "Pia Pod", "21.00", "CHF");
    Api.Response generated = api.post("/api/batches", admin, "{\"currency\":\"CHF\"}");
    assertThat(generated.status()).as(generated.body()).isEqualTo(201);
    String batch = "/api/batches/" + generated.json().get("id").asString();

    String managerToken = api.token(managerName); // the one token the manager uses throughout
    JsonNode seen = Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
        .until(() -> api.get(batch, managerToken), r -> r.status() == 200).json();
    assertThat(seen.get("lines")).hasSize(1);
    assertThat(seen.get("lines").get(0).get("creatorId").asString()).isEqualTo(creator);
    assertThat(batchIds(api.get("/api/batches", managerToken))).contains(seen.get("id").asString());
    // The list carries summaries (issue 19); the lines are paged at their own route, scoped the same way.
    Api.Response lines = api.get(batch + "/lines", managerToken);
    assertThat(lines.status()).as(lines.body()).isEqualTo(200);
    assertThat(lines.json().get("items")).hasSize(1);
    assertThat(lines.json().get("items").get(0).get("creatorId").asString()).isEqualTo(creator);

    long moved = System.nanoTime();
    assertThat(putPod(api, suite, admin, pod, managerId, List.of()).status()).isEqualTo(200);
    Api.Response gone = Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
        .until(() -> api.get(batch, managerToken), r -> r.status() == 404);
    System.out.printf("creator moved out of the pod: gone from the manager's view %d ms after the change%n",
        Duration.ofNanos(System.nanoTime() - moved).toMillis());
    assertThat(gone.contentType()).startsWith("application/problem+json");
    assertThat(batchIds(api.get("/api/batches", managerToken))).doesNotContain(seen.get("id").asString());
    assertThat(api.get(batch + "/lines", managerToken).status()).isEqualTo(404);
    // The ADMIN still sees the whole batch.
    assertThat(api.get(batch, admin).json().get("lines")).hasSize(1);
  }

  private static Api.Response putPod(Api api, Suite suite, String token, String pod, String managerId, List<String> creators) {
    String body = "{\"name\":\"Pod move\",\"managerId\":\"" + managerId + "\",\"creatorIds\":"
        + Api.JSON.writeValueAsString(creators) + "}";
    return api.send(HttpRequest.newBuilder(URI.create(suite.gateway + pod)).header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  private static List<String> batchIds(Api.Response list) {
    assertThat(list.status()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    list.json().get("items").forEach(item -> ids.add(item.get("id").asString()));
    return ids;
  }
}
