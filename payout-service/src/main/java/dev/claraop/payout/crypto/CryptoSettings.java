package dev.claraop.payout.crypto;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param masterKeys the Fernet master key ring, {@code <id>:<version>:<32-byte key, base64url>[,...]}, from
 *     {@code CLARAOP_MASTER_KEYS}. No default outside the {@code dev} profile: without it the service does not start.
 */
@ConfigurationProperties("claraop.crypto")
public record CryptoSettings(String masterKeys) {}
