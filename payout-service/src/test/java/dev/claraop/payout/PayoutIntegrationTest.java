package dev.claraop.payout;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import dev.claraop.test.Infrastructure;
import java.security.SecureRandom;
import java.util.Base64;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** One Spring context for every integration test of payout-service, on the shared Kafka and Mongo fixtures. */
@SpringBootTest
@AutoConfigureMockMvc
public abstract class PayoutIntegrationTest {

  /** A master key ring made for this test JVM: the tests do not lean on the committed dev-only key. */
  public static final String TEST_MASTER_KEYS = "test:1:" + Base64.getUrlEncoder().encodeToString(randomKey());

  public static final java.time.Duration PURGE_AFTER = java.time.Duration.ofSeconds(3);

  public static final int MAX_INVOICES = 60;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    Infrastructure.register(registry, "payout");
    registry.add("claraop.crypto.master-keys", () -> TEST_MASTER_KEYS);
    // Retention in seconds, so a test sees a purge refused while the batch is kept and allowed after.
    registry.add("claraop.payout.purge-after", () -> PURGE_AFTER.toString());
    // A generation cap the tests can exceed with a few dozen invoices.
    registry.add("claraop.payout.batches.max-invoices", () -> String.valueOf(MAX_INVOICES));
  }

  @Autowired private MongoClient mongoClient;
  @Autowired private MongoTemplate dataMongo;

  /** The data keys, in their own database beside this service's (README, "Keys"). */
  protected MongoCollection<Document> dataKeys() {
    return mongoClient.getDatabase(dataMongo.getDb().getName() + "-keys").getCollection("data_keys");
  }

  private static byte[] randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return key;
  }
}
