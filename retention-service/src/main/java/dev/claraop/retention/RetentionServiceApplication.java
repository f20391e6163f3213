package dev.claraop.retention;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** Retention: payout PII purge after batch close, account erasure, audit segment removal. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RetentionServiceApplication {

  /** All business time comes from here (DESIGN §6.6), so tests run a 30-day period without waiting for it. */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  public static void main(String[] args) {
    SpringApplication.run(RetentionServiceApplication.class, args);
  }
}
