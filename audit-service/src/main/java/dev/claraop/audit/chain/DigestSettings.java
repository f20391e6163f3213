package dev.claraop.audit.chain;

import java.util.Base64;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param signingKey base64 of at least 32 random bytes (HMAC-SHA256); from the environment in every real
 *     deployment ({@code AUDIT_DIGEST_SIGNING_KEY})
 * @param keyId names the key in each digest, so digests stay checkable across a key rotation
 * @param sealCron when completed UTC days are sealed
 */
@ConfigurationProperties("claraop.audit.digests")
public record DigestSettings(String signingKey, @DefaultValue("k1") String keyId,
    @DefaultValue("0 5 0 * * *") String sealCron) {

  public DigestSettings {
    if (signingKey == null || Base64.getDecoder().decode(signingKey).length < 32) {
      throw new IllegalArgumentException("claraop.audit.digests.signing-key must be base64 of 32 bytes or more");
    }
  }

  byte[] key() {
    return Base64.getDecoder().decode(signingKey);
  }
}
