package dev.claraop.identity.realm;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

/** Keycloak down: the service keeps running, reports not ready, and says why; it never hangs on the call. */
class KeycloakUnreachableTest {

  @Test
  void an_unreachable_keycloak_leaves_the_service_up_but_not_ready() {
    RealmPolicyEnforcement enforcement = new RealmPolicyEnforcement(
        new RealmPolicy("claraop", 5, 900, 900, 900, 86400, 86400, 300),
        new KeycloakAdminSettings("http://127.0.0.1:1", "admin", "irrelevant"), new SimpleMeterRegistry(),
        Duration.ofMinutes(5));

    long started = System.nanoTime();
    enforcement.enforceQuietly();

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
    assertThat(enforcement.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
    assertThat(enforcement.health().getDetails()).containsKey("reason");
  }
}
