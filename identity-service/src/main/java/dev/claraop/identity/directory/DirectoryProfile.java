package dev.claraop.identity.directory;

/**
 * A user's address and sign-in state as Keycloak holds them.
 *
 * @param invited the user has not set a password yet (the invitation's required action is still pending)
 */
public record DirectoryProfile(String id, String email, boolean enabled, boolean invited) {

  /** INVITED until the first sign-in, DISABLED once Keycloak refuses the user (an erasure begun), else ACTIVE. */
  public String status() {
    return !enabled ? "DISABLED" : invited ? "INVITED" : "ACTIVE";
  }
}
