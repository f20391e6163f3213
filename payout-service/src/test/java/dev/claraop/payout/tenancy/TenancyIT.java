package dev.claraop.payout.tenancy;

import static dev.claraop.test.Callers.tenantUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.claraop.events.EventEnvelope;
import dev.claraop.events.EventTypes;
import dev.claraop.events.Topics;
import dev.claraop.events.identity.UserInvited;
import dev.claraop.payout.BatchFlow;
import dev.claraop.payout.IdentityAnnouncements;
import dev.claraop.payout.PayoutFixtures;
import dev.claraop.payout.PayoutIntegrationTest;
import dev.claraop.payout.tenancy.internal.PodDocument;
import dev.claraop.platform.security.Role;
import dev.claraop.test.KafkaRecords;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Pods and tenant members learnt from {@code identity.events} through the real consumer, and what they decide:
 * a MANAGER reads only their pods' lines (DESIGN §3, §8), an ADMIN sets bank details only for their tenant's creators.
 */
class TenancyIT extends PayoutIntegrationTest {

  @Autowired MockMvc http;
  @Autowired MongoTemplate mongo;
  @Autowired TenantMembers members;
  @Autowired PodScope pods;
  @Autowired ApplicationContext context;
  private IdentityAnnouncements identity;

  @BeforeEach
  void announcements() {
    identity = IdentityAnnouncements.from(context);
  }

  @Test
  void a_manager_reads_the_batches_paying_their_pods_creators_with_those_lines_only() throws Exception {
    BatchFlow batch = twoCreatorBatch();
    identity.pod(batch.tenant(), "pod-a", "mgr-a", List.of("creator-0"));
    RequestPostProcessor manager = tenantUser("mgr-a", batch.tenant(), Role.MANAGER);

    // The list is of summaries (issue 19): the manager's share is counted there, the lines are paged apart.
    String list = http.perform(get("/api/batches").with(manager)).andExpect(status().isOk())
        .andExpect(jsonPath("$.items.length()").value(1))
        .andExpect(jsonPath("$.items[0].id").value(batch.batchId()))
        .andExpect(jsonPath("$.items[0].lines").doesNotExist())
        .andExpect(jsonPath("$.items[0].lineCount").value(1))
        .andExpect(jsonPath("$.items[0].total").value(10.00))
        .andReturn().getResponse().getContentAsString();
    String lines = http.perform(get(batch.path("/lines")).with(manager)).andExpect(status().isOk())
        .andExpect(jsonPath("$.items.length()").value(1))
        .andExpect(jsonPath("$.items[0].creatorId").value("creator-0"))
        .andReturn().getResponse().getContentAsString();
    String one = http.perform(get(batch.path("")).with(manager)).andExpect(status().isOk())
        .andExpect(jsonPath("$.lines.length()").value(1))
        .andExpect(jsonPath("$.lines[0].creatorId").value("creator-0"))
        .andReturn().getResponse().getContentAsString();
    assertThat(list + lines + one).doesNotContain("creator-1").doesNotContain("Creator 1");

    // The ADMIN still reads the whole batch.
    http.perform(get(batch.path("")).with(batch.approver())).andExpect(jsonPath("$.lines.length()").value(2))
        .andExpect(jsonPath("$.total").value(20.00));
  }

  @Test
  void a_manager_of_no_pod_or_of_another_tenant_reads_no_batch() throws Exception {
    BatchFlow batch = twoCreatorBatch();
    identity.pod(batch.tenant(), "pod-a", "mgr-a", List.of("creator-0"));
    identity.pod(batch.tenant(), "pod-empty", "mgr-empty", List.of());
    var strangers = List.of(tenantUser("mgr-empty", batch.tenant(), Role.MANAGER),
        tenantUser("mgr-none", batch.tenant(), Role.MANAGER), tenantUser("mgr-a", "t-" + UUID.randomUUID(), Role.MANAGER));
    for (RequestPostProcessor manager : strangers) {
      http.perform(get("/api/batches").with(manager)).andExpect(status().isOk())
          .andExpect(jsonPath("$.items.length()").value(0));
      http.perform(get(batch.path("")).with(manager)).andExpect(status().isNotFound())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
  }

  @Test
  void a_creator_moved_out_of_the_pod_leaves_the_managers_view_without_a_new_token() throws Exception {
    BatchFlow batch = twoCreatorBatch();
    identity.pod(batch.tenant(), "pod-a", "mgr-a", List.of("creator-0", "creator-1"));
    RequestPostProcessor sameToken = tenantUser("mgr-a", batch.tenant(), Role.MANAGER);
    http.perform(get(batch.path("")).with(sameToken)).andExpect(jsonPath("$.lines.length()").value(2));

    identity.send(IdentityAnnouncements.podUpdated(batch.tenant(), "pod-a", "mgr-a", List.of("creator-1"), Instant.now()));
    Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        http.perform(get(batch.path("")).with(sameToken)).andExpect(jsonPath("$.lines.length()").value(1))
            .andExpect(jsonPath("$.lines[0].creatorId").value("creator-1")));

    identity.send(IdentityAnnouncements.podUpdated(batch.tenant(), "pod-a", "mgr-a", List.of(), Instant.now()));
    Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        http.perform(get(batch.path("")).with(sameToken)).andExpect(status().isNotFound()));
    http.perform(get("/api/batches").with(sameToken)).andExpect(jsonPath("$.items.length()").value(0));
  }

  @Test
  void a_redelivered_or_older_pod_event_changes_nothing() {
    String tenant = newTenant();
    EventEnvelope newer = IdentityAnnouncements.podUpdated(tenant, "pod-r", "mgr-r", List.of("c-new"), Instant.now());
    EventEnvelope older = IdentityAnnouncements.podUpdated(tenant, "pod-r", "mgr-r", List.of("c-old"),
        newer.occurredAt().minusSeconds(60));
    identity.send(newer);
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> pods.creatorsManagedBy(tenant, "mgr-r").equals(Set.of("c-new")));

    identity.send(newer); // redelivered
    identity.send(older); // relayed late by a second outbox relay
    // A later record on the same partition (same key): once it is applied, the two before it have been handled.
    identity.send("pod-r", IdentityAnnouncements.envelopeJson(
        IdentityAnnouncements.podUpdated(tenant, "pod-marker", "mgr-marker", List.of("c-marker"), Instant.now())));
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !pods.creatorsManagedBy(tenant, "mgr-marker").isEmpty());

    assertThat(pods.creatorsManagedBy(tenant, "mgr-r")).containsExactly("c-new");
    assertThat(mongo.findById(PodDocument.idOf(tenant, "pod-r"), PodDocument.class).eventId())
        .isEqualTo(newer.eventId().toString());
  }

  @Test
  void an_unreadable_identity_record_goes_to_the_dead_letter_topic_and_the_next_one_is_applied() {
    String tenant = newTenant();
    String key = "poison-" + UUID.randomUUID();
    identity.send(key, "{\"eventId\": \"not an event");
    identity.send(key, IdentityAnnouncements.envelopeJson(IdentityAnnouncements.envelope(EventTypes.IDENTITY_USER_INVITED,
        Instant.now(), tenant, "cre-after", new UserInvited("cre-after", "CREATOR", "admin-1"))));

    assertThat(KafkaRecords.read(Topics.deadLetterOf(Topics.IDENTITY), r -> key.equals(r.key()), 1, Duration.ofSeconds(30)))
        .hasSize(1);
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> members.has(tenant, "cre-after", Role.CREATOR));
  }

  @Test
  void an_admin_sets_bank_details_only_for_a_creator_of_their_own_tenant() throws Exception {
    String tenant = newTenant();
    String otherTenant = newTenant();
    identity.creator(tenant, "cre-a");
    identity.send(IdentityAnnouncements.envelope(EventTypes.IDENTITY_USER_INVITED, Instant.now(), tenant, "mgr-a",
        new UserInvited("mgr-a", "MANAGER", "admin-1")));
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> members.has(tenant, "mgr-a", Role.MANAGER));

    // Another tenant's ADMIN, a user who is no creator, an unknown id: 404, and nothing stored under their tenant.
    var refused = List.of(new String[] {otherTenant, "cre-a"}, new String[] {tenant, "mgr-a"}, new String[] {tenant, "cre-unknown"});
    for (String[] attempt : refused) {
      http.perform(put("/api/payout-profiles/" + attempt[1]).with(tenantUser("admin-1", attempt[0], Role.ADMIN))
              .contentType(MediaType.APPLICATION_JSON).content(PayoutFixtures.ukProfile("Ada Intruded")))
          .andExpect(status().isNotFound())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
      assertThat(mongo.getCollection("domainevents").countDocuments(
          new Document("aggregateIdentifier", "payout-profile:" + attempt[0] + "." + attempt[1]))).as(attempt[1]).isZero();
    }
    http.perform(put("/api/payout-profiles/cre-a").with(tenantUser("admin-1", tenant, Role.ADMIN))
            .contentType(MediaType.APPLICATION_JSON).content(PayoutFixtures.ukProfile("Ada Creator")))
        .andExpect(status().isOk()).andExpect(jsonPath("$.lastEditedBy").value("admin-1"));
  }

  /** creator-0 and creator-1 of a fresh tenant, 10.00 each. */
  private BatchFlow twoCreatorBatch() throws Exception {
    return BatchFlow.generated(http, mongo, List.of(PayoutFixtures.ukProfile("Creator Zero"), PayoutFixtures.ukProfile("Creator One")));
  }

  private static String newTenant() {
    return "t-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
