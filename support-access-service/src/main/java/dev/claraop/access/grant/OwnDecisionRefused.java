package dev.claraop.access.grant;

/** Nobody approves, or denies, their own request (403): four eyes on every grant. */
public class OwnDecisionRefused extends RuntimeException {
  public OwnDecisionRefused() {
    super("Nobody decides on their own access request; another reviewer or the tenant's ADMIN must.");
  }
}
