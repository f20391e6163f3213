package dev.claraop.platform.crypto;

import com.mongodb.client.MongoClient;
import dev.claraop.platform.crypto.keyring.KeyRef;
import dev.claraop.platform.crypto.keyring.MasterKeyRing;
import dev.claraop.platform.crypto.shredding.DataKeys;
import dev.claraop.platform.crypto.shredding.mongo.DataKeyDatabase;
import java.security.SecureRandom;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The master key ring and the per-subject data keys (DESIGN §5) of every service that seals P0 data with this module.
 * Data keys live in a database of their own ({@code <database>-keys} unless {@code claraop.crypto.data-keys-uri} names
 * another), apart from the data they protect, so restoring a backup of the data cannot bring a shredded key back.
 * Start-up fails without master keys, and with the committed {@code dev-only} key outside the {@code dev} profile: a
 * deployment can neither forget its keys nor ship the public one.
 */
@AutoConfiguration(afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
@EnableConfigurationProperties(CryptoSettings.class)
public class CryptoAutoConfiguration {

  static final String DEV_PROFILE = "dev";

  @Bean
  @ConditionalOnMissingBean
  MasterKeyRing masterKeyRing(CryptoSettings settings, Environment environment, Clock clock) {
    if (settings.masterKeys() == null || settings.masterKeys().isBlank()) {
      throw new IllegalStateException("claraop.crypto.master-keys (env CLARAOP_MASTER_KEYS) is not set: "
          + environment.getProperty("spring.application.name", "this service")
          + " seals its data keys with it and does not start without it. Developers run with the '" + DEV_PROFILE
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

  /** The data keys in MongoDB, beside the service's own database, where the service has one. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass({MongoClient.class, MongoTemplate.class})
  static class DataKeysInMongo {

    @Bean
    @ConditionalOnMissingBean
    DataKeys dataKeys(MasterKeyRing ring, MongoClient client, MongoTemplate mongo, CryptoSettings settings,
        Clock clock) {
      return new DataKeys(ring, DataKeyDatabase.open(client, mongo.getDb().getName(), settings.dataKeysUri()), clock,
          new SecureRandom());
    }
  }
}
