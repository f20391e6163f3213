package dev.claraop.payout.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claraop.payout.BatchFlow;
import dev.claraop.payout.PayoutFixtures;
import dev.claraop.payout.PayoutIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every bank account decrypted to plaintext is counted by purpose (claraop_payout_pii_decrypted_accounts_total), which
 * the PII-decryption alerts compare with the exports recorded: generation re-seals in memory, an export opens the lines.
 */
class DecryptionMetricsIT extends PayoutIntegrationTest {

  private static final String US_PROFILE = "{\"accountHolder\":\"Bob Maker\",\"country\":\"US\",\"currency\":\"USD\","
      + "\"accountNumber\":\"000123456789\",\"routingCode\":\"021000021\"}";

  @Autowired MockMvc http;
  @Autowired MongoTemplate mongo;
  @Autowired MeterRegistry meters;

  @Test
  void generation_counts_its_reseal_and_an_export_counts_each_line_it_decrypted() throws Exception {
    double resealed = decrypted("batch_reseal");
    double exported = decrypted("payout_export");

    BatchFlow batch = BatchFlow.generated(http, mongo, List.of(PayoutFixtures.ukProfile("Ada Creator"), US_PROFILE));
    assertThat(decrypted("batch_reseal") - resealed).isEqualTo(2);
    assertThat(decrypted("payout_export")).isEqualTo(exported);

    batch.awaitView("GENERATED");
    assertThat(batch.approve()).isEqualTo(204);
    assertThat(batch.export("CSV").getResponse().getStatus()).isEqualTo(200);
    assertThat(decrypted("payout_export") - exported).isEqualTo(2);
  }

  private double decrypted(String purpose) {
    return meters.get("claraop.payout.pii.decrypted.accounts").tag("purpose", purpose).counter().count();
  }
}
