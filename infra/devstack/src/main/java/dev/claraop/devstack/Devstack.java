package dev.claraop.devstack;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs one stand-in of the devstack in the foreground until it is sent SIGTERM (what ./claraop down does):
 * {@code mongo <port> <data dir>} or {@code google <port>}.
 */
public final class Devstack {

  public static void main(String[] args) throws Exception {
    if (args.length < 2) usage();
    String host = System.getProperty("claraop.bind", "127.0.0.1");
    int port = Integer.parseInt(args[1]);
    AutoCloseable running = switch (args[0]) {
      case "mongo" -> {
        if (args.length < 3) usage();
        yield MongoStandIn.onDisk(Path.of(args[2]), host, port,
            Integer.getInteger("claraop.mongo.cache-mb", MongoStandIn.DEFAULT_CACHE_MB));
      }
      case "google" -> GoogleStandIn.start(host, port);
      default -> {
        usage();
        yield null;
      }
    };
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        running.close();
      } catch (Exception e) {
        System.err.println("stand-in did not stop cleanly: " + e.getClass().getSimpleName());
      }
      stopped.countDown();
    }));
    System.out.println(args[0] + " stand-in ready on " + host + ":" + port);
    stopped.await();
  }

  private static void usage() {
    System.err.println("usage: devstack mongo <port> <data dir> | devstack google <port>");
    System.exit(2);
  }

  private Devstack() {}
}
