package dev.claraop.devstack;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The MongoDB wire-protocol stand-in (mongo-java-server): on disk through its H2 backend for the devstack,
 * in memory for tests. It lacks secondary indexes, transactions and TTL (REFERENCES.md); so does our code.
 */
public final class MongoStandIn implements AutoCloseable {

  private final MongoServer server;
  private final InetSocketAddress address;

  private MongoStandIn(MongoServer server, String host, int port) {
    this.server = server;
    server.bind(host, port);
    this.address = server.getLocalAddress();
  }

  /** Data in {@code directory}/claraop.mv, kept across restarts. */
  public static MongoStandIn onDisk(Path directory, String host, int port) throws java.io.IOException {
    Files.createDirectories(directory);
    return new MongoStandIn(new MongoServer(new H2Backend(directory.resolve("claraop.mv").toString())), host, port);
  }

  public static MongoStandIn inMemory(String host, int port) {
    return new MongoStandIn(new MongoServer(new MemoryBackend()), host, port);
  }

  public String connectionString() {
    return "mongodb://" + address.getHostString() + ":" + address.getPort();
  }

  @Override
  public void close() {
    server.shutdown(); // closes the H2 store cleanly, so the data file is consistent on the next start
  }
}
