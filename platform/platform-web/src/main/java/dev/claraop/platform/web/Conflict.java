package dev.claraop.platform.web;

/** A command the current state does not allow (409); nothing was changed. */
public class Conflict extends RuntimeException {
  public Conflict(String message) {
    super(message);
  }
}
