package dev.claraop.audit.entry;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** Fixture for ServiceArchitectureTest: a service building a security chain of its own. */
public class OwnChain {
  public SecurityFilterChain chain(HttpSecurity http) throws Exception {
    return http.build();
  }
}
