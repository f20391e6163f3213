package dev.claraop.platform.security;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * Staff reads under support grants in every servlet service: the check of {@code X-Support-Grant} right after
 * the security chain (so it holds whichever chain a service declares) and the recording of each read.
 */
@AutoConfiguration(after = ServiceSecurityAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(SupportAccessSettings.class)
public class SupportGrantAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean(GrantSource.class)
  GrantSource supportAccessGrantSource(SupportAccessSettings settings) {
    return new SupportAccessClient(settings);
  }

  @Bean
  @ConditionalOnMissingBean
  SupportGrants supportGrants(GrantSource source, SupportAccessSettings settings, ObjectProvider<Clock> clock) {
    return new SupportGrants(source, settings, clock.getIfUnique(Clock::systemUTC));
  }

  @Bean
  FilterRegistrationBean<SupportGrantFilter> supportGrantFilter(
      SupportGrants grants, ObjectProvider<StaffReads> reads, ObjectProvider<Clock> clock,
      ObjectProvider<MeterRegistry> meters) {
    FilterRegistrationBean<SupportGrantFilter> registration = new FilterRegistrationBean<>(new SupportGrantFilter(
        grants, reads.getIfUnique(), clock.getIfUnique(Clock::systemUTC), meters.getIfUnique(SimpleMeterRegistry::new)));
    // Right after Spring Security's chain, which has authenticated the token by then.
    registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
    return registration;
  }
}
