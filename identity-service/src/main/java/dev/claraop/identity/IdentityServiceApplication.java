package dev.claraop.identity;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Tenants, memberships, roles, pods, delegated operators and the account lifecycle; provisions Keycloak. */
@SpringBootApplication
public class IdentityServiceApplication {
  public static void main(String[] args) {
    SpringApplication.run(IdentityServiceApplication.class, args);
  }
}
