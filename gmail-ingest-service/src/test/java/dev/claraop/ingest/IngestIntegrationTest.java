package dev.claraop.ingest;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import dev.claraop.test.GoogleFixture;
import dev.claraop.test.Infrastructure;
import dev.claraop.test.MovableClock;
import java.security.SecureRandom;
import java.util.Base64;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One Spring context for the integration tests of gmail-ingest-service: the shared Kafka and Mongo fixtures, and
 * Google's endpoints pointed at the stand-in (GoogleFixture), with a clock the tests can move.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MovableClock.InContext.class)
public abstract class IngestIntegrationTest {

  /** A master key ring made for this test JVM: the tests do not lean on the committed dev-only key. */
  public static final String TEST_MASTER_KEYS = "test:1:" + Base64.getUrlEncoder().encodeToString(randomKey());
  public static final String REDIRECT_URI = "https://localhost:8443/api/inbox/oauth/callback";

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    Infrastructure.register(registry, "ingest");
    registry.add("claraop.crypto.master-keys", () -> TEST_MASTER_KEYS);
    registry.add("claraop.google.authorization-uri", () -> GoogleFixture.baseUrl() + "/o/oauth2/v2/auth");
    registry.add("claraop.google.token-uri", () -> GoogleFixture.baseUrl() + "/token");
    registry.add("claraop.google.revocation-uri", () -> GoogleFixture.baseUrl() + "/revoke");
    registry.add("claraop.google.gmail-base-url", GoogleFixture::baseUrl);
    registry.add("claraop.google.client-id", () -> "claraop-test");
    registry.add("claraop.google.redirect-uri", () -> REDIRECT_URI);
    registry.add("claraop.google.resilience.first-backoff", () -> "20ms");
  }

  private static byte[] randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return key;
  }

  @Autowired private MongoClient mongoClient;
  @Autowired private MongoTemplate dataMongo;

  /** The data keys, in their own database beside this service's (README, "Backups"). */
  protected MongoCollection<Document> dataKeys() {
    return mongoClient.getDatabase(dataMongo.getDb().getName() + "-keys").getCollection("data_keys");
  }
}
