package dev.claraop.identity.realm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claraop.identity.directory.DirectorySettings;
import dev.claraop.identity.directory.DirectoryUnavailable;
import dev.claraop.identity.directory.UserDirectory;
import dev.claraop.platform.security.Role;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

/** Keycloak down: the service keeps running, reports not ready, and says why; it never hangs on the call. */
class KeycloakUnreachableTest {

  @Test
  void an_unreachable_keycloak_leaves_the_service_up_but_not_ready() {
    RealmPolicyEnforcement enforcement = new RealmPolicyEnforcement(
        new RealmPolicy("claraop", 5, 900, 900, 900, 86400, 86400, 300, "bcrypt", 12),
        new KeycloakAdminSettings("http://127.0.0.1:1", "admin", "irrelevant"), new SimpleMeterRegistry(),
        Duration.ofMinutes(5));

    long started = System.nanoTime();
    enforcement.enforceQuietly();

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
    assertThat(enforcement.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
    assertThat(enforcement.health().getDetails()).containsKey("reason");
  }

  @Test
  void calls_needing_an_unreachable_keycloak_fail_as_unavailable_quickly_and_then_at_once() {
    UserDirectory directory = new UserDirectory(new KeycloakAdminSettings("http://127.0.0.1:1", "admin", "irrelevant"),
        new DirectorySettings(Duration.ofSeconds(1), Duration.ofSeconds(2), 2, Duration.ofMillis(50), Duration.ofMinutes(1)));

    for (int call = 0; call < 3; call++) {
      long started = System.nanoTime();
      assertThatThrownBy(() -> directory.invite("new@test.claraop.dev", "t-1", Role.CREATOR))
          .isInstanceOf(DirectoryUnavailable.class);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }
    // Open now: no more waiting on a dead server, and readiness says so.
    long started = System.nanoTime();
    assertThatThrownBy(() -> directory.find("u-1")).isInstanceOf(DirectoryUnavailable.class).hasMessageContaining("circuit open");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(500));
    assertThat(directory.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
  }
}
