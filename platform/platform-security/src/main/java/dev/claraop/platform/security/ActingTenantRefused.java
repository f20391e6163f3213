package dev.claraop.platform.security;

import org.springframework.security.access.AccessDeniedException;

/** The request named an acting tenant its caller has no active delegation for: 403, never the caller's own tenant. */
public class ActingTenantRefused extends AccessDeniedException {

  public ActingTenantRefused() {
    super("no active delegation for the acting tenant");
  }
}
