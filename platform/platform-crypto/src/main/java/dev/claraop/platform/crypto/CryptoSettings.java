package dev.claraop.platform.crypto;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param masterKeys {@code claraop.crypto.master-keys} (env CLARAOP_MASTER_KEYS): the Fernet master key ring,
 *     {@code <id>:<version>:<32-byte key, base64url>[,...]}. No default outside the {@code dev} profile: without it the
 *     service does not start.
 * @param dataKeysUri {@code claraop.crypto.data-keys-uri} (env CLARAOP_DATA_KEYS_URI): a MongoDB connection string
 *     naming the database of the data keys; unset, they live in {@code <this service's database>-keys} on the same
 *     server. Never the database of the data itself: start-up refuses it.
 */
@ConfigurationProperties("claraop.crypto")
public record CryptoSettings(String masterKeys, String dataKeysUri) {}
