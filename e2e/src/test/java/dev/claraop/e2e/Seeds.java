package dev.claraop.e2e;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.bson.types.Decimal128;

/**
 * Test data the HTTP API cannot make yet: approved invoices (written where payout-service keeps them) and
 * extra tenant admins (made through Keycloak's admin API, as identity-service will).
 */
final class Seeds {

  static final String CREATOR_1 = "11111111-0000-4000-8000-000000000004";
  static final String CREATOR_2 = "11111111-0000-4000-8000-000000000005";

  private final Suite suite;
  private final Api api;

  Seeds(Suite suite, Api api) {
    this.suite = suite;
    this.api = api;
  }

  void approvedInvoice(String tenant, String creatorId, String creatorName, String amount) {
    approvedInvoice(tenant, creatorId, creatorName, amount, "USD");
  }

  void approvedInvoice(String tenant, String creatorId, String creatorName, String amount, String currency) {
    try (MongoClient mongo = MongoClients.create(suite.mongo)) {
      mongo.getDatabase("claraop-payout").getCollection("invoices").insertOne(new Document()
          .append("_id", "e2e-" + UUID.randomUUID()).append("tenantId", tenant).append("creatorId", creatorId)
          .append("creatorName", creatorName).append("campaignId", "demo-campaign-1")
          .append("amount", new Decimal128(new BigDecimal(amount))).append("currency", currency)
          .append("status", "APPROVED").append("batchId", null));
    }
  }

  /**
   * US bank details for a creator, set through the gateway by an ADMIN of the creator's tenant. payout-service
   * learns its tenant's creators from identity.events: a creator announced a moment ago may still be unknown
   * there (404, nothing stored), so a 404 is tried again for a few seconds.
   */
  void payoutProfile(String adminToken, String creatorId) {
    payoutProfile(adminToken, creatorId, "000123456789");
  }

  void payoutProfile(String adminToken, String creatorId, String accountNumber) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(suite.gateway + "/api/payout-profiles/" + creatorId))
        .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString("""
            {"accountHolder":"E2e Creator","country":"US","currency":"USD","accountNumber":"%s",
             "routingCode":"011000015"}""".formatted(accountNumber))).build();
    java.time.Instant giveUp = java.time.Instant.now().plusSeconds(20);
    Api.Response stored = api.send(request);
    while (stored.status() == 404 && java.time.Instant.now().isBefore(giveUp)) {
      java.util.concurrent.locks.LockSupport.parkNanos(java.time.Duration.ofMillis(250).toNanos());
      stored = api.send(request);
    }
    if (stored.status() != 200) throw new IllegalStateException("profile not stored: " + stored.status() + " " + stored.body());
  }

  /** A CREATOR invited into the ADMIN's tenant through identity-service, which announces them; returns their id. */
  String invitedCreator(String adminToken) {
    String email = "creator-" + UUID.randomUUID().toString().substring(0, 8) + "@e2e.claraop.dev";
    Api.Response invited = api.post("/api/identity/users", adminToken, "{\"email\":\"" + email + "\",\"role\":\"CREATOR\"}");
    if (invited.status() != 201) throw new IllegalStateException("creator not invited: " + invited.status() + " " + invited.body());
    return invited.json().get("userId").asString();
  }

  /** A user who can sign in: their id and username (the password is the demo password). */
  record Login(String userId, String username) {}

  /**
   * A CREATOR invited through identity-service (so every service learns of them) who then set the demo password
   * and verified the email, as the invitation asks: here through Keycloak's admin API.
   */
  Login invitedCreatorWithLogin(String adminToken) {
    String email = "creator-" + UUID.randomUUID().toString().substring(0, 8) + "@e2e.claraop.dev";
    Api.Response invited = api.post("/api/identity/users", adminToken, "{\"email\":\"" + email + "\",\"role\":\"CREATOR\"}");
    if (invited.status() != 201) throw new IllegalStateException("creator not invited: " + invited.status() + " " + invited.body());
    String id = invited.json().get("userId").asString();
    String admin = adminToken();
    Api.Response password = admin(admin, "PUT", "/users/" + id + "/reset-password", Api.JSON.writeValueAsString(
        java.util.Map.of("type", "password", "value", Api.DEMO_PASSWORD, "temporary", false)));
    if (password.status() != 204) throw new IllegalStateException("password not set: " + password.status());
    var user = (tools.jackson.databind.node.ObjectNode) admin(admin, "GET", "/users/" + id, null).json();
    // Keycloak's user profile wants a first and last name before a password login counts as set up.
    user.put("emailVerified", true).put("enabled", true).put("firstName", "E2e").put("lastName", "Creator")
        .putArray("requiredActions");
    Api.Response updated = admin(admin, "PUT", "/users/" + id, Api.JSON.writeValueAsString(user));
    if (updated.status() != 204) throw new IllegalStateException("user not updated: " + updated.status());
    return new Login(id, user.get("username").asString());
  }

  /**
   * Lets the web client return to this suite's gateway after login: the dev realm registers
   * https://localhost:8443 only, and the e2e suite runs on free ports.
   */
  void allowSignInAt(String gatewayOrigin) {
    String admin = adminToken();
    var client = (tools.jackson.databind.node.ObjectNode) admin(admin, "GET", "/clients?clientId=claraop-web", null)
        .json().get(0);
    var redirects = (tools.jackson.databind.node.ArrayNode) client.get("redirectUris");
    String wanted = gatewayOrigin + "/*";
    for (var uri : redirects) if (uri.asString().equals(wanted)) return;
    redirects.add(wanted);
    Api.Response updated = admin(admin, "PUT", "/clients/" + client.get("id").asString(), Api.JSON.writeValueAsString(client));
    if (updated.status() != 204) throw new IllegalStateException("client not updated: " + updated.status());
  }

  private String adminToken() {
    return api.send(HttpRequest.newBuilder(URI.create(suite.keycloak + "/realms/master/protocol/openid-connect/token"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username=admin&password="
            + java.net.URLEncoder.encode(suite.keycloakAdminPassword, java.nio.charset.StandardCharsets.UTF_8)))
        .build()).json().get("access_token").asString();
  }

  /**
   * A new user of {@code tenant} (null: staff, of no tenant) with one role, made directly in Keycloak as
   * identity-service provisions users; returns the user's id (the password is the demo password).
   */
  String tenantUser(String tenant, String username, String role) {
    String admin = adminToken();
    String user = Api.JSON.writeValueAsString(java.util.Map.of(
        "username", username, "email", username, "enabled", true, "emailVerified", true,
        "firstName", "E2e", "lastName", role.charAt(0) + role.substring(1).toLowerCase(java.util.Locale.ROOT),
        "attributes", tenant == null ? java.util.Map.of() : java.util.Map.of("tenant_id", List.of(tenant)),
        "credentials", List.of(java.util.Map.of("type", "password", "value", Api.DEMO_PASSWORD, "temporary", false))));
    Api.Response created = admin(admin, "POST", "/users", user);
    if (created.status() != 201) throw new IllegalStateException("user not created: " + created.status() + " " + created.body());
    String id = admin(admin, "GET", "/users?exact=true&username=" + java.net.URLEncoder.encode(username,
        java.nio.charset.StandardCharsets.UTF_8), null).json().get(0).get("id").asString();
    Api.Response mapped = admin(admin, "POST", "/users/" + id + "/role-mappings/realm",
        "[" + admin(admin, "GET", "/roles/" + role, null).body() + "]");
    if (mapped.status() != 204) throw new IllegalStateException("role not mapped: " + mapped.status());
    return id;
  }

  /** A new ADMIN of a new tenant; returns the username (its password is the demo password). */
  String tenantAdmin(String tenant) {
    String admin = api.send(HttpRequest.newBuilder(URI.create(suite.keycloak + "/realms/master/protocol/openid-connect/token"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username=admin&password="
            + java.net.URLEncoder.encode(suite.keycloakAdminPassword, java.nio.charset.StandardCharsets.UTF_8)))
        .build()).json().get("access_token").asString();
    String username = "admin@" + tenant + ".e2e.claraop.dev";
    String user = Api.JSON.writeValueAsString(java.util.Map.of(
        "username", username, "email", username, "enabled", true, "emailVerified", true,
        "firstName", "E2e", "lastName", "Admin", "attributes", java.util.Map.of("tenant_id", List.of(tenant)),
        "credentials", List.of(java.util.Map.of("type", "password", "value", Api.DEMO_PASSWORD, "temporary", false))));
    Api.Response created = admin(admin, "POST", "/users", user);
    if (created.status() != 201) throw new IllegalStateException("user not created: " + created.status() + " " + created.body());
    String id = admin(admin, "GET", "/users?exact=true&username=" + java.net.URLEncoder.encode(username,
        java.nio.charset.StandardCharsets.UTF_8), null).json().get(0).get("id").asString();
    String role = admin(admin, "GET", "/roles/ADMIN", null).body();
    Api.Response mapped = admin(admin, "POST", "/users/" + id + "/role-mappings/realm", "[" + role + "]");
    if (mapped.status() != 204) throw new IllegalStateException("role not mapped: " + mapped.status());
    return username;
  }

  private Api.Response admin(String token, String method, String path, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(suite.keycloak + "/admin/realms/claraop" + path))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json");
    request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    return api.send(request.build());
  }
}
