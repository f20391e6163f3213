package dev.claraop.identity.pod;

import static dev.claraop.test.Callers.staff;
import static dev.claraop.test.Callers.tenantUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.claraop.events.EventCodec;
import dev.claraop.events.EventEnvelope;
import dev.claraop.events.EventTypes;
import dev.claraop.events.Topics;
import dev.claraop.events.identity.PodUpdated;
import dev.claraop.identity.IdentityIntegrationTest;
import dev.claraop.identity.TestRealm;
import dev.claraop.platform.security.Role;
import dev.claraop.test.KafkaRecords;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Pods through HTTP, stored with their event in one document, relayed to a real Kafka broker. */
class PodIT extends IdentityIntegrationTest {

  @Autowired MockMvc http;
  @Autowired MongoTemplate mongo;
  private final EventCodec codec = new EventCodec();

  @Test
  void an_admin_sets_a_pod_and_its_whole_membership_is_published_once() throws Exception {
    String tenant = newTenant();
    String m1 = TestRealm.member(tenant, "MANAGER");
    String c1 = TestRealm.member(tenant, "CREATOR");
    String c2 = TestRealm.member(tenant, "CREATOR");
    http.perform(put("/api/identity/pods/pod-a").with(admin(tenant)).header("X-Request-Id", "req-pod-1")
            .contentType(MediaType.APPLICATION_JSON)
            .content(pod("Pod A", m1, c1, c2)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.podId").value("pod-a"))
        .andExpect(jsonPath("$.creatorIds.length()").value(2))
        .andExpect(jsonPath("$.outbox").doesNotExist());

    List<ConsumerRecord<String, String>> records = KafkaRecords.read(Topics.IDENTITY,
        r -> r.value().contains("\"tenantId\":\"" + tenant + "\""), 1, Duration.ofSeconds(20));
    assertThat(records).hasSize(1);
    EventEnvelope event = codec.read(records.getFirst().value());
    assertThat(event.type()).isEqualTo("identity.pod.updated");
    assertThat(event.subjectId()).isEqualTo("pod-a");
    assertThat(event.actor().id()).isEqualTo("admin-" + tenant);
    assertThat(event.correlationId()).isEqualTo("req-pod-1");
    assertThat(codec.data(event, EventTypes.IDENTITY_POD_UPDATED))
        .isEqualTo(new PodUpdated("pod-a", "Pod A", m1, List.of(c1, c2)));
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
        mongo.findById(Pod.idOf(tenant, "pod-a"), Pod.class).outbox().isEmpty());

    http.perform(get("/api/identity/pods").with(admin(tenant)))
        .andExpect(jsonPath("$.items[0].managerId").value(m1))
        .andExpect(jsonPath("$.nextCursor").isEmpty());
  }

  @Test
  void pods_of_two_tenants_never_meet_even_with_the_same_id() throws Exception {
    String one = newTenant();
    String two = newTenant();
    putPod(one, "pod-x", pod("One", TestRealm.member(one, "MANAGER"), TestRealm.member(one, "CREATOR")))
        .andExpect(status().isOk());
    putPod(two, "pod-x", pod("Two", TestRealm.member(two, "MANAGER"), TestRealm.member(two, "CREATOR")))
        .andExpect(status().isOk());
    http.perform(get("/api/identity/pods").with(admin(one)))
        .andExpect(jsonPath("$.items.length()").value(1)).andExpect(jsonPath("$.items[0].name").value("One"));
    http.perform(get("/api/identity/pods").with(admin(two)))
        .andExpect(jsonPath("$.items.length()").value(1)).andExpect(jsonPath("$.items[0].name").value("Two"));
  }

  @Test
  void a_creator_is_in_one_pod_of_a_tenant_at_a_time() throws Exception {
    String tenant = newTenant();
    String m1 = TestRealm.member(tenant, "MANAGER");
    String m2 = TestRealm.member(tenant, "MANAGER");
    String c1 = TestRealm.member(tenant, "CREATOR");
    putPod(tenant, "pod-a", pod("A", m1, c1)).andExpect(status().isOk());
    putPod(tenant, "pod-b", pod("B", m2, c1))
        .andExpect(status().isConflict())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    // Moving the creator out of pod-a first makes room.
    putPod(tenant, "pod-a", pod("A", m1)).andExpect(status().isOk());
    putPod(tenant, "pod-b", pod("B", m2, c1)).andExpect(status().isOk());
  }

  @Test
  void a_pod_names_only_real_users_of_the_tenant_in_their_role_and_a_refusal_changes_nothing() throws Exception {
    String tenant = newTenant();
    String other = newTenant();
    String manager = TestRealm.member(tenant, "MANAGER");
    String creator = TestRealm.member(tenant, "CREATOR");
    for (String body : List.of(
        pod("A", manager, TestRealm.member(other, "CREATOR")),   // a creator of another tenant
        pod("A", TestRealm.member(other, "MANAGER"), creator),   // a manager of another tenant
        pod("A", manager, "no-such-user"),
        pod("A", creator),                                          // a creator as manager
        pod("A", manager, TestRealm.member(tenant, "MANAGER")))) { // a manager as creator
      putPod(tenant, "pod-a", body).andExpect(status().isBadRequest())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
    assertThat(mongo.findById(Pod.idOf(tenant, "pod-a"), Pod.class)).isNull();
    putPod(tenant, "pod-a", pod("A", manager, creator)).andExpect(status().isOk());
  }

  @Test
  void invalid_pods_are_400_problems_and_change_nothing() throws Exception {
    String tenant = newTenant();
    for (String[] bad : List.of(
        new String[] {"Pod_A", "{\"name\":\"A\",\"managerId\":\"m-1\",\"creatorIds\":[]}"},
        new String[] {"pod-a", "{\"name\":\"\",\"managerId\":\"m-1\",\"creatorIds\":[]}"},
        new String[] {"pod-a", "{\"name\":\"A\",\"managerId\":\"m-1\",\"creatorIds\":[\"m-1\"]}"},
        new String[] {"pod-a", "{\"name\":\"A\",\"managerId\":\"m-1\",\"creatorIds\":[\"c-1\",\"c-1\"]}"},
        new String[] {"pod-a", "{\"name\":\"A\",\"managerId\":\"m-1\"}"},
        new String[] {"pod-a", "{\"name\":\"A\","})) {
      putPod(tenant, bad[0], bad[1])
          .andExpect(status().isBadRequest())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
    assertThat(mongo.count(org.springframework.data.mongodb.core.query.Query.query(
        org.springframework.data.mongodb.core.query.Criteria.where("tenantId").is(tenant)), Pod.class)).isZero();
  }

  @Test
  void only_a_tenant_admin_sets_or_lists_pods() throws Exception {
    String tenant = newTenant();
    String body = "{\"name\":\"A\",\"managerId\":\"m-1\",\"creatorIds\":[]}";
    http.perform(put("/api/identity/pods/pod-a").contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isUnauthorized());
    for (Role role : List.of(Role.MANAGER, Role.CREATOR)) {
      http.perform(put("/api/identity/pods/pod-a").with(tenantUser("u", tenant, role))
          .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isForbidden());
      http.perform(get("/api/identity/pods").with(tenantUser("u", tenant, role))).andExpect(status().isForbidden());
    }
    for (Role role : List.of(Role.PLATFORM_ADMIN, Role.SUPPORT_ENGINEER, Role.SUPPORT_REVIEWER)) {
      http.perform(put("/api/identity/pods/pod-a").with(staff("s", role))
          .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isForbidden());
    }
    assertThat(mongo.findById(Pod.idOf(tenant, "pod-a"), Pod.class)).isNull();
  }

  private org.springframework.test.web.servlet.ResultActions putPod(String tenant, String podId, String body) throws Exception {
    return http.perform(put("/api/identity/pods/" + podId).with(admin(tenant))
        .contentType(MediaType.APPLICATION_JSON).content(body));
  }

  private static org.springframework.test.web.servlet.request.RequestPostProcessor admin(String tenant) {
    return tenantUser("admin-" + tenant, tenant, Role.ADMIN);
  }

  private static String pod(String name, String managerId, String... creatorIds) {
    return "{\"name\":\"" + name + "\",\"managerId\":\"" + managerId + "\",\"creatorIds\":["
        + String.join(",", java.util.Arrays.stream(creatorIds).map(c -> "\"" + c + "\"").toList()) + "]}";
  }

  private static String newTenant() {
    return "t-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
