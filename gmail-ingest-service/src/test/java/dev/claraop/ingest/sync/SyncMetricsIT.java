package dev.claraop.ingest.sync;

import static dev.claraop.ingest.InboxFlow.admin;
import static org.assertj.core.api.Assertions.assertThat;

import dev.claraop.devstack.MailboxSeed;
import dev.claraop.ingest.InboxFlow;
import dev.claraop.ingest.IngestIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** What the operations dashboards and alerts read from syncs: outcomes, Gmail quota spent, mailboxes revoked. */
class SyncMetricsIT extends IngestIntegrationTest {

  @Autowired MockMvc http;
  @Autowired MailboxSync sync;
  @Autowired MeterRegistry meters;

  @Test
  void a_full_sync_counts_its_outcome_and_the_quota_units_each_gmail_method_cost() throws Exception {
    String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    String mailbox = new InboxFlow(http).connect(admin(tenant), tenant + "@demo.claraop.dev");
    double full = syncs("FULL");
    double gets = units("messages.get");
    double lists = units("messages.list");

    assertThat(sync.sync(mailbox)).isEqualTo(MailboxSync.Outcome.FULL);

    assertThat(syncs("FULL") - full).isEqualTo(1);
    assertThat(units("messages.get") - gets).isEqualTo(5.0 * MailboxSeed.DEMO.size());
    assertThat(units("messages.list") - lists).isEqualTo(5);
    // This mailbox alone spent that much of the default budget of 80 units per second, 4,800 per minute.
    assertThat(meters.get("claraop.ingest.google.quota.used.ratio").gauge().value())
        .isGreaterThanOrEqualTo((5.0 * MailboxSeed.DEMO.size() + 5 + 1) / 4_800);
  }

  @Test
  void a_grant_google_revoked_counts_the_mailbox_revoked_once() throws Exception {
    String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    String account = tenant + "@demo.claraop.dev";
    String mailbox = new InboxFlow(http).connect(admin(tenant), account);
    InboxFlow.standIn(account, "revoke-grant", "");
    double revoked = meters.get("claraop.ingest.mailboxes.revoked").counter().count();
    double revokedSyncs = syncs("REVOKED");

    assertThat(sync.sync(mailbox)).isEqualTo(MailboxSync.Outcome.REVOKED);
    assertThat(sync.sync(mailbox)).isEqualTo(MailboxSync.Outcome.REVOKED);

    assertThat(meters.get("claraop.ingest.mailboxes.revoked").counter().count() - revoked).isEqualTo(1);
    assertThat(syncs("REVOKED") - revokedSyncs).isEqualTo(2);
  }

  private double syncs(String outcome) {
    return meters.get("claraop.ingest.syncs").tag("outcome", outcome).counter().count();
  }

  private double units(String endpoint) {
    return meters.get("claraop.ingest.google.quota.units").tag("endpoint", endpoint).counter().count();
  }
}
