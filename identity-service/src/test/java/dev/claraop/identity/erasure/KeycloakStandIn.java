package dev.claraop.identity.erasure;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A port of its own in front of the real Keycloak, for a client pointed at it: it forwards every connection
 * (Keycloak reachable), answers every request with a 503 (Keycloak restarting behind its proxy), or resets every
 * connection (nothing answering). Leaving {@link Mode#FORWARDING} cuts the connections it is forwarding, so that a
 * client's pooled connections cannot slip past an outage.
 */
final class KeycloakStandIn implements AutoCloseable {

  enum Mode { FORWARDING, UNAVAILABLE, RESETTING }

  private static final byte[] UNAVAILABLE_ANSWER = ("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n"
      + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);

  private final String keycloakHost;
  private final int keycloakPort;
  private final ServerSocket listener;
  private final Set<Socket> forwarding = ConcurrentHashMap.newKeySet();
  private final AtomicInteger turnedAway = new AtomicInteger();
  private volatile Mode mode = Mode.FORWARDING;

  KeycloakStandIn(String keycloakBaseUrl) {
    URI keycloak = URI.create(keycloakBaseUrl);
    this.keycloakHost = keycloak.getHost();
    this.keycloakPort = keycloak.getPort();
    try {
      this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Thread.ofPlatform().daemon().name("keycloak-stand-in").start(this::accept);
  }

  /** The base URL to give the client instead of Keycloak's. */
  String baseUrl() {
    return "http://127.0.0.1:" + listener.getLocalPort();
  }

  void switchTo(Mode next) {
    mode = next;
    if (next != Mode.FORWARDING) forwarding.forEach(KeycloakStandIn::closeQuietly);
  }

  /** Connections answered 503 or reset so far: proof that the client did try to reach Keycloak. */
  int turnedAway() {
    return turnedAway.get();
  }

  @Override
  public void close() {
    closeQuietly(listener);
    forwarding.forEach(KeycloakStandIn::closeQuietly);
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        Thread.startVirtualThread(() -> serve(client));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void serve(Socket client) {
    switch (mode) {
      case FORWARDING -> forward(client);
      case UNAVAILABLE -> answerUnavailable(client);
      case RESETTING -> reset(client);
    }
  }

  private void forward(Socket client) {
    Socket keycloak;
    try {
      keycloak = new Socket(keycloakHost, keycloakPort);
    } catch (IOException e) {
      closeQuietly(client);
      return;
    }
    forwarding.add(client);
    forwarding.add(keycloak);
    // Switched away while connecting: switchTo may have missed these two, so they go here.
    if (mode != Mode.FORWARDING) {
      for (Socket socket : new Socket[] {client, keycloak}) {
        closeQuietly(socket);
        forwarding.remove(socket);
      }
      return;
    }
    Thread.startVirtualThread(() -> pipe(client, keycloak));
    pipe(keycloak, client);
  }

  /** Copies until either side ends, then ends both. */
  private void pipe(Socket from, Socket to) {
    try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
      in.transferTo(out);
    } catch (IOException ended) {
      // the other direction or switchTo closed the connection
    } finally {
      closeQuietly(from);
      closeQuietly(to);
      forwarding.remove(from);
      forwarding.remove(to);
    }
  }

  /** The answer first, then the request read to its end, so that the close sends no reset over unread bytes. */
  private void answerUnavailable(Socket client) {
    turnedAway.incrementAndGet();
    try (client) {
      client.setSoTimeout(2_000);
      client.getOutputStream().write(UNAVAILABLE_ANSWER);
      client.shutdownOutput();
      client.getInputStream().transferTo(OutputStream.nullOutputStream());
    } catch (IOException ended) {
      // the client hung up first
    }
  }

  private void reset(Socket client) {
    turnedAway.incrementAndGet();
    try {
      client.setSoLinger(true, 0);
    } catch (IOException ignored) {
      // closed anyway below
    }
    closeQuietly(client);
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception ignored) {
      // closing is all that is wanted
    }
  }
}
