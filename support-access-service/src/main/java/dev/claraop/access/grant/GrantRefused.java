package dev.claraop.access.grant;

/** A change the grant's state does not allow (409): approving a denied request, ending an ended grant. */
public class GrantRefused extends RuntimeException {
  public GrantRefused(String message) {
    super(message);
  }
}
