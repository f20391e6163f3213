package dev.claraop.platform.crypto.shredding;

import java.time.Instant;

/**
 * A P0 field read back: either its plaintext or the explicit fact that its subject was shredded. There is no
 * third, empty answer, so a shredded field can never pass for real data (DESIGN.md §5).
 */
public sealed interface FieldValue {

  /** The plaintext, or {@link SubjectShredded} for a shredded field: for callers that cannot go on without it. */
  String orElseThrow();

  record Readable(String plaintext) implements FieldValue {

    @Override
    public String orElseThrow() {
      return plaintext;
    }

    /** P0 never reaches a log line, including through this record's default toString. */
    @Override
    public String toString() {
      return "Readable[plaintext hidden]";
    }
  }

  /** SHREDDED: the subject's data key was deleted at {@code shreddedAt}; the value is gone for good. */
  record Shredded(Subject subject, Instant shreddedAt) implements FieldValue {

    @Override
    public String orElseThrow() {
      throw new SubjectShredded(subject, shreddedAt);
    }
  }
}
