package dev.claraop.platform.security;

import static dev.claraop.platform.security.Tokens.NOW;
import static dev.claraop.platform.security.Tokens.OPERATOR;
import static dev.claraop.platform.security.Tokens.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockServletContext;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.context.support.StaticWebApplicationContext;

class ClaraJwtAuthenticationConverterTest {

  private static final Instant IN_AN_HOUR = NOW.plusSeconds(3600);
  private final MutableClock clock = new MutableClock(NOW);
  private final ClaraJwtAuthenticationConverter converter = new ClaraJwtAuthenticationConverter(clock);

  @AfterEach
  void unbindRequest() {
    RequestContextHolder.resetRequestAttributes();
  }

  @Test
  void without_the_header_an_operator_acts_as_themself_in_their_own_tenant() {
    ClaraAuthentication auth = converter.authenticate(Tokens.operator(entry("demo", "ADMIN", IN_AN_HOUR, "d-1")), null);
    assertThat(auth.caller()).isEqualTo(new ClaraPrincipal(OPERATOR, "other", Set.of(Role.CREATOR)));
    assertThat(auth.caller().isDelegated()).isFalse();
    assertThat(roleNames(auth)).containsExactly("ROLE_CREATOR");
  }

  @Test
  void naming_a_delegated_tenant_gives_that_tenant_and_exactly_the_delegated_role() {
    ClaraAuthentication auth = converter.authenticate(Tokens.operator(entry("demo", "MANAGER", IN_AN_HOUR, "d-1")), "demo");
    assertThat(auth.caller()).isEqualTo(new ClaraPrincipal(OPERATOR, "demo", Set.of(Role.MANAGER), "d-1"));
    assertThat(auth.caller().isTenantUser()).isTrue();
    assertThat(roleNames(auth)).containsExactly("ROLE_MANAGER"); // not the CREATOR role of their own tenant
    assertThat(auth.getName()).isEqualTo(OPERATOR);
  }

  @Test
  void naming_a_tenant_without_a_delegation_is_refused_not_the_callers_own_tenant() {
    ClaraAuthentication auth = converter.authenticate(Tokens.operator(entry("demo", "ADMIN", IN_AN_HOUR, "d-1")), "acme");
    assertThat(auth.refused()).isTrue();
    assertThat(auth.isAuthenticated()).as("a genuine token: 403, not 401").isTrue();
    assertThat(auth.getAuthorities()).isEmpty();
    assertThatThrownBy(auth::caller).isInstanceOf(ActingTenantRefused.class);
  }

  @Test
  void an_expired_delegation_inside_a_still_valid_token_is_refused_at_request_time() {
    Jwt token = Tokens.operator(entry("demo", "ADMIN", NOW.plusSeconds(30), "d-1"));
    assertThat(converter.authenticate(token, "demo").refused()).isFalse();
    clock.set(NOW.plusSeconds(30)); // the token itself lives until NOW + 240 s
    assertThat(converter.authenticate(token, "demo").refused()).isTrue();
    assertThat(token.getExpiresAt()).isAfter(clock.instant());
  }

  @Test
  void a_revoked_delegation_inside_a_still_valid_token_is_refused_as_an_expired_one_is() {
    java.util.Set<String> revoked = new java.util.HashSet<>();
    var withRevocations = new ClaraJwtAuthenticationConverter(clock, revoked::contains);
    Jwt token = Tokens.operator(entry("demo", "ADMIN", IN_AN_HOUR, "d-1"), entry("acme", "CREATOR", IN_AN_HOUR, "d-2"));
    assertThat(withRevocations.authenticate(token, "demo").refused()).isFalse();

    revoked.add("d-1");

    ClaraAuthentication refused = withRevocations.authenticate(token, "demo");
    assertThat(refused.refused()).isTrue();
    assertThat(refused.isAuthenticated()).as("a genuine token: 403, not 401").isTrue();
    assertThat(refused.getAuthorities()).isEmpty();
    assertThat(token.getExpiresAt()).isAfter(clock.instant());
    // Only that delegation ends: another one and the operator's own tenant still work with the same token.
    assertThat(withRevocations.authenticate(token, "acme").caller().roles()).containsExactly(Role.CREATOR);
    assertThat(withRevocations.authenticate(token, null).caller().tenantId()).isEqualTo("other");
  }

  @Test
  void of_two_entries_for_one_tenant_a_revoked_one_gives_way_to_the_other() {
    var withRevocations = new ClaraJwtAuthenticationConverter(clock, "d-long"::equals);
    Jwt token = Tokens.operator(entry("demo", "ADMIN", IN_AN_HOUR, "d-long"), entry("demo", "CREATOR", NOW.plusSeconds(60), "d-short"));
    assertThat(withRevocations.authenticate(token, "demo").caller())
        .isEqualTo(new ClaraPrincipal(OPERATOR, "demo", Set.of(Role.CREATOR), "d-short"));
  }

  @Test
  void a_converter_built_by_hand_asks_the_revocations_of_the_application_serving_the_request() {
    // Such a converter runs on the system clock, so the entry must be ahead of the real time.
    Jwt token = Tokens.operator(entry("demo", "ADMIN", Instant.now().plusSeconds(3600), "d-1"));
    MockServletContext servlet = new MockServletContext();
    StaticWebApplicationContext application = new StaticWebApplicationContext();
    application.getBeanFactory().registerSingleton("revokedDelegations", (RevokedDelegations) "d-1"::equals);
    servlet.setAttribute(WebApplicationContext.ROOT_WEB_APPLICATION_CONTEXT_ATTRIBUTE, application);
    MockHttpServletRequest request = new MockHttpServletRequest(servlet);
    request.addHeader(ClaraJwtAuthenticationConverter.ACTING_TENANT_HEADER, "demo");
    RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));

    assertThat(new ClaraJwtAuthenticationConverter().convert(token).refused()).isTrue();
    // The same request in an application without revocations: the delegation still counts.
    servlet.setAttribute(WebApplicationContext.ROOT_WEB_APPLICATION_CONTEXT_ATTRIBUTE, new StaticWebApplicationContext());
    assertThat(new ClaraJwtAuthenticationConverter().convert(token).caller().delegationId()).isEqualTo("d-1");
  }

  @Test
  void of_an_expired_and_an_active_entry_for_one_tenant_the_active_one_decides() {
    Jwt token = Tokens.operator(entry("demo", "ADMIN", NOW.minusSeconds(10), "d-old"),
        entry("demo", "CREATOR", IN_AN_HOUR, "d-new"));
    assertThat(converter.authenticate(token, "demo").caller())
        .isEqualTo(new ClaraPrincipal(OPERATOR, "demo", Set.of(Role.CREATOR), "d-new"));
  }

  @Test
  void a_delegation_for_one_tenant_opens_no_other() {
    Jwt token = Tokens.operator(entry("demo", "ADMIN", IN_AN_HOUR, "d-1"), entry("acme", "CREATOR", IN_AN_HOUR, "d-2"));
    assertThat(converter.authenticate(token, "acme").caller().roles()).containsExactly(Role.CREATOR);
    assertThat(converter.authenticate(token, "demo").caller().roles()).containsExactly(Role.ADMIN);
    assertThat(converter.authenticate(token, "demo2").refused()).isTrue();
  }

  @Test
  void a_malformed_entry_is_ignored_and_the_well_formed_ones_still_count() {
    Jwt token = Tokens.operator("demo:ADMIN", "demo:PLATFORM_ADMIN:" + IN_AN_HOUR.getEpochSecond() + ":d-x",
        entry("demo", "MANAGER", IN_AN_HOUR, "d-1"));
    assertThat(converter.authenticate(token, "demo").caller().roles()).containsExactly(Role.MANAGER);
  }

  @Test
  void naming_ones_own_tenant_or_a_blank_header_is_acting_as_oneself() {
    Jwt token = Tokens.operator(entry("demo", "ADMIN", IN_AN_HOUR, "d-1"));
    assertThat(converter.authenticate(token, "other").caller()).isEqualTo(new ClaraPrincipal(OPERATOR, "other", Set.of(Role.CREATOR)));
    assertThat(converter.authenticate(token, " ").caller().tenantId()).isEqualTo("other");
  }

  @Test
  void a_token_without_the_delegations_claim_is_refused_any_other_tenant() {
    Jwt admin = Tokens.tenantUser("u-1", "demo", List.of("ADMIN"), null);
    assertThat(converter.authenticate(admin, null).caller().roles()).containsExactly(Role.ADMIN);
    assertThat(converter.authenticate(admin, "other").refused()).isTrue();
  }

  @Test
  void staff_cannot_act_in_a_tenant_through_the_header_even_with_a_delegations_claim() {
    Jwt support = Tokens.staff("s-1", "SUPPORT_ENGINEER", List.of(entry("demo", "ADMIN", IN_AN_HOUR, "d-1")));
    assertThat(converter.authenticate(support, "demo").refused()).isTrue();
    ClaraPrincipal asThemself = converter.authenticate(support, null).caller();
    assertThat(asThemself.tenantId()).isNull();
    assertThat(asThemself.roles()).containsExactly(Role.SUPPORT_ENGINEER);
  }

  @Test
  void a_token_mixing_tenant_and_staff_roles_keeps_only_the_tenant_roles() {
    Jwt mixed = Tokens.tenantUser("u-1", "demo", List.of("ADMIN", "PLATFORM_ADMIN"), null);
    assertThat(converter.authenticate(mixed, null).caller().roles()).containsExactly(Role.ADMIN);
  }

  @Test
  void the_header_is_read_from_the_request_being_authenticated() {
    Jwt token = Tokens.operator(entry("demo", "ADMIN", IN_AN_HOUR, "d-1"));
    assertThat(converter.convert(token).caller().tenantId()).as("no request bound").isEqualTo("other");
    MockHttpServletRequest request = new MockHttpServletRequest();
    request.addHeader(ClaraJwtAuthenticationConverter.ACTING_TENANT_HEADER, "demo");
    RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    assertThat(converter.convert(token).caller()).isEqualTo(new ClaraPrincipal(OPERATOR, "demo", Set.of(Role.ADMIN), "d-1"));
    request.removeHeader(ClaraJwtAuthenticationConverter.ACTING_TENANT_HEADER);
    request.addHeader(ClaraJwtAuthenticationConverter.ACTING_TENANT_HEADER, "acme");
    assertThat(converter.convert(token).refused()).isTrue();
  }

  private static List<String> roleNames(ClaraAuthentication auth) {
    return auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
  }

  /** The request-time clock a service injects; moved by hand so a delegation can expire inside a live token. */
  static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void set(Instant now) {
      this.now = now;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
