package dev.claraop.access.sensitive;

/** Free text that holds data it must not (422). Names the field and the kind of data, never the text. */
public class SensitiveContentRefused extends RuntimeException {

  private final String field;
  private final SensitiveKind kind;

  public SensitiveContentRefused(String field, SensitiveKind kind) {
    super(field + " holds " + kind.description());
    this.field = field;
    this.kind = kind;
  }

  public String field() {
    return field;
  }

  public SensitiveKind kind() {
    return kind;
  }
}
