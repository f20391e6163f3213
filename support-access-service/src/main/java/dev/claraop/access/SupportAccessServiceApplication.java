package dev.claraop.access;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Time-boxed, approved, attributable staff access to tenant data; the public contact and security forms. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class SupportAccessServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(SupportAccessServiceApplication.class, args);
  }

  /** Every expiry is decided against this clock, so tests move time instead of waiting for it. */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
