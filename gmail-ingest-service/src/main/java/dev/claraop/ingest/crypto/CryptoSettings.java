package dev.claraop.ingest.crypto;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param masterKeys {@code claraop.crypto.master-keys} (env CLARAOP_MASTER_KEYS): the Fernet master key ring,
 *     {@code id:version:key,…}
 * @param dataKeysUri {@code claraop.crypto.data-keys-uri}: a MongoDB connection string naming the database of the
 *     data keys; unset, they live in {@code <this service's database>-keys} on the same server
 */
@ConfigurationProperties("claraop.crypto")
record CryptoSettings(String masterKeys, String dataKeysUri) {}
