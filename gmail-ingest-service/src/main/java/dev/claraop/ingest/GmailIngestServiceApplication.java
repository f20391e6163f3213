package dev.claraop.ingest;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Read-only Gmail ingest: connects inboxes by OAuth, syncs metadata, detects brand deals. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class GmailIngestServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(GmailIngestServiceApplication.class, args);
  }

  /** All time comes from here, so tests can move it (consent expiry, token refresh). */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
