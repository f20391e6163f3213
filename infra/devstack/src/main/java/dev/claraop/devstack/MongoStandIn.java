package dev.claraop.devstack;

import de.bwaldvogel.mongo.MongoServer;
import dev.claraop.devstack.mongo.IndexedBackends;
import org.h2.mvstore.MVStore;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The MongoDB wire-protocol stand-in (mongo-java-server): on disk through its H2 backend for the devstack,
 * in memory for tests. It lacks transactions and TTL (REFERENCES.md); so does our code. It lacks secondary
 * indexes too, and scans a collection for every query not by {@code _id}: here it gets them
 * ({@link IndexedBackends}), so the cost of a query follows what it selects, not what is stored.
 */
public final class MongoStandIn implements AutoCloseable {

  private final MongoServer server;
  private final InetSocketAddress address;

  private MongoStandIn(MongoServer server, String host, int port) {
    this.server = server;
    server.bind(host, port);
    this.address = server.getLocalAddress();
  }

  /** Data in {@code directory}/claraop.mv, kept across restarts, with H2's default 16 MB page cache. */
  public static MongoStandIn onDisk(Path directory, String host, int port) throws java.io.IOException {
    return onDisk(directory, host, port, DEFAULT_CACHE_MB);
  }

  /**
   * Data in {@code directory}/claraop.mv, kept across restarts. A query that no index serves reads the whole
   * collection, so once a collection outgrows the page cache it reads and deserializes it from the file again:
   * measured before the indexes, making payout batches went from 4 s per 100 to 40 s per 100 past ~700 batches of
   * 100 lines. The cache (in MB, within the JVM's heap) should hold the working data.
   */
  public static MongoStandIn onDisk(Path directory, String host, int port, int cacheMb) throws java.io.IOException {
    Files.createDirectories(directory);
    MVStore store = new MVStore.Builder().fileName(directory.resolve("claraop.mv").toString()).cacheSize(cacheMb).open();
    return new MongoStandIn(new MongoServer(IndexedBackends.onDisk(store)), host, port);
  }

  /** H2's own default (MVStore.Builder#cacheSize). */
  public static final int DEFAULT_CACHE_MB = 16;

  public static MongoStandIn inMemory(String host, int port) {
    return new MongoStandIn(new MongoServer(IndexedBackends.inMemory()), host, port);
  }

  public String connectionString() {
    return "mongodb://" + address.getHostString() + ":" + address.getPort();
  }

  @Override
  public void close() {
    server.shutdown(); // closes the H2 store cleanly, so the data file is consistent on the next start
  }
}
