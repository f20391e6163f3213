package dev.claraop.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** Oversize or unmeasured bodies and oversize headers are refused at the edge, never passed on. */
class RequestSizeLimitsTest extends GatewayTestSupport {

  @Test
  void a_body_over_the_limit_is_413_and_never_reaches_a_service() throws Exception {
    byte[] big = new byte[300 * 1024];
    java.util.Arrays.fill(big, (byte) 'a');
    https.post().uri("/api/invoices").header("Authorization", "Bearer " + token())
        .contentType(MediaType.APPLICATION_JSON).bodyValue(big)
        .exchange()
        .expectStatus().isEqualTo(413)
        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(services.getAllServeEvents()).isEmpty();
  }

  @Test
  void a_chunked_body_without_a_length_is_411_and_an_oversize_header_is_refused() throws Exception {
    String token = token();
    String chunked = "POST /api/invoices HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
        + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n";
    assertThat(rawRequest(chunked)).startsWith("HTTP/1.1 411");
    String hugeHeader = "GET /api/invoices HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
        + "\r\nX-Filler: " + "x".repeat(20 * 1024) + "\r\n\r\n";
    assertThat(rawRequest(hugeHeader)).matches("HTTP/1.1 (400|413|431).*");
    assertThat(services.getAllServeEvents()).isEmpty();
  }

  /** The first line of the answer to a hand-written request over TLS (no client library tidies it up). */
  private String rawRequest(String request) throws Exception {
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, new TrustManager[] {new X509TrustManager() {
      public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String type) {}
      public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String type) {}
      public java.security.cert.X509Certificate[] getAcceptedIssuers() {
        return new java.security.cert.X509Certificate[0];
      }
    }}, null);
    try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket("localhost", port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      StringBuilder line = new StringBuilder();
      for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) line.append((char) c);
      return line.toString().trim();
    }
  }
}
