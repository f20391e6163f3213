package dev.claraop.ingest.crypto;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code claraop.crypto.master-keys} (env CLARAOP_MASTER_KEYS): the Fernet master key ring, {@code id:version:key,…}. */
@ConfigurationProperties("claraop.crypto")
record CryptoSettings(String masterKeys) {}
