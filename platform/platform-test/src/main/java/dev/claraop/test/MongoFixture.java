package dev.claraop.test;

import dev.claraop.devstack.MongoStandIn;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * A MongoDB endpoint for tests, started at most once per JVM. {@code CLARAOP_TEST_MONGO_URI} → a
 * {@code mongo} container (real MongoDB) → mongo-java-server in this JVM, which speaks the wire protocol
 * but has no secondary indexes, transactions or TTL (REFERENCES.md): code must not rely on those.
 */
public final class MongoFixture {

  private static String uri;

  /** A connection string without a database; give each test context its own database name. */
  public static synchronized String uri() {
    if (uri == null) uri = start();
    return uri;
  }

  private static String start() {
    String given = Resolution.fromEnvironment("CLARAOP_TEST_MONGO_URI");
    if (given != null) return given;
    if (Resolution.dockerAvailable()) {
      MongoDBContainer container = new MongoDBContainer("mongo:8.0");
      container.start();
      return container.getConnectionString();
    }
    MongoStandIn server = MongoStandIn.inMemory("127.0.0.1", 0);
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "mongo-fixture-stop"));
    return server.connectionString();
  }

  private MongoFixture() {}
}
