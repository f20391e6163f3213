package dev.claraop.platform.crypto.shredding;

import java.time.Instant;

/** The subject's data key was shredded: nothing can be read for it, and nothing new may be encrypted for it. */
public final class SubjectShredded extends RuntimeException {

  private final Subject subject;

  public SubjectShredded(Subject subject, Instant shreddedAt) {
    super(subject + " was shredded at " + shreddedAt + ": its P0 data is gone and no new key will be made for it");
    this.subject = subject;
  }

  public Subject subject() {
    return subject;
  }
}
