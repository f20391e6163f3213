package dev.claraop.platform.web;

/** Absent, or belonging to another tenant: both answer 404 so that ids cannot be probed. */
public class NotFound extends RuntimeException {
  public NotFound(String what) {
    super(what + " not found");
  }
}
