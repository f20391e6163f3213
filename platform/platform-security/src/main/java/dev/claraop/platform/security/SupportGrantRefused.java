package dev.claraop.platform.security;

import org.springframework.security.access.AccessDeniedException;

/** A request under {@code X-Support-Grant} that the grant does not admit: 403, with a detail naming why (never data). */
public class SupportGrantRefused extends AccessDeniedException {

  public SupportGrantRefused(String detail) {
    super(detail);
  }
}
