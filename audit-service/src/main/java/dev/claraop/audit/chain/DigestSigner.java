package dev.claraop.audit.chain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/** HMAC-SHA256 signatures on digests, with the key from configuration. */
@Component
class DigestSigner {

  private final DigestSettings settings;

  DigestSigner(DigestSettings settings) {
    this.settings = settings;
  }

  String keyId() {
    return settings.keyId();
  }

  String sign(String hash) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(settings.key(), "HmacSHA256"));
      return Base64.getEncoder().encodeToString(mac.doFinal(hash.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  /** A digest is ours when its hash covers its content and its signature is our key's, compared in constant time. */
  boolean isGenuine(DailyDigest digest) {
    return settings.keyId().equals(digest.keyId())
        && ChainHash.sha256(digest.canonical()).equals(digest.hash())
        && MessageDigest.isEqual(sign(digest.hash()).getBytes(StandardCharsets.UTF_8),
            String.valueOf(digest.signature()).getBytes(StandardCharsets.UTF_8));
  }
}
