package dev.claraop.platform.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;

@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import(ProblemResponses.class)
public class PlatformWebAutoConfiguration {

  /** First in line, ahead of Spring Security, so that even a 401 carries the correlation id. */
  @Bean
  FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
    FilterRegistrationBean<CorrelationIdFilter> registration = new FilterRegistrationBean<>(new CorrelationIdFilter());
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  /**
   * After the correlation id and inside Boot's server observation (HIGHEST_PRECEDENCE + 1), so that the line carries
   * both the request id and the trace id, and around security, so 401s are logged.
   */
  @Bean
  FilterRegistrationBean<RequestLog> requestLog() {
    FilterRegistrationBean<RequestLog> registration = new FilterRegistrationBean<>(new RequestLog());
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
    return registration;
  }
}
