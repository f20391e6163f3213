package dev.claraop.retention;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;

/**
 * payout-service's purge command, stood in for by WireMock (payout-service itself is not in this module's class path,
 * and services never import each other). It answers only requests that carry a bearer token; tests check that token
 * against Keycloak's keys, so it must really come from the client-credentials flow.
 */
public final class PayoutStandIn {

  private static WireMockServer server;

  public static synchronized WireMockServer server() {
    if (server == null) {
      server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
      server.start();
      Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "payout-stand-in-stop"));
      purgesEverything();
    }
    return server;
  }

  public static String baseUrl() {
    return server().baseUrl();
  }

  /** Every purge with a bearer token answers 200 as payout-service does; without one, 401. */
  public static void purgesEverything() {
    server().resetAll();
    server().stubFor(post(urlPathMatching("/internal/batches/[^/]+/purge")).atPriority(10)
        .willReturn(aResponse().withStatus(401)));
    server().stubFor(post(urlPathMatching("/internal/batches/[^/]+/purge")).atPriority(5)
        .withHeader("Authorization", matching("Bearer [A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
            .withBody("{\"purged\":true,\"purgedNow\":true}")));
  }

  /** The purge of {@code batchId} answers {@code status} (with a problem body) until the stubs are reset. */
  public static void answers(String batchId, int status) {
    server().stubFor(post(urlPathEqualTo("/internal/batches/" + batchId + "/purge")).atPriority(1)
        .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/problem+json")
            .withBody("{\"status\":" + status + ",\"detail\":\"IBAN DE89370400440532013000 must never be echoed\"}")));
  }

  public static List<LoggedRequest> purgesOf(String batchId) {
    return server().findAll(postRequestedFor(urlPathEqualTo("/internal/batches/" + batchId + "/purge")));
  }

  private PayoutStandIn() {}
}
