package dev.claraop.access;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Time-boxed, approved, attributable staff access to tenant data; the public contact and security forms. */
@SpringBootApplication
public class SupportAccessServiceApplication {
  public static void main(String[] args) {
    SpringApplication.run(SupportAccessServiceApplication.class, args);
  }
}
