package dev.claraop.platform.crypto.shredding.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.claraop.platform.crypto.keyring.Ciphertext;
import dev.claraop.platform.crypto.keyring.MasterKeyRing;
import dev.claraop.platform.crypto.shredding.DataKeyStore;
import dev.claraop.platform.crypto.shredding.DataKeyStoreContract;
import dev.claraop.platform.crypto.shredding.DataKeys;
import dev.claraop.platform.crypto.shredding.FieldValue;
import dev.claraop.platform.crypto.shredding.Subject;
import com.mongodb.MongoClientSettings;
import com.mongodb.ConnectionString;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import dev.claraop.platform.crypto.shredding.SubjectKeys;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Against mongo-java-server in this JVM: no transactions, secondary indexes or TTL there, and none needed. */
class MongoDataKeyStoreTest extends DataKeyStoreContract {

  private static MongoServer server;
  private static MongoClient client;
  private MongoTemplate mongo;
  private MongoDataKeyStore store;

  @BeforeAll
  static void startMongo() {
    server = new MongoServer(new MemoryBackend());
    server.bind("127.0.0.1", 0);
    InetSocketAddress address = server.getLocalAddress();
    client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
  }

  @AfterAll
  static void stopMongo() {
    client.close();
    server.shutdown();
  }

  @BeforeEach
  void emptyCollection() {
    mongo = new MongoTemplate(client, "crypto-test");
    mongo.dropCollection(MongoDataKeyStore.COLLECTION);
    store = new MongoDataKeyStore(mongo);
  }

  @Override
  protected DataKeyStore store() {
    return store;
  }

  @Test
  void a_field_round_trips_through_mongo_and_reads_as_shredded_once_its_key_is_gone() {
    DataKeys dataKeys = new DataKeys(MasterKeyRing.fromConfig(MasterKeyRing.DEV_ONLY_MASTER_KEYS), store);
    Subject profile = Subject.of("payout-profile", "7f3c2a");
    dataKeys.createKey(profile);
    String stored = dataKeys.encrypt(profile, "DE89370400440532013000").text();

    assertThat(dataKeys.decrypt(profile, Ciphertext.parse(stored))).isEqualTo(new FieldValue.Readable("DE89370400440532013000"));

    assertThat(dataKeys.shred(profile)).isTrue();
    assertThat(dataKeys.shred(profile)).isFalse();

    assertThat(dataKeys.decrypt(profile, Ciphertext.parse(stored))).isInstanceOf(FieldValue.Shredded.class);
    Document tombstone = mongo.findById(profile.value(), Document.class, MongoDataKeyStore.COLLECTION);
    assertThat(tombstone).containsOnlyKeys("_id", "state", "shreddedAt", "createdAt");
    assertThat(tombstone.get("shreddedAt")).isInstanceOf(java.util.Date.class);
  }

  @Test
  void keys_for_a_whole_batch_are_read_250_and_written_1000_to_a_round_trip() {
    List<Subject> subjects = IntStream.range(0, 1_500).mapToObj(i -> Subject.of("creator", "demo.c" + i)).toList();
    new DataKeys(MasterKeyRing.fromConfig(MasterKeyRing.DEV_ONLY_MASTER_KEYS), store).createKey(subjects.get(42));
    java.util.Map<String, AtomicInteger> commands = new java.util.concurrent.ConcurrentHashMap<>();
    CommandListener counting = new CommandListener() {
      @Override
      public void commandStarted(CommandStartedEvent event) {
        commands.computeIfAbsent(event.getCommandName(), name -> new AtomicInteger()).incrementAndGet();
      }
    };
    try (MongoClient counted = MongoClients.create(MongoClientSettings.builder()
        .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + server.getLocalAddress().getPort()))
        .addCommandListener(counting).build())) {
      new DataKeys(MasterKeyRing.fromConfig(MasterKeyRing.DEV_ONLY_MASTER_KEYS),
          new MongoDataKeyStore(new MongoTemplate(counted, "crypto-test"))).createKeys(subjects);
    }

    assertThat(commands.get("find")).hasValue(6);
    assertThat(commands.get("insert")).hasValue(2);
    assertThat(store.findAll(subjects)).hasSize(1_500);
  }

  @Test
  void a_bulk_open_reads_every_subject_with_one_find() {
    DataKeys dataKeys = new DataKeys(MasterKeyRing.fromConfig(MasterKeyRing.DEV_ONLY_MASTER_KEYS), store);
    List<Subject> subjects = IntStream.range(0, 200).mapToObj(i -> Subject.of("payout-profile", "c" + i)).toList();
    subjects.forEach(dataKeys::createKey);
    dataKeys.shred(subjects.get(3));
    AtomicInteger finds = new AtomicInteger();
    CommandListener counting = new CommandListener() {
      @Override
      public void commandStarted(CommandStartedEvent event) {
        if (event.getCommandName().equals("find")) finds.incrementAndGet();
      }
    };
    try (MongoClient counted = MongoClients.create(MongoClientSettings.builder()
        .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + server.getLocalAddress().getPort()))
        .addCommandListener(counting).build())) {
      DataKeys countedKeys = new DataKeys(MasterKeyRing.fromConfig(MasterKeyRing.DEV_ONLY_MASTER_KEYS),
          new MongoDataKeyStore(new MongoTemplate(counted, "crypto-test")));

      try (SubjectKeys keys = countedKeys.openAll(subjects)) {
        assertThat(keys.subjects()).hasSize(200);
        assertThat(keys.get(subjects.get(3)).shredded()).isTrue();
      }
    }

    assertThat(finds).hasValue(1);
  }
}
