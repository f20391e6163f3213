package dev.claraop.platform.security;

/** The grant could not be checked. Nothing is admitted on a grant nobody could check: the request gets a 503. */
public class GrantCheckFailed extends RuntimeException {

  public GrantCheckFailed(String message, Throwable cause) {
    super(message, cause);
  }
}
