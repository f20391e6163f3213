package dev.claraop.platform.crypto.shredding.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.claraop.platform.crypto.keyring.MasterKeyRing;
import dev.claraop.platform.crypto.shredding.DataKeys;
import dev.claraop.platform.crypto.shredding.Subject;
import java.security.SecureRandom;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Data keys never land in the database of the data they protect, so a backup of that data holds none. */
class DataKeyDatabaseTest {

  private static MongoServer server;
  private static MongoClient client;
  private static String uri;

  @BeforeAll
  static void startMongo() {
    server = new MongoServer(new MemoryBackend());
    server.bind("127.0.0.1", 0);
    uri = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
    client = MongoClients.create(uri);
  }

  @AfterAll
  static void stopMongo() {
    client.close();
    server.shutdown();
  }

  @Test
  void by_default_keys_go_to_a_database_of_their_own_beside_the_data() {
    DataKeys keys = new DataKeys(ring(), DataKeyDatabase.open(client, "claraop-payout", null), Clock.systemUTC(),
        new SecureRandom());
    keys.createKey(Subject.of("payout-profile", "c-1"));

    assertThat(client.getDatabase("claraop-payout-keys").getCollection(MongoDataKeyStore.COLLECTION).countDocuments())
        .isEqualTo(1);
    assertThat(client.getDatabase("claraop-payout").listCollectionNames()).doesNotContain(MongoDataKeyStore.COLLECTION);
  }

  @Test
  void a_named_key_database_is_used_and_the_data_database_refused() {
    DataKeys keys = new DataKeys(ring(), DataKeyDatabase.open(client, "claraop-payout", uri + "/vault"),
        Clock.systemUTC(), new SecureRandom());
    keys.createKey(Subject.of("payout-profile", "c-2"));
    assertThat(client.getDatabase("vault").getCollection(MongoDataKeyStore.COLLECTION).countDocuments()).isEqualTo(1);

    assertThatThrownBy(() -> DataKeyDatabase.open(client, "claraop-payout", uri + "/claraop-payout"))
        .hasMessageContaining("must not live in the database of the data");
    assertThatThrownBy(() -> DataKeyDatabase.open(client, "claraop-payout", uri))
        .hasMessageContaining("names no database");
  }

  private static MasterKeyRing ring() {
    return MasterKeyRing.fromConfig("test:1:" + java.util.Base64.getUrlEncoder().encodeToString(new byte[32]),
        Clock.systemUTC(), new SecureRandom());
  }
}
