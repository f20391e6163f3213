package dev.claraop.identity.realm;

import io.micrometer.core.instrument.Counter;
import jakarta.ws.rs.client.ClientBuilder;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.representations.idm.RealmRepresentation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Makes realm {@code claraop}'s security policy true through the admin API, at start and then every few
 * minutes, and reports each drift it corrects (log line and metric). Until it has succeeded once the
 * service is not ready; Keycloak being down never stops the service, the next round simply tries again.
 */
@Component("realmPolicy")
public class RealmPolicyEnforcement implements HealthIndicator {

  private static final Logger log = LoggerFactory.getLogger(RealmPolicyEnforcement.class);
  private final RealmPolicy policy;
  private final KeycloakAdminSettings admin;
  private final Counter corrected;
  private final Duration checkEvery;
  private volatile boolean enforced;
  private volatile long lastEnforcedNanos;
  private volatile String lastFailure = "not checked yet";

  RealmPolicyEnforcement(RealmPolicy policy, KeycloakAdminSettings admin, MeterRegistry meters,
      @Value("${claraop.identity.realm-policy.check-every:5m}") Duration checkEvery) {
    this.policy = policy;
    this.checkEvery = checkEvery;
    this.admin = admin;
    this.corrected = Counter.builder("claraop.identity.realm.policy.drift.corrected")
        .description("Realm security settings found off policy and corrected").register(meters);
  }

  /** Once while starting, so that readiness is known before traffic comes. */
  @EventListener(ApplicationStartedEvent.class)
  void atStart() {
    enforceQuietly();
  }

  /**
   * Then every few seconds until it has succeeded (Keycloak may still be starting), and every
   * {@code check-every} after that, so that a setting changed by hand is put back.
   */
  @Scheduled(initialDelayString = "${claraop.identity.realm-policy.retry-every:5s}",
      fixedDelayString = "${claraop.identity.realm-policy.retry-every:5s}")
  void recheck() {
    if (!enforced || System.nanoTime() - lastEnforcedNanos > checkEvery.toNanos()) enforceQuietly();
  }

  public void enforceQuietly() {
    try {
      enforce();
    } catch (RuntimeException e) {
      lastFailure = e.getClass().getSimpleName();
      log.warn("realm policy not checked: Keycloak admin API unavailable ({})", lastFailure);
    }
  }

  /** @return the corrections made, one line each ("failureFactor 30 -> 5") */
  public List<String> enforce() {
    // Bounded waits: a Keycloak that hangs must not hang this service.
    var http = ClientBuilder.newBuilder().connectTimeout(5, TimeUnit.SECONDS).readTimeout(10, TimeUnit.SECONDS).build();
    try (Keycloak keycloak = KeycloakBuilder.builder().serverUrl(admin.url()).realm("master").clientId("admin-cli")
        .username(admin.username()).password(admin.password()).resteasyClient(http).build()) {
      var realm = keycloak.realm(policy.realm());
      RealmRepresentation settings = realm.toRepresentation();
      List<String> drift = new ArrayList<>();
      align(drift, "bruteForceProtected", settings::isBruteForceProtected, settings::setBruteForceProtected, true);
      align(drift, "permanentLockout", settings::isPermanentLockout, settings::setPermanentLockout, false);
      align(drift, "failureFactor", settings::getFailureFactor, settings::setFailureFactor, policy.failureFactor());
      align(drift, "maxDeltaTimeSeconds", settings::getMaxDeltaTimeSeconds, settings::setMaxDeltaTimeSeconds,
          policy.maxDeltaTimeSeconds());
      align(drift, "waitIncrementSeconds", settings::getWaitIncrementSeconds, settings::setWaitIncrementSeconds,
          policy.waitIncrementSeconds());
      align(drift, "maxFailureWaitSeconds", settings::getMaxFailureWaitSeconds, settings::setMaxFailureWaitSeconds,
          policy.maxFailureWaitSeconds());
      align(drift, "ssoSessionMaxLifespan", settings::getSsoSessionMaxLifespan, settings::setSsoSessionMaxLifespan,
          policy.ssoSessionMaxLifespan());
      align(drift, "ssoSessionIdleTimeout", settings::getSsoSessionIdleTimeout, settings::setSsoSessionIdleTimeout,
          policy.ssoSessionIdleTimeout());
      align(drift, "accessTokenLifespan", settings::getAccessTokenLifespan, settings::setAccessTokenLifespan,
          policy.accessTokenLifespan());
      // Only the hashing entries are ours; other password rules an operator set stay. Keycloak rehashes a
      // password stored under another algorithm or cost at that user's next successful login.
      PasswordPolicyText passwords = PasswordPolicyText.parse(settings.getPasswordPolicy());
      PasswordPolicyText wanted = passwords;
      wanted = alignEntry(drift, wanted, "hashAlgorithm", policy.passwordHashAlgorithm());
      wanted = alignEntry(drift, wanted, "hashIterations", String.valueOf(policy.passwordHashCost()));
      if (wanted != passwords) settings.setPasswordPolicy(wanted.toString());
      if (!drift.isEmpty()) {
        realm.update(settings);
        drift.forEach(change -> log.warn("realm {} drifted from policy, corrected: {}", policy.realm(), change));
        corrected.increment(drift.size());
      }
      enforced = true;
      lastEnforcedNanos = System.nanoTime();
      return drift;
    }
  }

  private static PasswordPolicyText alignEntry(List<String> drift, PasswordPolicyText current, String name, String wanted) {
    String value = current.get(name);
    if (Objects.equals(value, wanted)) return current;
    drift.add("passwordPolicy." + name + " " + value + " -> " + wanted);
    return current.with(name, wanted);
  }

  private static <T> void align(List<String> drift, String name, Supplier<T> current, Consumer<T> set, T wanted) {
    T value = current.get();
    if (!Objects.equals(value, wanted)) {
      drift.add(name + " " + value + " -> " + wanted);
      set.accept(wanted);
    }
  }

  /** Part of readiness: not ready until the policy has been made true once. */
  @Override
  public Health health() {
    return enforced ? Health.up().build() : Health.outOfService().withDetail("reason", lastFailure).build();
  }
}
