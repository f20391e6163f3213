package dev.claraop.retention.run;

/**
 * Whose due batches a run purges: one tenant's (a tenant ADMIN's run) or all tenants' (the daily job, a
 * PLATFORM_ADMIN's run).
 *
 * @param tenantId the tenant, or null for all
 */
public record RunScope(String tenantId) {

  public static final RunScope ALL = new RunScope(null);

  public RunScope {
    if (tenantId != null && tenantId.isBlank()) throw new IllegalArgumentException("blank tenant scope");
  }

  public static RunScope tenant(String tenantId) {
    if (tenantId == null) throw new IllegalArgumentException("a tenant scope names its tenant");
    return new RunScope(tenantId);
  }

  /** As published and shown: {@code ALL} or {@code tenant:<id>}. */
  public String label() {
    return tenantId == null ? "ALL" : "tenant:" + tenantId;
  }
}
