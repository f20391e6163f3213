package dev.claraop.ingest.google;

/**
 * Google answered with an error worth telling apart: {@link Kind#INVALID_GRANT} (revoked or expired consent, never
 * retried), {@link Kind#HISTORY_EXPIRED} (history.list 404), {@link Kind#TRANSIENT} (429, 5xx, unreachable: retried).
 * The message names the endpoint and status, never a token.
 */
public class GoogleRefusal extends RuntimeException {

  public enum Kind { INVALID_GRANT, HISTORY_EXPIRED, UNAUTHENTICATED, TRANSIENT, REFUSED }

  private final Kind kind;
  private final int status;

  public GoogleRefusal(Kind kind, String endpoint, int status) {
    super(endpoint + " answered " + (status == 0 ? "nothing" : status) + " (" + kind + ")", null, false, false);
    this.kind = kind;
    this.status = status;
  }

  public Kind kind() {
    return kind;
  }

  public int status() {
    return status;
  }
}
