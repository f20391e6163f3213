package dev.claraop.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DelegationTest {

  @Test
  void an_entry_as_identity_service_writes_it_is_read_back_whole() {
    assertThat(Delegation.parse("demo:MANAGER:1772366400:d-5f1c")).contains(
        new Delegation("demo", Role.MANAGER, Instant.ofEpochSecond(1772366400L), "d-5f1c"));
  }

  @Test
  void only_the_tenant_may_contain_a_colon_because_entries_are_split_from_the_right() {
    assertThat(Delegation.parse("agency:eu:ADMIN:1772366400:d-1")).hasValueSatisfying(d -> {
      assertThat(d.tenantId()).isEqualTo("agency:eu");
      assertThat(d.role()).isEqualTo(Role.ADMIN);
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "demo", "demo:ADMIN", "demo:ADMIN:1772366400", ":ADMIN:1772366400:d-1",
      "demo:ADMIN:1772366400:", "demo:OWNER:1772366400:d-1", "demo:admin:1772366400:d-1",
      "demo:PLATFORM_ADMIN:1772366400:d-1", "demo:SUPPORT_ENGINEER:1772366400:d-1", "demo:ADMIN:soon:d-1",
      "demo:ADMIN:99999999999999999999:d-1", "demo:ADMIN:99999999999999999:d-1"})
  void a_malformed_or_staff_entry_grants_nothing(String value) {
    assertThat(Delegation.parse(value)).isEmpty();
  }

  @Test
  void a_delegation_ends_at_its_expiry_second_not_one_second_later() {
    Delegation d = Delegation.parse("demo:ADMIN:1772366400:d-1").orElseThrow();
    assertThat(d.activeAt(Instant.ofEpochSecond(1772366399L))).isTrue();
    assertThat(d.activeAt(Instant.ofEpochSecond(1772366400L))).isFalse();
    assertThat(d.activeAt(Instant.ofEpochSecond(1772366401L))).isFalse();
  }
}
