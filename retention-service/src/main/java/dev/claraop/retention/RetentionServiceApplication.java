package dev.claraop.retention;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Retention: payout PII purge after batch close, account erasure, audit segment removal. */
@SpringBootApplication
public class RetentionServiceApplication {
  public static void main(String[] args) {
    SpringApplication.run(RetentionServiceApplication.class, args);
  }
}
