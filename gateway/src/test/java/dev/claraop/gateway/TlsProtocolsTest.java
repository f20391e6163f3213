package dev.claraop.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileInputStream;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;

/**
 * Real TLS handshakes against the gateway's port, one protocol version at a time. This JVM runs with the
 * JDK's own ban on old versions lifted (legacy-tls-allowed.security), and a control server shows that the
 * client really can speak TLS 1.1 here: so a refusal is the gateway's configuration at work.
 */
class TlsProtocolsTest extends GatewayTestSupport {

  @Test
  void tls_1_2_and_1_3_handshakes_succeed() throws Exception {
    assertThat(handshake(port, "TLSv1.3")).isEqualTo("TLSv1.3");
    assertThat(handshake(port, "TLSv1.2")).isEqualTo("TLSv1.2");
  }

  @Test
  void tls_1_1_and_1_0_handshakes_fail() {
    for (String legacy : new String[] {"TLSv1.1", "TLSv1"}) {
      assertThatThrownBy(() -> handshake(port, legacy)).as(legacy).isInstanceOf(SSLException.class);
    }
  }

  @Test
  void control_the_client_can_speak_tls_1_1_to_a_server_that_allows_it() throws Exception {
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (var in = new FileInputStream(keystore.toFile())) {
      keys.load(in, KEYSTORE_PASSWORD.toCharArray());
    }
    KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    factory.init(keys, KEYSTORE_PASSWORD.toCharArray());
    SSLContext server = SSLContext.getInstance("TLS");
    server.init(factory.getKeyManagers(), null, null);
    try (SSLServerSocket legacyServer = (SSLServerSocket) server.getServerSocketFactory().createServerSocket(0)) {
      legacyServer.setEnabledProtocols(new String[] {"TLSv1.1"});
      Thread accept = Thread.ofVirtual().start(() -> {
        try (SSLSocket socket = (SSLSocket) legacyServer.accept()) {
          socket.startHandshake();
        } catch (Exception ignored) {
          // the client's side of the handshake is what the test checks
        }
      });
      assertThat(handshake(legacyServer.getLocalPort(), "TLSv1.1")).isEqualTo("TLSv1.1");
      accept.join(5_000);
    }
  }

  /** Handshakes offering only {@code protocol}; answers the protocol agreed. */
  private static String handshake(int port, String protocol) throws Exception {
    SSLContext client = SSLContext.getInstance("TLS");
    client.init(null, new TrustManager[] {new X509TrustManager() {
      public void checkClientTrusted(X509Certificate[] chain, String type) {}
      public void checkServerTrusted(X509Certificate[] chain, String type) {}
      public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
      }
    }}, null);
    try (SSLSocket socket = (SSLSocket) client.getSocketFactory().createSocket("localhost", port)) {
      socket.setSoTimeout(10_000);
      socket.setEnabledProtocols(new String[] {protocol});
      socket.startHandshake();
      return socket.getSession().getProtocol();
    }
  }
}
