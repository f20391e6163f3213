package dev.claraop.access.publicform;

import dev.claraop.platform.security.PublicRoutes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The two forms anyone may send without an account, and so without a bearer token (the gateway rate-limits them per
 * client address). Only these two paths, only POST; everything else of the platform's chain holds as in every service.
 */
@Configuration(proxyBeanMethods = false)
class PublicFormRoutes {

  static final String CONTACT = "/api/public/contact";
  static final String SECURITY_REPORT = "/api/public/security-report";

  @Bean
  PublicRoutes anonymousForms() {
    return PublicRoutes.of(HttpMethod.POST, CONTACT, SECURITY_REPORT);
  }
}
