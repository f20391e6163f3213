package dev.claraop.platform.web;

/** Input a service refuses (400). The message names the rule, never the value submitted. */
public class InvalidRequest extends RuntimeException {
  private final String field;

  public InvalidRequest(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
