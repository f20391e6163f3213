package dev.claraop.retention.payout;

import java.net.http.HttpClient;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.web.client.RestClient;

/**
 * The HTTP client for payout-service: every request carries a bearer token that Spring Security's authorized-client
 * manager gets from Keycloak by the client-credentials grant, keeps until shortly before it expires, and drops when
 * payout-service answers 401/403 (a rotated secret or key). Calls to both are bounded in time.
 */
@Configuration(proxyBeanMethods = false)
class PayoutClientConfiguration {

  static final String REGISTRATION = "payout-purge";
  /** One service identity, whoever triggered the run: the token is cached under it, never under a user. */
  private static final Authentication SERVICE =
      new AnonymousAuthenticationToken("retention-service", "retention-service", AuthorityUtils.createAuthorityList("ROLE_SERVICE"));

  /**
   * retention-service's own bearer token on every request it makes to another service (payout-service's purge,
   * audit-service's segment expiry): one client, one token cache.
   */
  @Bean
  OAuth2ClientHttpRequestInterceptor retentionServiceToken(PayoutSettings settings) {
    ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION)
        .clientId(settings.clientId()).clientSecret(settings.clientSecret())
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
        .tokenUri(settings.tokenUri().toString()).build();
    var registrations = new InMemoryClientRegistrationRepository(registration);
    var authorizedClients = new InMemoryOAuth2AuthorizedClientService(registrations);

    // The token endpoint gets the same bounds; converters and error handler as Spring Security's default client.
    var tokens = new RestClientClientCredentialsTokenResponseClient();
    tokens.setRestClient(RestClient.builder().requestFactory(requestFactory(settings))
        .messageConverters(List.of(new FormHttpMessageConverter(), new OAuth2AccessTokenResponseHttpMessageConverter()))
        .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler()).build());
    // Token expiry is Keycloak's real time, not the business clock tests move: the provider keeps its own clock.
    var manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, authorizedClients);
    manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
        .clientCredentials(c -> c.accessTokenResponseClient(tokens)).build());

    var bearer = new OAuth2ClientHttpRequestInterceptor(manager);
    bearer.setClientRegistrationIdResolver(request -> REGISTRATION);
    bearer.setPrincipalResolver(request -> SERVICE);
    bearer.setAuthorizationFailureHandler(OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(authorizedClients));
    return bearer;
  }

  @Bean
  RestClient payoutPurgeClient(PayoutSettings settings, OAuth2ClientHttpRequestInterceptor retentionServiceToken) {
    return RestClient.builder().baseUrl(settings.baseUrl().toString()).requestFactory(requestFactory(settings))
        .requestInterceptor(retentionServiceToken).build();
  }

  static JdkClientHttpRequestFactory requestFactory(PayoutSettings settings) {
    var factory = new JdkClientHttpRequestFactory(HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build());
    factory.setReadTimeout(settings.readTimeout());
    return factory;
  }
}
