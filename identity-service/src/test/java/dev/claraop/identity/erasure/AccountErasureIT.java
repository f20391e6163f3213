package dev.claraop.identity.erasure;

import static dev.claraop.test.Callers.tenantUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.claraop.events.Actor;
import dev.claraop.events.EventCodec;
import dev.claraop.events.EventEnvelope;
import dev.claraop.events.EventType;
import dev.claraop.events.EventTypes;
import dev.claraop.events.SchemaCheck;
import dev.claraop.events.Topics;
import dev.claraop.events.erasure.ErasureConfirmed;
import dev.claraop.events.erasure.ErasureRequested;
import dev.claraop.events.erasure.ErasureServices;
import dev.claraop.events.erasure.UserDataErased;
import dev.claraop.events.identity.AccountDeleted;
import dev.claraop.events.identity.DelegationRevoked;
import dev.claraop.events.identity.PodUpdated;
import dev.claraop.identity.IdentityIntegrationTest;
import dev.claraop.identity.TestRealm;
import dev.claraop.platform.security.Role;
import dev.claraop.test.ErasureProtocol;
import dev.claraop.test.KafkaRecords;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * identity-service's part of an account erasure (DESIGN §6.6) against the real Keycloak, Mongo and Kafka: retention's
 * requests go onto {@code retention.events} as retention-service would publish them, and what identity-service does
 * is read from Mongo, Keycloak and {@code identity.events}.
 */
class AccountErasureIT extends IdentityIntegrationTest {

  private static final String PASSWORD = ErasureSubjects.PASSWORD;

  @Autowired MockMvc http;
  @Autowired MongoTemplate mongo;
  @Autowired KafkaTemplate<String, String> kafka;
  @Autowired MeterRegistry meters;
  private final EventCodec codec = new EventCodec();
  private final ErasureProtocol erasure = new ErasureProtocol(ErasureServices.IDENTITY);

  @Test
  void an_erased_user_leaves_membership_pods_and_delegations_cannot_log_in_and_is_deleted_on_confirmation()
      throws Exception {
    String tenant = ErasureSubjects.newTenant();
    String elsewhere = ErasureSubjects.newTenant();
    String email = TestRealm.uniqueEmail("erased");
    String user = subjects().invite(tenant, email, "CREATOR");
    String otherEmail = TestRealm.uniqueEmail("kept");
    String other = TestRealm.createUser(otherEmail, PASSWORD, tenant, "CREATOR");
    String manager = TestRealm.member(tenant, "MANAGER");
    subjects().putPod(tenant, "pod-e", manager, user, other);
    String delegation = subjects().delegate(elsewhere, user);
    http.perform(post("/api/identity/account/deletion").with(tenantUser(user, tenant, Role.CREATOR)))
        .andExpect(status().isAccepted());
    assertThat(TestRealm.passwordGrant(email, PASSWORD).statusCode()).as("logs in before").isEqualTo(200);

    String erasureId = "er-" + UUID.randomUUID();
    EventEnvelope request = erasure.request(tenant, new ErasureRequested(erasureId, user, 1, ErasureServices.ALL));

    EventEnvelope erased = erasure.confirmation(request);
    assertThat(erasure.erased(erased)).isEqualTo(new UserDataErased(erasureId, user,
        "identity", Map.of("memberships", 1, "pods", 1, "delegations", 1)));
    assertThat(erased.tenantId()).isEqualTo(tenant);
    assertThat(erased.subjectId()).isEqualTo(user);
    assertThat(erased.actor()).isEqualTo(Actor.system("identity-service"));
    assertThat(erased.correlationId()).isEqualTo(request.correlationId());
    assertThat(SchemaCheck.violations(EventTypes.IDENTITY_USER_DATA_ERASED, erased.data())).isEmpty();

    // Mongo: no membership, pod or delegation names the user any more; the account waits for the last step.
    Document member = mongo.findById(user, Document.class, "members");
    assertThat(member).containsKey("erasedAt").doesNotContainKeys("tenantId", "role", "invitedBy", "invitedAt");
    Document pod = mongo.findById(tenant + "/pod-e", Document.class, "pods");
    assertThat(pod.getList("creatorIds", String.class)).containsExactly(other);
    assertThat(pod.getString("managerId")).isEqualTo(manager);
    Document revoked = mongo.findById(delegation, Document.class, "delegations");
    assertThat(revoked.get("revokedAt")).isNotNull();
    assertThat(revoked).doesNotContainKey("userId");
    assertThat(mongo.findById(user, Document.class, "accounts").getString("status")).isEqualTo("PENDING_DELETION");

    // The other services learn it as from an edit and a revocation.
    EventEnvelope podUpdated = awaitOne(EventTypes.IDENTITY_POD_UPDATED, causedBy(request));
    assertThat(codec.data(podUpdated, EventTypes.IDENTITY_POD_UPDATED))
        .isEqualTo(new PodUpdated("pod-e", "Pod E", manager, List.of(other)));
    assertThat(podUpdated.tenantId()).isEqualTo(tenant);
    assertThat(SchemaCheck.violations(EventTypes.IDENTITY_POD_UPDATED, podUpdated.data())).isEmpty();
    EventEnvelope delegationRevoked = awaitOne(EventTypes.IDENTITY_DELEGATION_REVOKED, causedBy(request));
    assertThat(codec.data(delegationRevoked, EventTypes.IDENTITY_DELEGATION_REVOKED))
        .isEqualTo(new DelegationRevoked(delegation, user, "identity-service"));
    assertThat(delegationRevoked.tenantId()).isEqualTo(elsewhere);

    // Keycloak: disabled, so no login from now on; the other creator is untouched.
    try (Keycloak keycloak = TestRealm.admin()) {
      UserRepresentation disabled = keycloak.realm(TestRealm.REALM).users().get(user).toRepresentation();
      assertThat(disabled.isEnabled()).isFalse();
      assertThat(disabled.getAttributes()).doesNotContainKey("delegations");
    }
    assertThat(TestRealm.passwordGrant(email, PASSWORD).statusCode()).isEqualTo(400);
    assertThat(TestRealm.passwordGrant(otherEmail, PASSWORD).statusCode()).isEqualTo(200);

    // Asked again (retention's next attempt): nothing more goes, the same counts answer it.
    EventEnvelope again = erasure.request(tenant,
        new ErasureRequested(erasureId, user, 2, List.of(ErasureServices.IDENTITY)));
    assertThat(erasure.erased(erasure.confirmation(again)).removed())
        .isEqualTo(Map.of("memberships", 1, "pods", 1, "delegations", 1));
    assertThat(read(EventTypes.IDENTITY_POD_UPDATED, e -> tenant.equals(e.tenantId()), 2))
        .as("the pod's edit and the erasure, nothing more").hasSize(2);

    // Every service confirmed: the Keycloak user goes and the account is ERASED, ids only.
    EventEnvelope confirmed = erasure.confirm(tenant, new ErasureConfirmed(erasureId, user, 1, ErasureServices.ALL));
    EventEnvelope deleted = awaitOne(EventTypes.IDENTITY_ACCOUNT_DELETED, causedBy(confirmed));
    assertThat(codec.data(deleted, EventTypes.IDENTITY_ACCOUNT_DELETED)).isEqualTo(new AccountDeleted(user, erasureId));
    assertThat(deleted.tenantId()).isEqualTo(tenant);
    assertThat(deleted.correlationId()).isEqualTo(confirmed.correlationId());
    assertThat(SchemaCheck.violations(EventTypes.IDENTITY_ACCOUNT_DELETED, deleted.data())).isEmpty();
    assertThat(ErasureSubjects.keycloakStatus(user)).isEqualTo(404);
    Document account = mongo.findById(user, Document.class, "accounts");
    assertThat(account).containsEntry("tenantId", tenant).doesNotContainKeys("requestedAt", "graceEndsAt");
    assertThat(account.getString("status")).isEqualTo("ERASED");
    Instant erasedAt = account.getDate("erasedAt").toInstant();

    // Confirmed again: Keycloak's 404 counts as deleted, the announcement is made again, erasedAt stays.
    EventEnvelope confirmedAgain = erasure.confirm(tenant,
        new ErasureConfirmed(erasureId, user, 2, ErasureServices.ALL));
    awaitOne(EventTypes.IDENTITY_ACCOUNT_DELETED, causedBy(confirmedAgain));
    assertThat(mongo.findById(user, Document.class, "accounts").getDate("erasedAt").toInstant()).isEqualTo(erasedAt);
    // A request arriving after it all (a late redelivery) is answered too, with nothing left to remove.
    EventEnvelope late = erasure.request(tenant, new ErasureRequested(erasureId, user, 1, ErasureServices.ALL));
    erasure.confirmation(late);

    // Neither the pending deletion nor a new one can be made of an erased account (a token may outlive its user).
    http.perform(delete("/api/identity/account/deletion").with(tenantUser(user, tenant, Role.CREATOR)))
        .andExpect(status().isConflict());
    http.perform(post("/api/identity/account/deletion").with(tenantUser(user, tenant, Role.CREATOR)))
        .andExpect(status().isConflict());
    try (Keycloak keycloak = TestRealm.admin()) {
      assertThat(keycloak.realm(TestRealm.REALM).users().get(other).toRepresentation().isEnabled()).isTrue();
    }
    assertThat(TestRealm.passwordGrant(otherEmail, PASSWORD).statusCode()).isEqualTo(200);
    TestRealm.deleteUser(other);
  }

  @Test
  void an_erased_pod_manager_leaves_the_pod_without_a_manager_until_an_admin_names_one() throws Exception {
    String tenant = ErasureSubjects.newTenant();
    String manager = TestRealm.member(tenant, "MANAGER");
    String creator = TestRealm.member(tenant, "CREATOR");
    subjects().putPod(tenant, "pod-m", manager, creator);

    String erasureId = "er-" + UUID.randomUUID();
    EventEnvelope request = erasure.request(tenant, new ErasureRequested(erasureId, manager, 1, ErasureServices.ALL));

    EventEnvelope erased = erasure.confirmation(request);
    assertThat(erasure.erased(erased).removed())
        .containsEntry("pods", 1).containsEntry("delegations", 0);
    Document pod = mongo.findById(tenant + "/pod-m", Document.class, "pods");
    assertThat(pod).doesNotContainKey("managerId");
    assertThat(pod.getList("creatorIds", String.class)).containsExactly(creator);
    // identity.pod.updated v1 requires a manager, so a pod without one is not announced...
    assertThat(pod.getList("outbox", Document.class)).isEmpty();
    assertThat(read(EventTypes.IDENTITY_POD_UPDATED, e -> tenant.equals(e.tenantId()), 2, Duration.ofSeconds(3))).hasSize(1);
    // ...until an admin names the new manager, which announces the whole pod as usual.
    String next = TestRealm.member(tenant, "MANAGER");
    subjects().putPod(tenant, "pod-m", next, creator);
    assertThat(read(EventTypes.IDENTITY_POD_UPDATED, e -> tenant.equals(e.tenantId()), 2)).hasSize(2);
  }

  @Test
  void a_request_that_does_not_name_identity_changes_nothing_here() throws Exception {
    String tenant = ErasureSubjects.newTenant();
    String creator = TestRealm.member(tenant, "CREATOR");
    String erasureId = "er-" + UUID.randomUUID();
    EventEnvelope others = erasure.request(tenant,
        new ErasureRequested(erasureId, creator, 2, List.of(ErasureServices.PAYOUT, ErasureServices.INGEST)));
    // Same key, so the same partition: by the time this one is answered, the first was read.
    EventEnvelope ours = erasure.request(tenant,
        new ErasureRequested(erasureId, creator, 3, List.of(ErasureServices.IDENTITY)));
    erasure.confirmation(ours);
    assertThat(read(EventTypes.IDENTITY_USER_DATA_ERASED, causedBy(others), 1, Duration.ofSeconds(3))).isEmpty();
  }

  @Test
  void an_unreadable_erasure_request_goes_to_the_dead_letter_topic_and_is_counted() throws Exception {
    String marker = "not-an-event-" + UUID.randomUUID();
    double before = deadLetters();
    kafka.send(Topics.RETENTION, marker, "{\"type\":\"retention.erasure.requested\",\"" + marker + "\":").get(10, TimeUnit.SECONDS);
    assertThat(KafkaRecords.read(Topics.deadLetterOf(Topics.RETENTION), r -> marker.equals(r.key()), 1,
        Duration.ofSeconds(30))).hasSize(1);
    await().atMost(Duration.ofSeconds(10)).until(() -> deadLetters() > before);
  }

  // --- helpers ---

  private double deadLetters() {
    var counter = meters.find("claraop.identity.dead.letters").counter();
    return counter == null ? 0 : counter.count();
  }

  private static Predicate<EventEnvelope> causedBy(EventEnvelope cause) {
    return e -> cause.eventId().toString().equals(e.causationId());
  }

  private EventEnvelope awaitOne(EventType<?> type, Predicate<EventEnvelope> wanted) {
    List<EventEnvelope> found = read(type, wanted, 1);
    assertThat(found).as(type.name()).hasSize(1);
    return found.getFirst();
  }

  private List<EventEnvelope> read(EventType<?> type, Predicate<EventEnvelope> wanted, int enough) {
    return read(type, wanted, enough, Duration.ofSeconds(30));
  }

  /** Every {@code type} event on its topic that {@code wanted} accepts, once {@code enough} are there or at the timeout. */
  private List<EventEnvelope> read(EventType<?> type, Predicate<EventEnvelope> wanted, int enough, Duration timeout) {
    Predicate<ConsumerRecord<String, String>> ofType = r -> r.value().contains("\"type\":\"" + type.name() + "\"");
    return KafkaRecords.read(type.topic(), r -> ofType.test(r) && wanted.test(codec.read(r.value())), enough, timeout)
        .stream().map(r -> codec.read(r.value())).toList();
  }


  private ErasureSubjects subjects() {
    return new ErasureSubjects(http, mongo);
  }
}
