package dev.claraop.events.identity;

/**
 * {@code identity.tenant.created} v1: a platform admin created an agency and its first ADMIN, who was
 * invited to set a password. The envelope's tenantId is the new tenant.
 */
public record TenantCreated(String tenantId, String name, String firstAdminId) {}
