package dev.claraop.ingest.connect;

import dev.claraop.platform.security.PublicRoutes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Google's redirect back to {@link ConnectController#CALLBACK} comes from the user's browser, which holds no bearer
 * token: the single-use state of the consent authenticates it (and is its CSRF guard). Everything else of the
 * platform's chain holds here as in every service.
 */
@Configuration(proxyBeanMethods = false)
class CallbackRoute {

  @Bean
  PublicRoutes oauthCallback() {
    return PublicRoutes.of(HttpMethod.GET, ConnectController.CALLBACK);
  }
}
