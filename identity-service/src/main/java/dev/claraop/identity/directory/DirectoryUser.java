package dev.claraop.identity.directory;

import dev.claraop.platform.security.Role;
import java.util.Set;

/** A user as Keycloak knows them: the tenant attribute (null for staff and outsiders) and our realm roles. */
public record DirectoryUser(String id, String tenantId, Set<Role> roles, boolean enabled) {

  public boolean isStaff() {
    return roles.stream().anyMatch(Role::isStaff);
  }

  public boolean belongsTo(String tenant) {
    return tenant != null && tenant.equals(tenantId);
  }
}
