import type { components as Identity } from '@/lib/api/generated/identity';
import type { components as Access } from '@/lib/api/generated/support-access';
import { http } from '@/lib/http';
import type { Page } from '@/lib/page';

export type TenantRequest = Identity['schemas']['TenantRequest'];
export type TenantView = Identity['schemas']['TenantView'];
export type SecurityReportView = Access['schemas']['SecurityReportView'];

export const platformKeys = { reports: () => ['platform', 'security-reports'] as const };

export function createTenant(request: TenantRequest): Promise<TenantView> {
  return http.post<TenantView>('/api/identity/tenants', request);
}

export function listSecurityReports(cursor: string | undefined, signal?: AbortSignal): Promise<Page<SecurityReportView>> {
  return http.get<Page<SecurityReportView>>('/api/support-access/security-reports', { query: { cursor }, signal });
}
