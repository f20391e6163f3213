package dev.claraop.events;

import java.util.Objects;

/**
 * Who caused an event: a tenant user, a staff member acting under a support grant, or the system itself.
 *
 * @param grantId the support-access grant a staff actor acted under; null for other kinds
 */
public record Actor(Kind kind, String id, String grantId) {

  public enum Kind { USER, STAFF, SYSTEM }

  public Actor {
    Objects.requireNonNull(kind, "actor kind");
    if (id == null || id.isBlank()) throw new IllegalArgumentException("empty actor id");
    if (kind == Kind.STAFF && (grantId == null || grantId.isBlank())) {
      throw new IllegalArgumentException("a staff actor acts only under a grant");
    }
  }

  public static Actor user(String id) {
    return new Actor(Kind.USER, id, null);
  }

  public static Actor staff(String id, String grantId) {
    return new Actor(Kind.STAFF, id, grantId);
  }

  public static Actor system(String component) {
    return new Actor(Kind.SYSTEM, component, null);
  }
}
