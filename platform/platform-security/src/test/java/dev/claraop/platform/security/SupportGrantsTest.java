package dev.claraop.platform.security;

import static dev.claraop.platform.security.Grants.ENGINEER;
import static dev.claraop.platform.security.Grants.OTHER_ENGINEER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claraop.platform.security.ClaraJwtAuthenticationConverterTest.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which grant admits which staff member, and for how long an answer is trusted. */
class SupportGrantsTest {

  static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  static final Duration TTL = Duration.ofSeconds(5);
  final MutableClock clock = new MutableClock(NOW);
  final Grants source = new Grants()
      .with(Grants.active("g-1", "acme", ENGINEER, Set.of(GrantScope.PAYOUTS_READ), NOW.plusSeconds(3600)));
  final SupportGrants grants = new SupportGrants(source, new SupportAccessSettings(null, TTL, null), clock);

  static ClaraPrincipal staff(String id) {
    return new ClaraPrincipal(id, null, Set.of(Role.SUPPORT_ENGINEER));
  }

  @Test
  void an_active_grant_admits_the_engineer_it_belongs_to_in_its_own_tenant() {
    SupportGrant grant = grants.admit(staff(ENGINEER), "g-1", "token");
    assertThat(grant.tenantId()).isEqualTo("acme");
    ClaraPrincipal reader = ClaraPrincipal.underGrant(staff(ENGINEER), grant);
    assertThat(reader.tenantId()).isEqualTo("acme");
    assertThat(reader.covers(GrantScope.PAYOUTS_READ)).isTrue();
    assertThat(reader.covers(GrantScope.EMAIL_CONTENT_READ)).isFalse();
    assertThat(ClaraAuthentication.authorities(reader)).extracting(Object::toString).containsExactly("GRANT_PAYOUTS_READ");
  }

  @Test
  void another_engineers_grant_an_unknown_one_and_a_malformed_id_admit_nobody() {
    assertThatThrownBy(() -> grants.admit(staff(OTHER_ENGINEER), "g-1", "token")).isInstanceOf(SupportGrantRefused.class)
        .hasMessageContaining("not yours");
    assertThatThrownBy(() -> grants.admit(staff(ENGINEER), "g-404", "token")).isInstanceOf(SupportGrantRefused.class);
    assertThatThrownBy(() -> grants.admit(staff(ENGINEER), "../admin", "token")).isInstanceOf(SupportGrantRefused.class);
    assertThat(source.checks).hasValue(2); // the malformed id never left the service
  }

  @Test
  void a_tenant_user_cannot_read_under_a_grant_even_one_naming_them() {
    source.with(Grants.active("g-2", "acme", "a-1", Set.of(GrantScope.PAYOUTS_READ), NOW.plusSeconds(60)));
    assertThatThrownBy(() -> grants.admit(new ClaraPrincipal("a-1", "acme", Set.of(Role.ADMIN)), "g-2", "t"))
        .isInstanceOf(SupportGrantRefused.class);
  }

  @Test
  void an_ended_grant_is_refused() {
    source.with(Grants.ended(source.byId.get("g-1")));
    assertThatThrownBy(() -> grants.admit(staff(ENGINEER), "g-1", "token")).isInstanceOf(SupportGrantRefused.class)
        .hasMessageContaining("not active");
  }

  @Test
  void a_grant_ended_at_support_access_stops_working_within_the_cache_bound_and_not_before_the_next_check() {
    grants.admit(staff(ENGINEER), "g-1", "token");
    source.with(Grants.ended(source.byId.get("g-1"))); // the ticket closes right after the first check
    clock.set(NOW.plus(TTL).minusMillis(1));
    grants.admit(staff(ENGINEER), "g-1", "token"); // still the answer of the first check: inside the bound
    assertThat(source.checks).hasValue(1);
    clock.set(NOW.plus(TTL));
    assertThatThrownBy(() -> grants.admit(staff(ENGINEER), "g-1", "token")).isInstanceOf(SupportGrantRefused.class);
    assertThat(source.checks).hasValue(2);
  }

  @Test
  void an_expiry_needs_no_fresh_check_it_ends_the_grant_at_its_second() {
    source.with(Grants.active("g-3", "acme", ENGINEER, Set.of(GrantScope.PAYOUTS_READ), NOW.plusSeconds(2)));
    grants.admit(staff(ENGINEER), "g-3", "token");
    clock.set(NOW.plusSeconds(2));
    assertThatThrownBy(() -> grants.admit(staff(ENGINEER), "g-3", "token")).isInstanceOf(SupportGrantRefused.class);
    assertThat(source.checks).hasValue(1);
  }

  @Test
  void a_refusal_is_not_remembered_so_a_grant_approved_a_moment_later_works_at_once() {
    assertThatThrownBy(() -> grants.admit(staff(ENGINEER), "g-4", "token")).isInstanceOf(SupportGrantRefused.class);
    source.with(Grants.active("g-4", "acme", ENGINEER, Set.of(GrantScope.PAYOUTS_READ), NOW.plusSeconds(60)));
    assertThat(grants.admit(staff(ENGINEER), "g-4", "token").id()).isEqualTo("g-4");
  }

  @Test
  void one_engineers_cached_answer_is_not_another_engineers() {
    grants.admit(staff(ENGINEER), "g-1", "token");
    assertThatThrownBy(() -> grants.admit(staff(OTHER_ENGINEER), "g-1", "token")).isInstanceOf(SupportGrantRefused.class);
    assertThat(source.checks).hasValue(2);
  }

  @Test
  void when_support_access_cannot_answer_the_check_fails_and_nothing_is_admitted() {
    source.down = true;
    assertThatThrownBy(() -> grants.admit(staff(ENGINEER), "g-1", "token")).isInstanceOf(GrantCheckFailed.class);
  }
}
