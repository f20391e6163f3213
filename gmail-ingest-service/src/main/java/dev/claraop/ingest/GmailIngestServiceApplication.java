package dev.claraop.ingest;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Read-only Gmail ingest: connects inboxes by OAuth, syncs metadata, detects brand deals. */
@SpringBootApplication
public class GmailIngestServiceApplication {
  public static void main(String[] args) {
    SpringApplication.run(GmailIngestServiceApplication.class, args);
  }
}
