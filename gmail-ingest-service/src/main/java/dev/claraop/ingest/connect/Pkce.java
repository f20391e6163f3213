package dev.claraop.ingest.connect;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** RFC 7636: a random verifier (43 base64url characters from 32 bytes) and its S256 challenge; and random states. */
final class Pkce {

  private static final SecureRandom RANDOM = new SecureRandom();

  static String randomToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String s256(String value) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(value));
  }

  static String hash(String state) {
    return java.util.HexFormat.of().formatHex(sha256(state));
  }

  private static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private Pkce() {}
}
