import type { components } from '@/lib/api/generated/support-access';
import { http } from '@/lib/http';
import type { Page } from '@/lib/page';

export type GrantView = components['schemas']['GrantView'];
export type AccessRequestBody = components['schemas']['AccessRequestBody'];
export type TicketClosure = components['schemas']['TicketClosure'];
export type Reason = AccessRequestBody['reason'];
export type Scope = AccessRequestBody['scopes'][number];
export type GrantStatus = NonNullable<GrantView['status']>;

export const REASONS: { value: Reason; label: string }[] = [
  { value: 'SUPPORT_TICKET', label: 'Support ticket' },
  { value: 'INCIDENT', label: 'Incident' },
  { value: 'SECURITY_INVESTIGATION', label: 'Security investigation' },
  { value: 'LEGAL', label: 'Legal' },
];

export const SCOPES: { value: Scope; label: string }[] = [
  { value: 'PAYOUTS_READ', label: 'Payouts (batches, masked)' },
  { value: 'INVOICES_READ', label: 'Invoices' },
  { value: 'EMAIL_METADATA_READ', label: 'Email metadata' },
  { value: 'EMAIL_CONTENT_READ', label: 'Email content (needs a complaint reference or legal basis, and a reviewer)' },
];

export const accessKeys = {
  all: ['support-access'] as const,
  grants: (status?: string) => ['support-access', 'grants', status ?? 'all'] as const,
};

export async function listGrants(status?: GrantStatus, signal?: AbortSignal): Promise<GrantView[]> {
  const page = await http.get<Page<GrantView>>('/api/support-access/grants', { query: { status }, signal });
  return page.items ?? [];
}

export function requestAccess(body: AccessRequestBody): Promise<GrantView> {
  return http.post<GrantView>('/api/support-access/requests', body);
}

export function approveRequest(id: string): Promise<GrantView> {
  return http.post<GrantView>(`/api/support-access/requests/${encodeURIComponent(id)}/approve`);
}

export function denyRequest(id: string, reason: string): Promise<GrantView> {
  return http.post<GrantView>(`/api/support-access/requests/${encodeURIComponent(id)}/deny`, { reason });
}

export function revokeGrant(id: string): Promise<GrantView> {
  return http.post<GrantView>(`/api/support-access/grants/${encodeURIComponent(id)}/revoke`);
}

export function closeTicket(ticketId: string): Promise<TicketClosure> {
  return http.post<TicketClosure>(`/api/support-access/tickets/${encodeURIComponent(ticketId)}/close`);
}
