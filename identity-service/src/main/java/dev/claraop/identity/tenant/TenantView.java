package dev.claraop.identity.tenant;

public record TenantView(String tenantId, String name, String firstAdminId) {}
