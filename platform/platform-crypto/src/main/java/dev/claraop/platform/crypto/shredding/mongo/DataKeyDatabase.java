package dev.claraop.platform.crypto.shredding.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Where a service keeps its data keys: a database of their own, never the one holding the data they protect
 * (DESIGN §5), so the two are backed up on their own cycles and restoring a backup of the data cannot bring a
 * shredded key back (README, "Backups"). By default it is {@code <data database>-keys} on the same server; a
 * deployment that wants the keys on another server names it with a connection string of its own.
 */
public final class DataKeyDatabase {

  /** The suffix of the default key database's name. */
  public static final String SUFFIX = "-keys";

  private DataKeyDatabase() {}

  /**
   * The key store of a service whose data lives in database {@code dataDatabase} of {@code client}.
   *
   * @param keysUri a MongoDB connection string naming the key database, or null/blank for
   *     {@code <dataDatabase>-keys} through {@code client}
   */
  public static MongoDataKeyStore open(MongoClient client, String dataDatabase, String keysUri) {
    if (keysUri == null || keysUri.isBlank()) {
      return new MongoDataKeyStore(new MongoTemplate(client, dataDatabase + SUFFIX));
    }
    ConnectionString connection = new ConnectionString(keysUri);
    String database = connection.getDatabase();
    if (database == null || database.isBlank()) {
      throw new IllegalArgumentException("the data key store's connection string names no database");
    }
    if (database.equals(dataDatabase) && connection.getHosts().equals(hostsOf(client))) {
      throw new IllegalArgumentException("data keys must not live in the database of the data they protect ("
          + dataDatabase + ")");
    }
    return new MongoDataKeyStore(new MongoTemplate(MongoClients.create(connection), database));
  }

  private static java.util.List<String> hostsOf(MongoClient client) {
    return client.getClusterDescription().getClusterSettings().getHosts().stream()
        .map(address -> address.getHost() + ":" + address.getPort()).toList();
  }
}
