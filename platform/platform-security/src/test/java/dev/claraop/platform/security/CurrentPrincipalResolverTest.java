package dev.claraop.platform.security;

import static dev.claraop.platform.security.Tokens.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

class CurrentPrincipalResolverTest {

  private final ClaraJwtAuthenticationConverter converter =
      new ClaraJwtAuthenticationConverter(Clock.fixed(Tokens.NOW, ZoneOffset.UTC));

  @Test
  void a_controller_receives_the_principal_the_request_acts_as() {
    var token = Tokens.operator(entry("demo", "MANAGER", Tokens.NOW.plusSeconds(60), "d-9"));
    assertThat(CurrentPrincipalResolver.current(converter.authenticate(token, "demo")))
        .isEqualTo(new ClaraPrincipal(Tokens.OPERATOR, "demo", Set.of(Role.MANAGER), "d-9"));
  }

  @Test
  void a_refused_acting_tenant_never_reaches_a_controller_as_a_principal() {
    var token = Tokens.operator(entry("demo", "MANAGER", Tokens.NOW.minusSeconds(1), "d-9"));
    assertThatThrownBy(() -> CurrentPrincipalResolver.current(converter.authenticate(token, "demo")))
        .isInstanceOf(ActingTenantRefused.class);
  }

  @Test
  void a_plain_jwt_authentication_as_mockmvc_makes_it_is_the_caller_as_themself() {
    var token = Tokens.tenantUser("u-1", "demo", List.of("CREATOR"), List.of(entry("acme", "ADMIN", Tokens.NOW.plusSeconds(60), "d-1")));
    assertThat(CurrentPrincipalResolver.current(new JwtAuthenticationToken(token)))
        .isEqualTo(new ClaraPrincipal("u-1", "demo", Set.of(Role.CREATOR)));
  }

  @Test
  void no_bearer_token_is_no_principal() {
    var anonymous = new AnonymousAuthenticationToken("k", "anonymous", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
    assertThatThrownBy(() -> CurrentPrincipalResolver.current(anonymous)).isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> CurrentPrincipalResolver.current(null)).isInstanceOf(AccessDeniedException.class);
  }
}
