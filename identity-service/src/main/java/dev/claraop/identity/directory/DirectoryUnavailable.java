package dev.claraop.identity.directory;

/** Keycloak did not answer in time, answered with a server error, or the breaker is open: 503, try later. */
public class DirectoryUnavailable extends RuntimeException {
  public DirectoryUnavailable(String message, Throwable cause) {
    super(message, cause);
  }
}
