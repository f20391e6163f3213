package dev.claraop.identity.routes;

import static dev.claraop.test.Callers.staff;
import static dev.claraop.test.Callers.tenantUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.claraop.identity.IdentityIntegrationTest;
import dev.claraop.identity.TestRealm;
import dev.claraop.platform.security.ClaraJwtAuthenticationConverter;
import dev.claraop.platform.security.Role;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The identity reads the console needs (issue 17): who the caller is, the tenant's members, its delegations and the
 * caller's own account, each for every kind of caller. Delegated operators use real Keycloak tokens, since only the
 * platform's token converter turns {@code X-Acting-Tenant} into a delegated principal.
 */
class ReadRoutesIT extends IdentityIntegrationTest {

  private static final String PASSWORD = "Reads-Password-1!";
  private static final List<Role> STAFF = List.of(Role.SUPPORT_ENGINEER, Role.SUPPORT_REVIEWER, Role.PLATFORM_ADMIN,
      Role.SECURITY_TRIAGE);
  private final JsonMapper json = JsonMapper.builder().build();
  @Autowired MockMvc http;

  // --- GET /api/identity/me ---

  @Test
  void me_tells_every_authenticated_caller_who_they_are_from_their_token() throws Exception {
    String tenant = newTenant();
    for (Role role : List.of(Role.ADMIN, Role.MANAGER, Role.CREATOR)) {
      String user = "u-" + UUID.randomUUID();
      JsonNode me = read(get("/api/identity/me"), named(user, tenant, "someone@" + tenant + ".example", role));
      assertThat(me.get("id").asString()).isEqualTo(user);
      assertThat(me.get("username").asString()).isEqualTo("someone@" + tenant + ".example");
      assertThat(me.get("tenantId").asString()).isEqualTo(tenant);
      assertThat(me.get("roles")).extracting(JsonNode::asString).containsExactly(role.name());
      assertThat(me.get("staff").asBoolean()).isFalse();
      assertThat(me.get("delegationId").isNull()).isTrue();
      assertThat(me.get("delegations")).isEmpty();
    }
    for (Role role : STAFF) {
      JsonNode me = read(get("/api/identity/me"), staff("s-" + role, role));
      assertThat(me.get("tenantId").isNull()).isTrue();
      assertThat(me.get("username").isNull()).isTrue();
      assertThat(me.get("roles")).extracting(JsonNode::asString).containsExactly(role.name());
      assertThat(me.get("staff").asBoolean()).isTrue();
    }
    http.perform(get("/api/identity/me")).andExpect(status().isUnauthorized())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }

  @Test
  void a_delegated_operator_is_told_the_tenant_and_role_they_act_in_and_where_else_they_may() throws Exception {
    String tenant = newTenant();
    Operator operator = delegatedOperator(tenant, "MANAGER");

    JsonNode acting = read(get("/api/identity/me").header("X-Acting-Tenant", tenant), operator.bearer());
    assertThat(acting.get("id").asString()).isEqualTo(operator.id());
    assertThat(acting.get("username").asString()).isEqualTo(operator.email());
    assertThat(acting.get("tenantId").asString()).isEqualTo(tenant);
    assertThat(acting.get("roles")).extracting(JsonNode::asString).containsExactly("MANAGER");
    assertThat(acting.get("delegationId").asString()).isEqualTo(operator.delegationId());

    JsonNode self = read(get("/api/identity/me"), operator.bearer());
    assertThat(self.get("tenantId").asString()).isEqualTo(operator.homeTenant());
    assertThat(self.get("roles")).extracting(JsonNode::asString).containsExactly("CREATOR");
    assertThat(self.get("delegationId").isNull()).isTrue();
    assertThat(self.get("delegations")).hasSize(1);
    assertThat(self.get("delegations").get(0).get("tenantId").asString()).isEqualTo(tenant);
    assertThat(self.get("delegations").get(0).get("role").asString()).isEqualTo("MANAGER");

    // Naming a tenant they hold no delegation for is refused, here as everywhere.
    http.perform(get("/api/identity/me").header("X-Acting-Tenant", newTenant()).with(operator.bearer()))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }

  // --- GET /api/identity/users ---

  @Test
  void an_admin_lists_the_tenants_members_a_manager_their_pods_creators() throws Exception {
    String tenant = newTenant();
    RequestPostProcessor admin = tenantUser("admin-" + tenant, tenant, Role.ADMIN);
    Map<String, String> emails = new HashMap<>();
    String creator1 = invite(admin, "CREATOR", emails);
    String creator2 = invite(admin, "CREATOR", emails);
    String manager = invite(admin, "MANAGER", emails);
    String signedUpEmail = TestRealm.uniqueEmail("active");
    String signedUp = TestRealm.createUser(signedUpEmail, null, tenant, "CREATOR");
    emails.put(signedUp, signedUpEmail);
    http.perform(put("/api/identity/pods/pod-a").with(admin).contentType(MediaType.APPLICATION_JSON)
        .content("{\"name\":\"Pod A\",\"managerId\":\"" + manager + "\",\"creatorIds\":[\"" + creator1 + "\"]}"))
        .andExpect(status().isOk());
    // A user made in Keycloak beside identity-service is a member once announced (ExistingMembers, seconds here).
    Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
        .until(() -> ids(read(get("/api/identity/users"), admin)).contains(signedUp));

    JsonNode all = read(get("/api/identity/users"), admin);
    assertThat(ids(all)).containsExactlyInAnyOrder(creator1, creator2, manager, signedUp);
    for (JsonNode member : all.get("items")) {
      String id = member.get("userId").asString();
      assertThat(member.get("email").asString()).isEqualTo(emails.get(id));
      assertThat(member.get("status").asString()).isEqualTo(id.equals(signedUp) ? "ACTIVE" : "INVITED");
      assertThat(member.get("role").asString()).isEqualTo(id.equals(manager) ? "MANAGER" : "CREATOR");
    }
    assertThat(ids(read(get("/api/identity/users").param("role", "MANAGER"), admin))).containsExactly(manager);
    assertThat(ids(read(get("/api/identity/users").param("role", "CREATOR"), admin)))
        .containsExactlyInAnyOrder(creator1, creator2, signedUp);

    List<String> paged = new ArrayList<>();
    String cursor = null;
    do {
      JsonNode page = read(after(get("/api/identity/users").param("limit", "1"), cursor), admin);
      assertThat(page.get("items").size()).isLessThanOrEqualTo(1);
      paged.addAll(ids(page));
      cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
    } while (cursor != null);
    assertThat(paged).containsExactlyInAnyOrder(creator1, creator2, manager, signedUp);

    // A manager reads the creators of their pods only; a manager of no pod and another tenant's admin, none of these.
    assertThat(ids(read(get("/api/identity/users"), tenantUser(manager, tenant, Role.MANAGER)))).containsExactly(creator1);
    assertThat(ids(read(get("/api/identity/users"), tenantUser("m-none", tenant, Role.MANAGER)))).isEmpty();
    assertThat(ids(read(get("/api/identity/users"), tenantUser("admin-x", newTenant(), Role.ADMIN)))).isEmpty();

    for (RequestPostProcessor refused : refusedBeyond(tenant, Role.ADMIN, Role.MANAGER)) {
      http.perform(get("/api/identity/users").with(refused)).andExpect(status().isForbidden())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
    http.perform(get("/api/identity/users")).andExpect(status().isUnauthorized());
    for (var bad : List.of(get("/api/identity/users").param("role", "OWNER"),
        get("/api/identity/users").param("role", "PLATFORM_ADMIN"), get("/api/identity/users").param("limit", "201"))) {
      http.perform(bad.with(admin)).andExpect(status().isBadRequest())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
  }

  @Test
  void a_delegated_admin_reads_members_and_delegations_but_not_their_own_account_under_the_delegation()
      throws Exception {
    String tenant = newTenant();
    RequestPostProcessor admin = tenantUser("admin-" + tenant, tenant, Role.ADMIN);
    String member = invite(admin, "CREATOR", new HashMap<>());
    Operator operator = delegatedOperator(tenant, "ADMIN");

    assertThat(ids(read(get("/api/identity/users").header("X-Acting-Tenant", tenant), operator.bearer())))
        .containsExactly(member);
    assertThat(read(get("/api/identity/delegations").header("X-Acting-Tenant", tenant), operator.bearer()).get("items"))
        .extracting(d -> d.get("id").asString()).containsExactly(operator.delegationId());
    http.perform(get("/api/identity/account/deletion").header("X-Acting-Tenant", tenant).with(operator.bearer()))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    // As themself, in their own tenant, they read their own account.
    assertThat(read(get("/api/identity/account/deletion"), operator.bearer()).get("status").asString()).isEqualTo("ACTIVE");
  }

  // --- GET /api/identity/delegations ---

  @Test
  void an_admin_lists_the_tenants_delegations_newest_first_narrowed_by_status() throws Exception {
    String tenant = newTenant();
    RequestPostProcessor admin = tenantUser("admin-" + tenant, tenant, Role.ADMIN);
    String revoked = approve(admin, TestRealm.member(newTenant(), "CREATOR"), Instant.now().plus(1, ChronoUnit.DAYS));
    String active = approve(admin, TestRealm.member(newTenant(), "MANAGER"), Instant.now().plus(2, ChronoUnit.DAYS));
    String expiring = approve(admin, TestRealm.member(newTenant(), "CREATOR"), Instant.now().plusSeconds(3));
    http.perform(delete("/api/identity/delegations/" + revoked).with(admin)).andExpect(status().isNoContent());

    JsonNode all = read(get("/api/identity/delegations"), admin);
    assertThat(all.get("items")).extracting(d -> d.get("id").asString())
        .containsExactlyInAnyOrder(revoked, active, expiring);
    JsonNode first = all.get("items").get(0);
    assertThat(first.get("approvedBy").asString()).isEqualTo("admin-" + tenant);
    assertThat(first.get("approvedAt").asString()).isNotBlank();
    assertThat(first.get("role").asString()).isNotBlank();
    assertThat(first.get("expiresAt").asString()).isNotBlank();
    assertThat(ids(read(get("/api/identity/delegations").param("status", "REVOKED"), admin), "id")).containsExactly(revoked);
    assertThat(read(get("/api/identity/delegations").param("status", "REVOKED"), admin).get("items").get(0)
        .get("revokedAt").asString()).isNotBlank();
    Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500)).until(() ->
        ids(read(get("/api/identity/delegations").param("status", "EXPIRED"), admin), "id").equals(List.of(expiring)));
    assertThat(ids(read(get("/api/identity/delegations").param("status", "ACTIVE"), admin), "id")).containsExactly(active);

    List<String> paged = new ArrayList<>();
    String cursor = null;
    do {
      JsonNode page = read(after(get("/api/identity/delegations").param("limit", "2"), cursor), admin);
      paged.addAll(ids(page, "id"));
      cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
    } while (cursor != null);
    assertThat(paged).containsExactlyInAnyOrder(revoked, active, expiring).doesNotHaveDuplicates();

    assertThat(read(get("/api/identity/delegations"), tenantUser("admin-x", newTenant(), Role.ADMIN)).get("items")).isEmpty();
    for (RequestPostProcessor refused : refusedBeyond(tenant, Role.ADMIN)) {
      http.perform(get("/api/identity/delegations").with(refused)).andExpect(status().isForbidden())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
    http.perform(get("/api/identity/delegations")).andExpect(status().isUnauthorized());
    for (var bad : List.of(get("/api/identity/delegations").param("status", "PENDING"),
        get("/api/identity/delegations").param("cursor", "nope"), get("/api/identity/delegations").param("limit", "0"))) {
      http.perform(bad.with(admin)).andExpect(status().isBadRequest())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
  }

  // --- GET /api/identity/account/deletion ---

  @Test
  void each_tenant_user_reads_where_their_own_account_stands() throws Exception {
    String tenant = newTenant();
    RequestPostProcessor user = tenantUser("u-" + UUID.randomUUID(), tenant, Role.CREATOR);
    http.perform(get("/api/identity/account/deletion").with(user)).andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("ACTIVE")).andExpect(jsonPath("$.graceEndsAt").isEmpty());
    String graceEndsAt = json.readTree(http.perform(post("/api/identity/account/deletion").with(user))
        .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString()).get("graceEndsAt").asString();
    http.perform(get("/api/identity/account/deletion").with(user)).andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("PENDING_DELETION"))
        .andExpect(jsonPath("$.graceEndsAt").value(graceEndsAt));
    http.perform(delete("/api/identity/account/deletion").with(user)).andExpect(status().isOk());
    http.perform(get("/api/identity/account/deletion").with(user)).andExpect(jsonPath("$.status").value("ACTIVE"));

    for (Role role : List.of(Role.ADMIN, Role.MANAGER)) {
      http.perform(get("/api/identity/account/deletion").with(tenantUser("u-" + UUID.randomUUID(), tenant, role)))
          .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ACTIVE"));
    }
    for (Role role : STAFF) {
      http.perform(get("/api/identity/account/deletion").with(staff("s-1", role))).andExpect(status().isForbidden())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
    http.perform(get("/api/identity/account/deletion")).andExpect(status().isUnauthorized());
  }

  // --- helpers ---

  /** A user of another tenant with a password, let into {@code tenant} with {@code role}, and a fresh token of theirs. */
  private Operator delegatedOperator(String tenant, String role) throws Exception {
    String home = newTenant();
    String email = TestRealm.uniqueEmail("operator");
    String id = TestRealm.createUser(email, PASSWORD, home, "CREATOR");
    String delegation = approve(tenantUser("admin-" + tenant, tenant, Role.ADMIN), id, role,
        Instant.now().plus(1, ChronoUnit.DAYS));
    var grant = TestRealm.passwordGrant(email, PASSWORD);
    assertThat(grant.statusCode()).as(grant.body()).isEqualTo(200);
    String token = TestRealm.jsonMember(grant.body(), "access_token");
    Operator operator = new Operator(id, email, home, delegation, token);
    // Every delegation is refused until this instance has read identity.events' revocations (platform-outbox).
    Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() ->
        http.perform(get("/api/identity/me").header("X-Acting-Tenant", tenant).with(operator.bearer()))
            .andReturn().getResponse().getStatus() == 200);
    return operator;
  }

  record Operator(String id, String email, String homeTenant, String delegationId, String token) {
    RequestPostProcessor bearer() {
      return request -> {
        request.addHeader("Authorization", "Bearer " + token);
        return request;
      };
    }
  }

  private String invite(RequestPostProcessor admin, String role, Map<String, String> emails) throws Exception {
    String email = TestRealm.uniqueEmail(role.toLowerCase());
    String id = json.readTree(http.perform(post("/api/identity/users").with(admin).contentType(MediaType.APPLICATION_JSON)
            .content("{\"email\":\"" + email + "\",\"role\":\"" + role + "\"}")).andExpect(status().isCreated())
        .andReturn().getResponse().getContentAsString()).get("userId").asString();
    emails.put(id, email);
    return id;
  }

  private String approve(RequestPostProcessor admin, String userId, Instant expiresAt) throws Exception {
    return approve(admin, userId, "CREATOR", expiresAt);
  }

  private String approve(RequestPostProcessor admin, String userId, String role, Instant expiresAt) throws Exception {
    return json.readTree(http.perform(post("/api/identity/delegations").with(admin).contentType(MediaType.APPLICATION_JSON)
            .content("{\"userId\":\"" + userId + "\",\"role\":\"" + role + "\",\"expiresAt\":\""
                + expiresAt.truncatedTo(ChronoUnit.SECONDS) + "\"}"))
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asString();
  }

  /** Tenant users of the roles not in {@code allowed}, and every staff role. */
  private static List<RequestPostProcessor> refusedBeyond(String tenant, Role... allowed) {
    List<RequestPostProcessor> refused = new ArrayList<>();
    for (Role role : List.of(Role.ADMIN, Role.MANAGER, Role.CREATOR)) {
      if (!List.of(allowed).contains(role)) refused.add(tenantUser("u-" + role, tenant, role));
    }
    for (Role role : STAFF) refused.add(staff("s-" + role, role));
    return refused;
  }

  /** A tenant user whose token carries {@code preferred_username}, as Keycloak's do. */
  private static RequestPostProcessor named(String userId, String tenant, String username, Role role) {
    return jwt().jwt(token -> token.subject(userId).claim("tenant_id", tenant).claim("roles", List.of(role.name()))
            .claim("preferred_username", username).audience(List.of("claraop-api")))
        .authorities(ClaraJwtAuthenticationConverter::authorities);
  }

  private JsonNode read(MockHttpServletRequestBuilder request, RequestPostProcessor caller) throws Exception {
    return json.readTree(http.perform(request.with(caller)).andExpect(status().isOk()).andReturn().getResponse()
        .getContentAsString());
  }

  private static MockHttpServletRequestBuilder after(MockHttpServletRequestBuilder request, String cursor) {
    return cursor == null ? request : request.param("cursor", cursor);
  }

  private static List<String> ids(JsonNode page) {
    return ids(page, "userId");
  }

  private static List<String> ids(JsonNode page, String field) {
    List<String> ids = new ArrayList<>();
    page.get("items").forEach(item -> ids.add(item.get(field).asString()));
    return ids;
  }

  private static String newTenant() {
    return "t-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
