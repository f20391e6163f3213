package dev.claraop.payout.crypto;

import com.mongodb.client.MongoClient;
import dev.claraop.platform.crypto.keyring.KeyRef;
import dev.claraop.platform.crypto.keyring.MasterKeyRing;
import dev.claraop.platform.crypto.shredding.DataKeys;
import dev.claraop.platform.crypto.shredding.mongo.DataKeyDatabase;
import java.security.SecureRandom;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The master key ring and the per-subject data keys (DESIGN §5) that seal every bank detail and creator name in
 * a batch before it is stored. Data keys live in a database of their own ({@code <database>-keys} unless
 * {@code claraop.crypto.data-keys-uri} names another), apart from the events and views they protect, so restoring a
 * backup of the data cannot bring a shredded key back. Start-up fails without master keys, and with platform-crypto's committed {@code dev-only} key
 * outside the {@code dev} profile: a deployment can neither forget its keys nor ship the public one.
 */
@Configuration(proxyBeanMethods = false)
class CryptoConfiguration {

  static final String DEV_PROFILE = "dev";

  @Bean
  MasterKeyRing masterKeyRing(CryptoSettings settings, Environment environment, Clock clock) {
    if (settings.masterKeys() == null || settings.masterKeys().isBlank()) {
      throw new IllegalStateException("claraop.crypto.master-keys (env CLARAOP_MASTER_KEYS) is not set: payout-service"
          + " seals bank details with it and does not start without it. Developers run with the '" + DEV_PROFILE
          + "' profile, which uses platform-crypto's DEV ONLY key.");
    }
    MasterKeyRing ring = MasterKeyRing.fromConfig(settings.masterKeys(), clock, new SecureRandom());
    boolean devKey = ring.keys().stream().map(KeyRef::id).anyMatch("dev-only"::equals);
    if (devKey && !environment.acceptsProfiles(Profiles.of(DEV_PROFILE))) {
      throw new IllegalStateException("the master key ring holds the committed 'dev-only' key outside the '"
          + DEV_PROFILE + "' profile: set CLARAOP_MASTER_KEYS to keys of this deployment.");
    }
    return ring;
  }

  @Bean
  DataKeys dataKeys(MasterKeyRing ring, MongoClient client, MongoTemplate mongo, CryptoSettings settings, Clock clock) {
    return new DataKeys(ring, DataKeyDatabase.open(client, mongo.getDb().getName(), settings.dataKeysUri()), clock,
        new SecureRandom());
  }
}
