package dev.claraop.identity.erasure;

import static dev.claraop.test.Callers.tenantUser;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.claraop.identity.TestRealm;
import dev.claraop.platform.security.Role;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an erasure test erases, made through identity-service's own API as a tenant ADMIN would: an invited user who
 * can log in, the pods they are in, the delegations they hold. Shared by the erasure ITs of this package.
 */
record ErasureSubjects(MockMvc http, MongoTemplate mongo) {

  static final String PASSWORD = "Erasure-Password-1!";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Invited through the API (so a membership), then able to log in as after a completed first login. */
  String invite(String tenant, String email, String role) throws Exception {
    String body = http.perform(post("/api/identity/users").with(admin(tenant)).contentType(MediaType.APPLICATION_JSON)
            .content("{\"email\":\"" + email + "\",\"role\":\"" + role + "\"}"))
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
    String userId = JSON.readTree(body).get("userId").asString();
    try (Keycloak keycloak = TestRealm.admin()) {
      var resource = keycloak.realm(TestRealm.REALM).users().get(userId);
      UserRepresentation user = resource.toRepresentation();
      user.setRequiredActions(List.of());
      user.setEmailVerified(true);
      user.setFirstName("Erased");
      user.setLastName("User");
      resource.update(user);
      CredentialRepresentation password = new CredentialRepresentation();
      password.setType(CredentialRepresentation.PASSWORD);
      password.setValue(PASSWORD);
      password.setTemporary(false);
      resource.resetPassword(password);
    }
    return userId;
  }

  /** Sets the pod and waits until its own event has gone out, so that what follows sees only later events. */
  void putPod(String tenant, String podId, String manager, String... creators) throws Exception {
    String ids = String.join(",", Arrays.stream(creators).map(c -> "\"" + c + "\"").toList());
    http.perform(put("/api/identity/pods/" + podId).with(admin(tenant)).contentType(MediaType.APPLICATION_JSON)
            .content("{\"name\":\"Pod " + podId.substring(4).toUpperCase() + "\",\"managerId\":\"" + manager
                + "\",\"creatorIds\":[" + ids + "]}"))
        .andExpect(status().isOk());
    await().atMost(Duration.ofSeconds(10)).until(() ->
        mongo.findById(tenant + "/" + podId, Document.class, "pods").getList("outbox", Document.class).isEmpty());
  }

  /** A MANAGER delegation of {@code tenant} to {@code outsider} for a week; its id. */
  String delegate(String tenant, String outsider) throws Exception {
    String expiresAt = Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
    String body = http.perform(post("/api/identity/delegations").with(admin(tenant)).contentType(MediaType.APPLICATION_JSON)
            .content("{\"userId\":\"" + outsider + "\",\"role\":\"MANAGER\",\"expiresAt\":\"" + expiresAt + "\"}"))
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
    return JSON.readTree(body).get("id").asString();
  }

  static UserRepresentation keycloakUser(String userId) {
    try (Keycloak keycloak = TestRealm.admin()) {
      return keycloak.realm(TestRealm.REALM).users().get(userId).toRepresentation();
    }
  }

  /** 200 while Keycloak has the user, 404 once it is deleted. */
  static int keycloakStatus(String userId) {
    try {
      keycloakUser(userId);
      return 200;
    } catch (jakarta.ws.rs.NotFoundException gone) {
      return 404;
    }
  }

  static RequestPostProcessor admin(String tenant) {
    return tenantUser("admin-" + tenant, tenant, Role.ADMIN);
  }

  static String newTenant() {
    return "t-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
