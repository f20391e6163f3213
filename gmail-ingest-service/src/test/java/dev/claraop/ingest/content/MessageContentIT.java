package dev.claraop.ingest.content;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dev.claraop.ingest.InboxFlow.admin;
import static dev.claraop.test.Callers.staff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.claraop.devstack.MailboxSeed;
import dev.claraop.ingest.InboxFlow;
import dev.claraop.ingest.IngestIntegrationTest;
import dev.claraop.ingest.sync.MailboxSync;
import dev.claraop.platform.security.GrantScope;
import dev.claraop.platform.security.GrantSource;
import dev.claraop.platform.security.Role;
import dev.claraop.platform.security.SupportGrant;
import dev.claraop.test.GoogleFixture;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A message body, read by staff on demand (issue 10): only under an ACTIVE EMAIL_CONTENT_READ grant of the mailbox's
 * tenant, returned and never stored, and the read recorded with the grant's basis. Grants come from a stand-in for
 * support-access (platform-security's {@link GrantSource}); the rest is the real service against the Google stand-in.
 */
@Import(MessageContentIT.StandInGrants.class)
class MessageContentIT extends IngestIntegrationTest {

  private static final String ENGINEER = "engineer-" + UUID.randomUUID();
  private static final Map<String, SupportGrant> GRANTS = new ConcurrentHashMap<>();

  @TestConfiguration
  static class StandInGrants {
    @Bean
    GrantSource grants() {
      return (grantId, bearerToken) -> Optional.ofNullable(GRANTS.get(grantId));
    }
  }

  @Autowired MockMvc http;
  @Autowired MongoTemplate mongo;
  @Autowired MailboxSync sync;
  private String tenant;
  private String mailbox;
  private String messageId;
  private String body;

  @BeforeEach
  void aSyncedMailbox() throws Exception {
    tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    mailbox = new InboxFlow(http).connect(admin(tenant), tenant + "@demo.claraop.dev");
    sync.sync(mailbox);
    // A message whose body text appears in none of the stored headers, so finding it anywhere means it was stored.
    List<String> headerText = new ArrayList<>();
    MailboxSeed.DEMO.forEach(m -> headerText.add(m.subject() + " " + m.from()));
    MailboxSeed.Mail mail = MailboxSeed.DEMO.stream()
        .filter(m -> headerText.stream().noneMatch(h -> h.contains(m.snippet()))).findFirst().orElseThrow();
    body = mail.snippet();
    Document scanned = mongo.getCollection("scanned_messages")
        .find(new Document("mailboxId", mailbox).append("subject", mail.subject())).first();
    assertThat(scanned).as("the synced message of that subject").isNotNull();
    messageId = scanned.getString("messageId");
    GRANTS.clear();
    grant("g-content", tenant, Set.of(GrantScope.EMAIL_CONTENT_READ), "Complaint CMP-2231");
    grant("g-metadata", tenant, Set.of(GrantScope.EMAIL_METADATA_READ), null);
    grant("g-elsewhere", "t-elsewhere", Set.of(GrantScope.EMAIL_CONTENT_READ), "Complaint CMP-9");
  }

  @AfterEach
  void forgetFullReads() {
    // Sync tests check that every message read in this JVM asked for metadata only: these reads were asked on purpose.
    GoogleFixture.standIn().orElseThrow().server().removeServeEventsMatching(
        getRequestedFor(urlPathMatching("/gmail/v1/users/me/messages/.+")).build());
  }

  @Test
  void staff_under_a_content_grant_read_the_body_which_is_returned_never_stored_and_recorded_with_the_basis()
      throws Exception {
    http.perform(get(path()).with(staff(ENGINEER, Role.SUPPORT_ENGINEER)).header("X-Support-Grant", "g-content"))
        .andExpect(status().isOk())
        .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")))
        .andExpect(jsonPath("$.messageId").value(messageId))
        .andExpect(jsonPath("$.body").value(body));

    for (String collection : mongo.getCollectionNames()) {
      mongo.getCollection(collection).find().forEach(d ->
          assertThat(d.toJson()).as("stored in " + collection).doesNotContain(body));
    }
    Document read = mongo.getCollection("staff_reads").find(new Document("grantId", "g-content")).first();
    assertThat(read).as("the read is recorded before the answer left").isNotNull();
    assertThat(read.getString("tenantId")).isEqualTo(tenant);
    assertThat(read.getString("staffId")).isEqualTo(ENGINEER);
  }

  @Test
  void no_tenant_role_and_no_other_grant_reads_a_body() throws Exception {
    http.perform(get(path()).with(admin(tenant))).andExpect(status().isForbidden());
    http.perform(get(path()).with(staff(ENGINEER, Role.SUPPORT_ENGINEER))).andExpect(status().isForbidden());
    http.perform(get(path()).with(staff(ENGINEER, Role.SUPPORT_ENGINEER)).header("X-Support-Grant", "g-metadata"))
        .andExpect(status().isForbidden());
    // a content grant of another tenant does not reach this tenant's mailbox
    http.perform(get(path()).with(staff(ENGINEER, Role.SUPPORT_ENGINEER)).header("X-Support-Grant", "g-elsewhere"))
        .andExpect(status().isNotFound());
    // someone else's grant is refused whatever it covers
    http.perform(get(path()).with(staff("engineer-other", Role.SUPPORT_ENGINEER)).header("X-Support-Grant", "g-content"))
        .andExpect(status().isForbidden());
  }

  private String path() {
    return "/api/inbox/" + mailbox + "/messages/" + messageId + "/content";
  }

  private static void grant(String id, String tenant, Set<GrantScope> scopes, String basis) {
    GRANTS.put(id, new SupportGrant(id, tenant, ENGINEER, List.of("reviewer-1", "admin-1"), "SUPPORT_TICKET", "SUP-31",
        scopes, "ACTIVE", Instant.now().plusSeconds(3600), basis));
  }
}
