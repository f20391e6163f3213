package dev.claraop.identity.erasure;

import static dev.claraop.test.Callers.tenantUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.claraop.events.Actor;
import dev.claraop.events.EventCodec;
import dev.claraop.events.EventEnvelope;
import dev.claraop.events.EventType;
import dev.claraop.events.EventTypes;
import dev.claraop.events.Topics;
import dev.claraop.events.erasure.ErasureConfirmed;
import dev.claraop.events.erasure.ErasureRequested;
import dev.claraop.events.erasure.ErasureServices;
import dev.claraop.events.erasure.UserDataErased;
import dev.claraop.events.identity.AccountDeleted;
import dev.claraop.identity.IdentityIntegrationTest;
import dev.claraop.identity.TestRealm;
import dev.claraop.identity.account.AccountLifecycle;
import dev.claraop.identity.delegation.Delegations;
import dev.claraop.identity.directory.DirectorySettings;
import dev.claraop.identity.directory.DirectoryUnavailable;
import dev.claraop.identity.directory.UserDirectory;
import dev.claraop.identity.erasure.KeycloakStandIn.Mode;
import dev.claraop.identity.pod.PodChanges;
import dev.claraop.identity.realm.KeycloakAdminSettings;
import dev.claraop.identity.user.Memberships;
import dev.claraop.platform.outbox.ErasureListener;
import dev.claraop.platform.outbox.ErasureParticipationAutoConfiguration;
import dev.claraop.platform.security.Role;
import dev.claraop.test.KafkaRecords;
import dev.claraop.test.KeycloakFixture;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.test.utils.ContainerTestUtils;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An account erasure while Keycloak's admin API cannot be reached (DESIGN §6.6, the README's promise): nothing
 * changes, no answer goes out and the record is delivered again; once Keycloak answers, that same record completes,
 * once, and nothing is left half-deleted. Both steps: the request (disable, then remove) and the confirmation
 * (delete, then mark ERASED).
 *
 * <p>For each test the context's erasure consumer leaves group {@code identity-erasures} and a container from the same
 * factory (same retries, same offsets) takes its place, handing records to an {@link AccountErasure} whose
 * {@link UserDirectory} is the production one with its Keycloak URL pointed at a {@link KeycloakStandIn}. A Spring
 * context of its own (the URL by property) would not do: every context in this JVM joins that group, so the shared
 * context could take the request and erase through the real Keycloak.
 */
class ErasureWhileKeycloakDownIT extends IdentityIntegrationTest {

  private static final String LISTENER = "identity-erasures";
  private static final String PASSWORD = ErasureSubjects.PASSWORD;
  private static final Actor RETENTION = Actor.system("retention-service");
  /** The defaults, but the breaker half-opens after 1 s instead of 30 s, so that recovery needs no long wait. */
  private static final DirectorySettings SETTINGS = new DirectorySettings(Duration.ofSeconds(2), Duration.ofSeconds(5),
      3, Duration.ofMillis(200), Duration.ofSeconds(1));

  @Autowired MockMvc http;
  @Autowired MongoTemplate mongo;
  @Autowired KafkaTemplate<String, String> kafka;
  @Autowired KafkaListenerEndpointRegistry listeners;
  @Autowired @Qualifier(ErasureParticipationAutoConfiguration.LISTENERS)
  ConcurrentKafkaListenerContainerFactory<String, String> erasureListeners;
  @Autowired Memberships memberships;
  @Autowired PodChanges pods;
  @Autowired Delegations delegations;
  @Autowired AccountLifecycle accounts;
  @Autowired Clock clock;

  private final EventCodec codec = new EventCodec();
  /** Every record handed to the erasure, with what it threw (null when handled). */
  private final Queue<Delivery> deliveries = new ConcurrentLinkedQueue<>();
  private KeycloakStandIn keycloak;
  private UserDirectory directory;
  private ConcurrentMessageListenerContainer<String, String> consumer;

  private record Delivery(String value, RuntimeException failure) {}

  @BeforeEach
  void eraseThroughTheStandIn() {
    keycloak = new KeycloakStandIn(KeycloakFixture.server().baseUrl());
    directory = new UserDirectory(
        new KeycloakAdminSettings(keycloak.baseUrl(), "admin", KeycloakFixture.server().adminPassword()), SETTINGS);
    ErasureListener erasure = new ErasureListener(
        new AccountErasure(mongo, directory, memberships, pods, delegations, accounts, clock));
    listeners.getListenerContainer(LISTENER).stop();
    consumer = erasureListeners.createContainer(Topics.RETENTION);
    consumer.getContainerProperties().setGroupId(LISTENER);
    consumer.setBeanName(LISTENER + "-through-stand-in");
    consumer.setupMessageListener((MessageListener<String, String>) record -> {
      try {
        erasure.on(record);
        deliveries.add(new Delivery(record.value(), null));
      } catch (RuntimeException e) {
        deliveries.add(new Delivery(record.value(), e));
        throw e;
      }
    });
    consumer.start();
    ContainerTestUtils.waitForAssignment(consumer, Topics.PARTITIONS);
  }

  @AfterEach
  void restoreTheContextsConsumer() {
    try {
      if (consumer != null) consumer.stop();
      if (directory != null) directory.close();
      if (keycloak != null) keycloak.close();
    } finally {
      // Back in the group before the next test class publishes to it (a no-op when it never left).
      MessageListenerContainer own = listeners.getListenerContainer(LISTENER);
      own.start();
      ContainerTestUtils.waitForAssignment(own, Topics.PARTITIONS);
    }
  }

  @Test
  void a_request_while_keycloak_is_down_changes_nothing_and_once_it_is_back_the_same_record_erases_once()
      throws Exception {
    String tenant = ErasureSubjects.newTenant();
    String elsewhere = ErasureSubjects.newTenant();
    String email = TestRealm.uniqueEmail("erased");
    String user = subjects().invite(tenant, email, "CREATOR");
    String other = TestRealm.member(tenant, "CREATOR");
    String manager = TestRealm.member(tenant, "MANAGER");
    subjects().putPod(tenant, "pod-d", manager, user, other);
    String delegation = subjects().delegate(elsewhere, user);
    assertThat(TestRealm.passwordGrant(email, PASSWORD).statusCode()).as("logs in before").isEqualTo(200);

    keycloak.switchTo(Mode.UNAVAILABLE);
    String erasureId = "er-" + UUID.randomUUID();
    EventEnvelope request = publish(EventTypes.RETENTION_ERASURE_REQUESTED, tenant, user, "corr-" + erasureId,
        new ErasureRequested(erasureId, user, 1, ErasureServices.ALL));

    awaitFailedDeliveries(request, 3);
    assertThat(keycloak.turnedAway()).as("calls that reached Keycloak's address").isPositive();
    assertThat(anythingCausedBy(request)).as("nothing published").isEmpty();
    assertThat(mongo.findById(erasureId, Document.class, "erasures")).as("no answer kept").isNull();
    Document member = mongo.findById(user, Document.class, "members");
    assertThat(member).containsEntry("tenantId", tenant).containsEntry("role", "CREATOR").doesNotContainKey("erasedAt");
    Document pod = mongo.findById(tenant + "/pod-d", Document.class, "pods");
    assertThat(pod.getList("creatorIds", String.class)).containsExactly(user, other);
    assertThat(pod.getString("managerId")).isEqualTo(manager);
    Document held = mongo.findById(delegation, Document.class, "delegations");
    assertThat(held).containsEntry("userId", user).doesNotContainKey("revokedAt");
    UserRepresentation stillThere = ErasureSubjects.keycloakUser(user);
    assertThat(stillThere.isEnabled()).as("login untouched").isTrue();
    assertThat(stillThere.getAttributes()).containsKey("delegations");

    keycloak.switchTo(Mode.FORWARDING);

    EventEnvelope erased = awaitOne(EventTypes.IDENTITY_USER_DATA_ERASED, causedBy(request), Duration.ofSeconds(60));
    assertThat(codec.data(erased, EventTypes.IDENTITY_USER_DATA_ERASED)).isEqualTo(new UserDataErased(erasureId, user,
        "identity", Map.of("memberships", 1, "pods", 1, "delegations", 1)));
    assertThat(deliveriesOf(request)).as("the failed record itself, redelivered until handled once")
        .filteredOn(d -> d.failure() == null).hasSize(1);
    assertThat(deliveriesOf(request).getLast().failure()).isNull();
    // Each removal once: the failed deliveries wrote nothing that the last one then wrote again.
    awaitOne(EventTypes.IDENTITY_POD_UPDATED, causedBy(request), Duration.ofSeconds(30));
    awaitOne(EventTypes.IDENTITY_DELEGATION_REVOKED, causedBy(request), Duration.ofSeconds(30));
    assertThat(mongo.findById(user, Document.class, "members")).containsKey("erasedAt").doesNotContainKeys("tenantId", "role");
    assertThat(mongo.findById(tenant + "/pod-d", Document.class, "pods").getList("creatorIds", String.class))
        .containsExactly(other);
    assertThat(mongo.findById(delegation, Document.class, "delegations")).containsKey("revokedAt").doesNotContainKey("userId");
    UserRepresentation disabled = ErasureSubjects.keycloakUser(user);
    assertThat(disabled.isEnabled()).isFalse();
    assertThat(disabled.getAttributes()).doesNotContainKey("delegations");
    assertThat(TestRealm.passwordGrant(email, PASSWORD).statusCode()).as("no login").isEqualTo(400);
    TestRealm.deleteUser(other);
    TestRealm.deleteUser(manager);
  }

  @Test
  void a_confirmation_while_keycloak_is_down_neither_deletes_nor_announces_and_completes_once_it_is_back()
      throws Exception {
    String tenant = ErasureSubjects.newTenant();
    String user = TestRealm.member(tenant, "CREATOR");
    http.perform(post("/api/identity/account/deletion").with(tenantUser(user, tenant, Role.CREATOR)))
        .andExpect(status().isAccepted());
    String erasureId = "er-" + UUID.randomUUID();
    EventEnvelope request = publish(EventTypes.RETENTION_ERASURE_REQUESTED, tenant, user, "corr-" + erasureId,
        new ErasureRequested(erasureId, user, 1, ErasureServices.ALL));
    awaitOne(EventTypes.IDENTITY_USER_DATA_ERASED, causedBy(request), Duration.ofSeconds(30));

    keycloak.switchTo(Mode.RESETTING);
    EventEnvelope confirmed = publish(EventTypes.RETENTION_ERASURE_CONFIRMED, tenant, user, "corr-" + erasureId,
        new ErasureConfirmed(erasureId, user, 1, ErasureServices.ALL));

    awaitFailedDeliveries(confirmed, 3);
    assertThat(keycloak.turnedAway()).as("calls that reached Keycloak's address").isPositive();
    assertThat(anythingCausedBy(confirmed)).as("no identity.account.deleted").isEmpty();
    Document account = mongo.findById(user, Document.class, "accounts");
    assertThat(account.getString("status")).isEqualTo("PENDING_DELETION");
    assertThat(account).doesNotContainKey("erasedAt");
    assertThat(ErasureSubjects.keycloakUser(user).isEnabled()).as("still there, disabled").isFalse();

    keycloak.switchTo(Mode.FORWARDING);

    EventEnvelope deleted = awaitOne(EventTypes.IDENTITY_ACCOUNT_DELETED, causedBy(confirmed), Duration.ofSeconds(60));
    assertThat(codec.data(deleted, EventTypes.IDENTITY_ACCOUNT_DELETED)).isEqualTo(new AccountDeleted(user, erasureId));
    assertThat(deliveriesOf(confirmed).getLast().failure()).isNull();
    assertThat(mongo.findById(user, Document.class, "accounts").getString("status")).isEqualTo("ERASED");
    assertThat(ErasureSubjects.keycloakStatus(user)).isEqualTo(404);
  }

  // --- helpers ---

  /** At least {@code count} deliveries of {@code event}, every one failed because Keycloak could not be reached. */
  private void awaitFailedDeliveries(EventEnvelope event, int count) {
    await().atMost(Duration.ofSeconds(30)).until(() -> deliveriesOf(event).size() >= count);
    assertThat(deliveriesOf(event)).allSatisfy(d -> assertThat(d.failure()).isInstanceOf(DirectoryUnavailable.class));
  }

  private List<Delivery> deliveriesOf(EventEnvelope event) {
    String id = event.eventId().toString();
    return deliveries.stream().filter(d -> d.value().contains(id)).toList();
  }

  /** Whatever reached {@code identity.events} because of {@code cause}, within a few seconds. */
  private List<ConsumerRecord<String, String>> anythingCausedBy(EventEnvelope cause) {
    String id = cause.eventId().toString();
    return KafkaRecords.read(Topics.IDENTITY, r -> r.value().contains(id) && causedBy(cause).test(codec.read(r.value())),
        1, Duration.ofSeconds(3));
  }

  /** As retention-service publishes it: keyed and subjected by the user, in the user's tenant. */
  private <T extends Record> EventEnvelope publish(EventType<T> type, String tenant, String userId, String correlationId,
      T data) throws Exception {
    EventEnvelope event = codec.envelope(type, UUID.randomUUID(), Instant.now(), tenant, RETENTION, userId, correlationId,
        null, data);
    kafka.send(type.topic(), userId, codec.write(event)).get(10, TimeUnit.SECONDS);
    return event;
  }

  private static Predicate<EventEnvelope> causedBy(EventEnvelope cause) {
    return e -> cause.eventId().toString().equals(e.causationId());
  }

  /** The one {@code type} event {@code wanted} accepts; a second one (read on a little longer) fails the test. */
  private EventEnvelope awaitOne(EventType<?> type, Predicate<EventEnvelope> wanted, Duration timeout) {
    Predicate<ConsumerRecord<String, String>> ofType = r -> r.value().contains("\"type\":\"" + type.name() + "\"");
    List<EventEnvelope> found = KafkaRecords.read(type.topic(), r -> ofType.test(r) && wanted.test(codec.read(r.value())),
        1, timeout).stream().map(r -> codec.read(r.value())).toList();
    assertThat(found).as(type.name()).hasSize(1);
    return found.getFirst();
  }


  private ErasureSubjects subjects() {
    return new ErasureSubjects(http, mongo);
  }
}
