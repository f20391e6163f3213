package dev.claraop.devstack.mongo;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's two backends with the indexes it leaves out: every index a client creates is kept in
 * the heap (an {@link OrderedIndex}, or a {@link HeapUniqueIndex} for unique ones and {@code _id}) through the
 * extension points the library offers external backends. On disk the documents stay in H2's file; the
 * indexes are rebuilt from them when a database opens, which reads each collection once.
 */
public final class IndexedBackends {

  /** Documents in {@code store}, indexes in the heap. */
  public static MongoBackend onDisk(MVStore store) {
    return new H2Backend(store) {
      @Override
      protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new IndexedH2Database(databaseName, store, getCursorRegistry());
      }

      @Override
      public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        return answered(command, name -> super.handleCommand(channel, databaseName, name, query));
      }
    };
  }

  public static MongoBackend inMemory() {
    return new MemoryBackend() {
      @Override
      public MemoryDatabase openOrCreateDatabase(String databaseName) {
        return new IndexedMemoryDatabase(databaseName, getCursorRegistry());
      }

      @Override
      public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        return answered(command, name -> super.handleCommand(channel, databaseName, name, query));
      }
    };
  }

  /**
   * {@code hello}, which the library does not know, answered as its older name {@code isMaster} (MongoDB 4.4 and
   * later answer both): Spring Boot's Mongo health check sends it, and without it every service's
   * {@code /actuator/health} read DOWN on the stand-in.
   */
  private static Document answered(String command, Function<String, Document> backend) {
    if (!command.equalsIgnoreCase("hello")) return backend.apply(command);
    Document isMaster = backend.apply("ismaster");
    isMaster.put("isWritablePrimary", Boolean.TRUE);
    return isMaster;
  }

  /** A database's heap indexes, with the siblings of each collection. */
  private static final class HeapIndexes {
    private final Map<String, Siblings> siblings = new ConcurrentHashMap<>();

    <P> Index<P> unique(String collection, String name, List<IndexKey> keys, boolean sparse) {
      return new HeapUniqueIndex<>(name, keys, sparse, siblingsOf(collection));
    }

    <P> Index<P> secondary(String collection, String name, List<IndexKey> keys) {
      return new OrderedIndex<>(name, keys, siblingsOf(collection));
    }

    private Siblings siblingsOf(String collection) {
      return siblings.computeIfAbsent(collection, name -> new Siblings());
    }
  }

  private static final class IndexedH2Database extends H2Database {
    /** No initializer: the library's constructor opens the indexes, before this class's fields are set. */
    private HeapIndexes heap;

    IndexedH2Database(String databaseName, MVStore store, CursorRegistry cursors) {
      super(databaseName, store, cursors);
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(
        String collection, String name, List<IndexKey> keys, boolean sparse) {
      return heap().unique(collection, name, keys, sparse);
    }

    @Override
    protected Index<Object> openOrCreateSecondaryIndex(
        String collection, String name, List<IndexKey> keys, boolean sparse) {
      return heap().secondary(collection, name, keys);
    }

    private synchronized HeapIndexes heap() {
      return heap == null ? heap = new HeapIndexes() : heap;
    }
  }

  private static final class IndexedMemoryDatabase extends MemoryDatabase {
    /** No initializer: the library's constructor opens the indexes, before this class's fields are set. */
    private HeapIndexes heap;

    IndexedMemoryDatabase(String databaseName, CursorRegistry cursors) {
      super(databaseName, cursors);
    }

    @Override
    protected Index<Integer> openOrCreateUniqueIndex(
        String collection, String name, List<IndexKey> keys, boolean sparse) {
      return heap().unique(collection, name, keys, sparse);
    }

    @Override
    protected Index<Integer> openOrCreateSecondaryIndex(
        String collection, String name, List<IndexKey> keys, boolean sparse) {
      return heap().secondary(collection, name, keys);
    }

    private synchronized HeapIndexes heap() {
      return heap == null ? heap = new HeapIndexes() : heap;
    }
  }

  private IndexedBackends() {}
}
