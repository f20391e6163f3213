package dev.claraop.devstack;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Json;
import com.github.tomakehurst.wiremock.stubbing.StubMappingCollection;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

/**
 * Google's OAuth and Gmail endpoints as their documentation describes them, served by WireMock from
 * {@code google-standin/mappings} with {@link GoogleBehaviour} behind them (PKCE, tokens, a seeded mailbox,
 * errors on demand). The only mock in the suite: Google is the edge we cannot reach.
 * Requests are recorded, so tests can prove what was (and was not) asked of Google.
 */
public final class GoogleStandIn implements AutoCloseable {

  /** Read from the class path by hand: WireMock's own class-path source cannot open a nested (fat) jar. */
  private static final List<String> MAPPINGS = List.of("oauth.json", "gmail.json");

  private final WireMockServer server;

  private GoogleStandIn(WireMockServer server) {
    this.server = server;
    server.start();
    for (String file : MAPPINGS) {
      try (InputStream in = GoogleStandIn.class.getResourceAsStream("/google-standin/mappings/" + file)) {
        if (in == null) throw new IllegalStateException("missing stand-in mapping " + file);
        Json.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), StubMappingCollection.class)
            .getMappingOrMappings().forEach(server::addStubMapping);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  public static GoogleStandIn start(String host, int port) {
    return new GoogleStandIn(new WireMockServer(options()
        .bindAddress(host)
        .port(port)
        .globalTemplating(true)
        .extensions(new GoogleBehaviour(Clock.systemUTC()))
        .disableRequestJournal()));
  }

  /** As {@link #start} but remembering requests, for tests that verify them. */
  public static GoogleStandIn startRecording(String host, int port) {
    return new GoogleStandIn(new WireMockServer(options()
        .bindAddress(host)
        .port(port)
        .globalTemplating(true)
        .extensions(new GoogleBehaviour(Clock.systemUTC()))));
  }

  public String baseUrl() {
    return server.baseUrl();
  }

  public WireMockServer server() {
    return server;
  }

  @Override
  public void close() {
    server.stop();
  }
}
