package dev.claraop.identity.routes;

import static dev.claraop.test.Callers.staff;
import static dev.claraop.test.Callers.tenantUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.claraop.events.EventCodec;
import dev.claraop.events.Topics;
import dev.claraop.identity.IdentityIntegrationTest;
import dev.claraop.identity.TestRealm;
import dev.claraop.platform.security.Role;
import dev.claraop.test.KafkaRecords;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.json.JsonMapper;

/** DESIGN §8 identity routes against the real Keycloak, Mongo and Kafka: who may call them, what they change. */
class IdentityRoutesIT extends IdentityIntegrationTest {

  private static final List<String> COLLECTIONS = List.of("tenants", "members", "delegations", "accounts");
  @Autowired MockMvc http;
  @Autowired MongoTemplate mongo;
  private final EventCodec codec = new EventCodec();
  private final JsonMapper json = JsonMapper.builder().build();

  // --- tenants ---

  @Test
  void a_platform_admin_creates_a_tenant_with_its_first_admin_in_keycloak_and_it_is_announced() throws Exception {
    String tenant = newTenant();
    String email = TestRealm.uniqueEmail("first-admin");
    String body = http.perform(post("/api/identity/tenants").with(staff("pa-1", Role.PLATFORM_ADMIN))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"tenantId\":\"" + tenant + "\",\"name\":\"Acme\",\"adminEmail\":\"" + email + "\"}"))
        .andExpect(status().isCreated()).andExpect(jsonPath("$.tenantId").value(tenant))
        .andReturn().getResponse().getContentAsString();
    String adminId = json.readTree(body).get("firstAdminId").asString();

    try (Keycloak keycloak = TestRealm.admin()) {
      var user = keycloak.realm("claraop").users().get(adminId);
      assertThat(user.toRepresentation().getAttributes()).containsEntry("tenant_id", List.of(tenant));
      assertThat(user.toRepresentation().getRequiredActions()).contains("UPDATE_PASSWORD");
      assertThat(user.roles().realmLevel().listAll()).extracting(r -> r.getName()).contains("ADMIN");
    }
    var event = codec.read(KafkaRecords.read(Topics.IDENTITY, r -> r.value().contains("identity.tenant.created")
        && r.value().contains("\"subjectId\":\"" + tenant + "\""), 1, Duration.ofSeconds(20)).getFirst().value());
    assertThat(event.actor().id()).isEqualTo("pa-1");
    assertThat(event.data().get("firstAdminId").asString()).isEqualTo(adminId);
  }

  @Test
  void only_a_platform_admin_creates_tenants() throws Exception {
    String tenant = newTenant();
    String body = "{\"tenantId\":\"" + tenant + "\",\"name\":\"Acme\",\"adminEmail\":\"" + TestRealm.uniqueEmail("x") + "\"}";
    for (RequestPostProcessor caller : List.of(tenantUser("a", "demo", Role.ADMIN), tenantUser("m", "demo", Role.MANAGER),
        tenantUser("c", "demo", Role.CREATOR), staff("s", Role.SUPPORT_ENGINEER), staff("r", Role.SUPPORT_REVIEWER))) {
      http.perform(json(post("/api/identity/tenants"), body).with(caller)).andExpect(status().isForbidden());
    }
    http.perform(json(post("/api/identity/tenants"), body)).andExpect(status().isUnauthorized());
    assertThat(mongo.exists(org.springframework.data.mongodb.core.query.Query.query(
        org.springframework.data.mongodb.core.query.Criteria.where("_id").is(tenant)), "tenants")).isFalse();
  }

  @Test
  void a_taken_tenant_id_or_admin_address_is_a_409_and_leaves_nothing_behind() throws Exception {
    String tenant = newTenant();
    String email = TestRealm.uniqueEmail("dup");
    createTenant(tenant, email).andExpect(status().isCreated());
    long users = keycloakUsers();
    createTenant(tenant, TestRealm.uniqueEmail("other")).andExpect(status().isConflict())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    createTenant(newTenant(), email).andExpect(status().isConflict());
    assertThat(keycloakUsers()).isEqualTo(users);
  }

  // --- users ---

  @Test
  void an_admin_invites_a_user_with_one_role_into_their_own_tenant() throws Exception {
    String tenant = newTenant();
    String email = TestRealm.uniqueEmail("invited");
    String body = http.perform(json(post("/api/identity/users"), "{\"email\":\"" + email + "\",\"role\":\"CREATOR\"}")
            .with(tenantUser("admin-" + tenant, tenant, Role.ADMIN)))
        .andExpect(status().isCreated()).andExpect(jsonPath("$.role").value("CREATOR"))
        .andExpect(jsonPath("$.status").value("INVITED")).andReturn().getResponse().getContentAsString();
    String userId = json.readTree(body).get("userId").asString();
    try (Keycloak keycloak = TestRealm.admin()) {
      var user = keycloak.realm("claraop").users().get(userId);
      assertThat(user.toRepresentation().getAttributes()).containsEntry("tenant_id", List.of(tenant));
      // Ours only: Keycloak adds its default-roles composite to every user, which tokens never carry.
      assertThat(user.roles().realmLevel().listAll()).extracting(r -> r.getName())
          .filteredOn(name -> Role.fromClaim(name).isPresent()).containsExactly("CREATOR");
    }
    var event = codec.read(KafkaRecords.read(Topics.IDENTITY, r -> r.value().contains("identity.user.invited")
        && r.value().contains(userId), 1, Duration.ofSeconds(20)).getFirst().value());
    assertThat(event.tenantId()).isEqualTo(tenant);
    assertThat(event.data().get("role").asString()).isEqualTo("CREATOR");
  }

  @Test
  void bad_invitations_are_problems_and_change_nothing_in_keycloak_or_mongo() throws Exception {
    String tenant = newTenant();
    String taken = TestRealm.uniqueEmail("taken");
    TestRealm.createUser(taken, null, tenant, "CREATOR");
    long users = keycloakUsers();
    long stored = stored();
    Map<String, Integer> cases = Map.of(
        "{\"email\":\"" + TestRealm.uniqueEmail("r") + "\",\"role\":\"OWNER\"}", 400,
        "{\"email\":\"" + TestRealm.uniqueEmail("r") + "\",\"role\":\"PLATFORM_ADMIN\"}", 400,
        "{\"email\":\"not-an-address\",\"role\":\"CREATOR\"}", 400,
        "{\"email\":\"a@b\",\"role\":\"CREATOR\"}", 400,
        "{\"role\":\"CREATOR\"}", 400,
        "{\"email\":\"" + taken + "\",\"role\":\"MANAGER\"}", 409);
    for (var bad : cases.entrySet()) {
      http.perform(json(post("/api/identity/users"), bad.getKey()).with(tenantUser("a-" + tenant, tenant, Role.ADMIN)))
          .andExpect(status().is(bad.getValue()))
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
    assertThat(keycloakUsers()).isEqualTo(users);
    assertThat(stored()).isEqualTo(stored);
  }

  @Test
  void only_a_tenant_admin_invites() throws Exception {
    String body = "{\"email\":\"" + TestRealm.uniqueEmail("nobody") + "\",\"role\":\"CREATOR\"}";
    for (RequestPostProcessor caller : List.of(tenantUser("m", "demo", Role.MANAGER), tenantUser("c", "demo", Role.CREATOR),
        staff("s", Role.SUPPORT_ENGINEER), staff("r", Role.SUPPORT_REVIEWER), staff("p", Role.PLATFORM_ADMIN))) {
      http.perform(json(post("/api/identity/users"), body).with(caller)).andExpect(status().isForbidden());
    }
    http.perform(json(post("/api/identity/users"), body)).andExpect(status().isUnauthorized());
  }

  // --- delegations ---

  @Test
  void an_admin_approves_an_outsider_for_one_role_until_an_expiry_and_revokes_it() throws Exception {
    String tenant = newTenant();
    String outsider = TestRealm.member(newTenant(), "MANAGER");
    Instant expiresAt = Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    String body = http.perform(json(post("/api/identity/delegations"),
            "{\"userId\":\"" + outsider + "\",\"role\":\"MANAGER\",\"expiresAt\":\"" + expiresAt + "\"}")
            .with(tenantUser("a-" + tenant, tenant, Role.ADMIN)))
        .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("ACTIVE"))
        .andReturn().getResponse().getContentAsString();
    String id = json.readTree(body).get("id").asString();
    assertThat(delegationsAttribute(outsider)).containsExactly(tenant + ":MANAGER:" + expiresAt.getEpochSecond() + ":" + id);

    // Another tenant's admin does not see it (404); the owner revokes it once (204, then 409).
    http.perform(delete("/api/identity/delegations/" + id).with(tenantUser("a-x", newTenant(), Role.ADMIN)))
        .andExpect(status().isNotFound());
    for (RequestPostProcessor caller : List.of(tenantUser("m", tenant, Role.MANAGER), tenantUser("c", tenant, Role.CREATOR),
        staff("p", Role.PLATFORM_ADMIN))) {
      http.perform(delete("/api/identity/delegations/" + id).with(caller)).andExpect(status().isForbidden());
    }
    http.perform(delete("/api/identity/delegations/" + id).with(tenantUser("a-" + tenant, tenant, Role.ADMIN)))
        .andExpect(status().isNoContent());
    assertThat(delegationsAttribute(outsider)).isEmpty();
    http.perform(delete("/api/identity/delegations/" + id).with(tenantUser("a-" + tenant, tenant, Role.ADMIN)))
        .andExpect(status().isConflict());
    KafkaRecords.read(Topics.IDENTITY, r -> r.value().contains("identity.delegation.revoked") && r.value().contains(id), 1,
        Duration.ofSeconds(20));
  }

  @Test
  void a_delegation_only_to_an_existing_outsider_who_is_not_staff_with_a_tenant_role_and_a_near_future_expiry()
      throws Exception {
    String tenant = newTenant();
    String member = TestRealm.member(tenant, "CREATOR");
    String outsider = TestRealm.member(newTenant(), "CREATOR");
    String staffUser = TestRealm.member(null, "SUPPORT_ENGINEER");
    String soon = Instant.now().plus(1, ChronoUnit.DAYS).toString();
    long stored = stored();
    for (String bad : List.of(
        delegation(member, "MANAGER", soon), delegation("no-such-user", "MANAGER", soon),
        delegation(staffUser, "MANAGER", soon), delegation(outsider, "SUPPORT_ENGINEER", soon),
        delegation(outsider, "OWNER", soon), delegation(outsider, "MANAGER", Instant.now().minusSeconds(60).toString()),
        delegation(outsider, "MANAGER", Instant.now().plus(400, ChronoUnit.DAYS).toString()),
        "{\"userId\":\"" + outsider + "\",\"role\":\"MANAGER\"}")) {
      http.perform(json(post("/api/identity/delegations"), bad).with(tenantUser("a-" + tenant, tenant, Role.ADMIN)))
          .andExpect(status().isBadRequest())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
    assertThat(stored()).isEqualTo(stored);
    assertThat(delegationsAttribute(outsider)).isEmpty();
    for (RequestPostProcessor caller : List.of(tenantUser("m", tenant, Role.MANAGER), tenantUser("c", tenant, Role.CREATOR),
        staff("p", Role.PLATFORM_ADMIN), staff("s", Role.SUPPORT_ENGINEER))) {
      http.perform(json(post("/api/identity/delegations"), delegation(outsider, "MANAGER", soon)).with(caller))
          .andExpect(status().isForbidden());
    }
    http.perform(json(post("/api/identity/delegations"), delegation(outsider, "MANAGER", soon)))
        .andExpect(status().isUnauthorized());
  }

  // --- account deletion ---

  @Test
  void a_user_requests_deletion_of_their_own_account_and_takes_it_back_within_the_grace() throws Exception {
    String tenant = newTenant();
    String user = "u-" + UUID.randomUUID();
    http.perform(post("/api/identity/account/deletion").with(tenantUser(user, tenant, Role.CREATOR)))
        .andExpect(status().isAccepted()).andExpect(jsonPath("$.status").value("PENDING_DELETION"))
        .andExpect(jsonPath("$.graceEndsAt").isNotEmpty());
    http.perform(post("/api/identity/account/deletion").with(tenantUser(user, tenant, Role.CREATOR)))
        .andExpect(status().isConflict());
    http.perform(delete("/api/identity/account/deletion").with(tenantUser(user, tenant, Role.CREATOR)))
        .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ACTIVE"));
    http.perform(delete("/api/identity/account/deletion").with(tenantUser(user, tenant, Role.CREATOR)))
        .andExpect(status().isConflict());
    var requested = codec.read(KafkaRecords.read(Topics.IDENTITY, r -> r.value().contains("identity.account.deletion-requested")
        && r.value().contains(user), 1, Duration.ofSeconds(20)).getFirst().value());
    Instant graceEndsAt = Instant.parse(requested.data().get("graceEndsAt").asString());
    assertThat(Duration.between(requested.occurredAt(), graceEndsAt)).isEqualTo(Duration.ofDays(30));
    KafkaRecords.read(Topics.IDENTITY, r -> r.value().contains("identity.account.reactivated") && r.value().contains(user), 1,
        Duration.ofSeconds(20));
  }

  @Test
  void a_deletion_whose_grace_has_ended_can_no_longer_be_taken_back() throws Exception {
    String tenant = newTenant();
    String user = "u-" + UUID.randomUUID();
    Instant ended = Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.MILLIS);
    mongo.insert(new Document("_id", user).append("tenantId", tenant).append("status", "PENDING_DELETION")
        .append("requestedAt", java.util.Date.from(ended.minus(30, ChronoUnit.DAYS)))
        .append("graceEndsAt", java.util.Date.from(ended)), "accounts");
    http.perform(delete("/api/identity/account/deletion").with(tenantUser(user, tenant, Role.CREATOR)))
        .andExpect(status().isConflict())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    var account = mongo.findById(user, Document.class, "accounts");
    assertThat(account.getString("status")).isEqualTo("PENDING_DELETION");
    assertThat(account.getDate("graceEndsAt").toInstant()).isEqualTo(ended);
  }

  @Test
  void every_tenant_role_may_ask_for_its_own_deletion_staff_and_anonymous_may_not() throws Exception {
    for (Role role : List.of(Role.ADMIN, Role.MANAGER)) {
      http.perform(post("/api/identity/account/deletion").with(tenantUser("u-" + UUID.randomUUID(), newTenant(), role)))
          .andExpect(status().isAccepted());
    }
    for (Role role : List.of(Role.PLATFORM_ADMIN, Role.SUPPORT_ENGINEER, Role.SUPPORT_REVIEWER)) {
      http.perform(post("/api/identity/account/deletion").with(staff("s-" + UUID.randomUUID(), role)))
          .andExpect(status().isForbidden());
      http.perform(delete("/api/identity/account/deletion").with(staff("s-" + UUID.randomUUID(), role)))
          .andExpect(status().isForbidden());
    }
    http.perform(post("/api/identity/account/deletion")).andExpect(status().isUnauthorized());
    http.perform(delete("/api/identity/account/deletion")).andExpect(status().isUnauthorized());
  }

  // --- helpers ---

  private ResultActions createTenant(String tenant, String email) throws Exception {
    return http.perform(json(post("/api/identity/tenants"),
        "{\"tenantId\":\"" + tenant + "\",\"name\":\"T\",\"adminEmail\":\"" + email + "\"}").with(staff("pa", Role.PLATFORM_ADMIN)));
  }

  private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
    return request.contentType(MediaType.APPLICATION_JSON).content(body);
  }

  private static String delegation(String userId, String role, String expiresAt) {
    return "{\"userId\":\"" + userId + "\",\"role\":\"" + role + "\",\"expiresAt\":\"" + expiresAt + "\"}";
  }

  private static List<String> delegationsAttribute(String userId) {
    try (Keycloak keycloak = TestRealm.admin()) {
      var attributes = keycloak.realm("claraop").users().get(userId).toRepresentation().getAttributes();
      return attributes == null ? List.of() : attributes.getOrDefault("delegations", List.of());
    }
  }

  private static long keycloakUsers() {
    try (Keycloak keycloak = TestRealm.admin()) {
      return keycloak.realm("claraop").users().count();
    }
  }

  /**
   * What a request could have stored. Members without {@code invitedBy} are left out: ExistingMembers' periodic run
   * announces users made beside identity-service (here, in this test or an earlier one) whenever it comes.
   */
  private long stored() {
    return COLLECTIONS.stream().mapToLong(c -> mongo.getCollection(c)
        .countDocuments("members".equals(c) ? new Document("invitedBy", new Document("$exists", true)) : new Document()))
        .sum();
  }

  private static String newTenant() {
    return "t-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
