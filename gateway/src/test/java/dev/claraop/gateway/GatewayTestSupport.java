package dev.claraop.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * One gateway, over real TLS, shared by the gateway's test classes: in front of stand-in services
 * (WireMock), checking tokens signed by a key whose JWKS a stand-in identity provider serves (the e2e tests
 * do the same against the real Keycloak). Budgets and breakers are set small so tests can exhaust them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class GatewayTestSupport {

  static final String ISSUER = "http://issuer.test/realms/claraop";
  static final String KEYSTORE_PASSWORD = "test-pass";
  /** Every route but retention's and Keycloak's. */
  static final WireMockServer services = new WireMockServer(options().dynamicPort());
  /** Retention's route only, so a test can stop it, slow it and bring it back without touching the rest. */
  static final int retentionPort = freePort();
  static volatile WireMockServer retention = new WireMockServer(options().port(retentionPort));
  /** Keycloak's token endpoint. */
  static final WireMockServer keycloak = new WireMockServer(options().dynamicPort());
  static final WireMockServer identityProvider = new WireMockServer(options().dynamicPort());
  static final RSAKey signingKey;
  static final Path keystore;

  static {
    try {
      signingKey = new RSAKeyGenerator(2048).keyID("test-key").generate();
      keystore = Files.createTempDirectory("gateway-tls").resolve("gateway.p12");
      Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
          "-genkeypair", "-alias", "gateway", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
          "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
          "-keystore", keystore.toString(), "-storepass", KEYSTORE_PASSWORD).inheritIO().start();
      if (keytool.waitFor() != 0) throw new IllegalStateException("keytool failed");
    } catch (Exception e) {
      throw new ExceptionInInitializerError(e);
    }
    services.start();
    retention.start();
    keycloak.start();
    identityProvider.start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      services.stop();
      retention.stop();
      keycloak.stop();
      identityProvider.stop();
    }));
  }

  @DynamicPropertySource
  static void edge(DynamicPropertyRegistry registry) {
    registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> ISSUER);
    registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
        () -> identityProvider.baseUrl() + "/certs");
    registry.add("server.ssl.key-store", keystore::toString);
    registry.add("server.ssl.key-store-password", () -> KEYSTORE_PASSWORD);
    registry.add("claraop.gateway.http-redirect-port", () -> "0");
    registry.add("management.server.port", () -> "0");
    registry.add("management.prometheus.metrics.export.enabled", () -> "true");
    for (String service : List.of("IDENTITY", "PAYOUT", "GMAIL_INGEST", "AUDIT", "SUPPORT_ACCESS")) {
      registry.add(service + "_SERVICE_URL", services::baseUrl);
    }
    registry.add("RETENTION_SERVICE_URL", () -> "http://127.0.0.1:" + retentionPort);
    registry.add("KEYCLOAK_URL", keycloak::baseUrl);
    registry.add("KEYCLOAK_JWK_SET_URI", () -> identityProvider.baseUrl() + "/certs");
    registry.add("claraop.gateway.rate-limits.user.requests", () -> "10");
    registry.add("claraop.gateway.rate-limits.user.per", () -> "60s");
    registry.add("claraop.gateway.rate-limits.user.burst", () -> "10");
    registry.add("claraop.gateway.resilience.timeout", () -> "1s");
    registry.add("claraop.gateway.resilience.route-timeouts.audit", () -> "4s");
    registry.add("claraop.gateway.resilience.window", () -> "4");
    registry.add("claraop.gateway.resilience.minimum-calls", () -> "4");
    registry.add("claraop.gateway.resilience.open-for", () -> "2s");
  }

  @LocalServerPort int port;
  WebTestClient https;

  @BeforeEach
  void resetStandIns() throws Exception {
    services.resetAll();
    keycloak.resetAll();
    identityProvider.resetAll();
    identityProvider.stubFor(get("/certs").willReturn(aResponse().withHeader("Content-Type", "application/json")
        .withBody(new JWKSet(signingKey.toPublicJWK()).toString())));
    var ssl = SslContextBuilder.forClient().trustManager(InsecureTrustManagerFactory.INSTANCE).build();
    https = WebTestClient.bindToServer(new ReactorClientHttpConnector(
            reactor.netty.http.client.HttpClient.create().secure(spec -> spec.sslContext(ssl))))
        .baseUrl("https://localhost:" + port).responseTimeout(Duration.ofSeconds(20)).build();
  }

  /** A token for a user of its own, so that no two tests spend from one rate-limit budget. */
  static String token() throws Exception {
    return sign(signingKey, "claraop-api", Instant.now().plusSeconds(300), UUID.randomUUID().toString());
  }

  static String token(String audience, Instant expiry) throws Exception {
    return sign(signingKey, audience, expiry, UUID.randomUUID().toString());
  }

  static String sign(RSAKey key, String audience, Instant expiry, String subject) throws Exception {
    JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER).subject(subject).audience(audience)
        .claim("tenant_id", "demo").claim("roles", List.of("ADMIN"))
        .issueTime(Date.from(expiry.minusSeconds(300))).expirationTime(Date.from(expiry)).build();
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
