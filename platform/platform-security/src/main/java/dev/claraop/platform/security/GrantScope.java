package dev.claraop.platform.security;

/**
 * What a support grant lets its holder read (DESIGN §6.7). Under a grant a caller holds exactly one authority
 * per scope, {@code GRANT_<SCOPE>}, and no role: a route admits staff by naming the scope it needs, e.g.
 * {@code @PreAuthorize("hasRole('ADMIN') or hasAuthority('GRANT_PAYOUTS_READ')")}, and every route that names
 * none stays closed to them. No scope admits a change: mutations under a grant are refused before any route.
 */
public enum GrantScope {
  PAYOUTS_READ, INVOICES_READ, EMAIL_METADATA_READ, EMAIL_CONTENT_READ;

  public static final String AUTHORITY_PREFIX = "GRANT_";

  public String authority() {
    return AUTHORITY_PREFIX + name();
  }
}
