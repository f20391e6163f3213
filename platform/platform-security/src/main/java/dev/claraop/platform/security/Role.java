package dev.claraop.platform.security;

import java.util.Optional;

/**
 * Roles of DESIGN §3. Tenant roles and staff roles are disjoint, and no role implies another: an ADMIN is
 * not also a MANAGER, and PLATFORM_ADMIN sees no tenant data without a support grant.
 */
public enum Role {
  ADMIN(false), MANAGER(false), CREATOR(false),
  SUPPORT_ENGINEER(true), SUPPORT_REVIEWER(true), PLATFORM_ADMIN(true), SECURITY_TRIAGE(true);

  private final boolean staff;

  Role(boolean staff) {
    this.staff = staff;
  }

  public boolean isStaff() {
    return staff;
  }

  /** Keycloak also puts its own default roles in the claim; those are not ours and are ignored. */
  public static Optional<Role> fromClaim(String value) {
    for (Role role : values()) {
      if (role.name().equals(value)) return Optional.of(role);
    }
    return Optional.empty();
  }
}
