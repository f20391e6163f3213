import type { components } from '@/lib/api/generated/identity';
import type { Added } from '@/lib/api/schema';
import { http } from '@/lib/http';
import type { Page } from '@/lib/page';
import { isProblem } from '@/lib/problem';

export type MemberView = components['schemas']['MemberView'];
export type InviteRequest = components['schemas']['InviteRequest'];
export type PodView = components['schemas']['PodView'];
export type PodRequest = components['schemas']['PodRequest'];
export type DelegationView = Added<components['schemas']['DelegationView'],
  { approvedBy: string; approvedAt: string; revokedAt: string }>;
export type DelegationRequest = components['schemas']['DelegationRequest'];
export type AccountView = components['schemas']['AccountView'];

export const TENANT_ROLES = ['ADMIN', 'MANAGER', 'CREATOR'] as const;

export const identityKeys = {
  all: ['identity'] as const,
  members: (role?: string) => ['identity', 'members', role ?? 'all'] as const,
  pods: () => ['identity', 'pods'] as const,
  delegations: () => ['identity', 'delegations'] as const,
  account: () => ['identity', 'account'] as const,
  invoicesToDecide: () => ['identity', 'invoices-to-decide'] as const,
};

export function listMembers(role: string | undefined, cursor: string | undefined, signal?: AbortSignal): Promise<Page<MemberView>> {
  return http.get<Page<MemberView>>('/api/identity/users', { query: { role, cursor, limit: 100 }, signal });
}

/** Every member (all pages), for pickers: a pod's manager and creators. */
export async function allMembers(signal?: AbortSignal): Promise<MemberView[]> {
  const members: MemberView[] = [];
  let cursor: string | undefined;
  do {
    const page = await listMembers(undefined, cursor, signal);
    members.push(...(page.items ?? []));
    cursor = page.nextCursor ?? undefined;
  } while (cursor && members.length < 2000);
  return members;
}

export function invite(request: InviteRequest): Promise<MemberView> {
  return http.post<MemberView>('/api/identity/users', request);
}

export async function listPods(signal?: AbortSignal): Promise<PodView[]> {
  const page = await http.get<Page<PodView>>('/api/identity/pods', { signal });
  return page.items ?? [];
}

export function putPod(podId: string, request: PodRequest): Promise<PodView> {
  return http.put<PodView>(`/api/identity/pods/${encodeURIComponent(podId)}`, request);
}

export function listDelegations(cursor: string | undefined, signal?: AbortSignal): Promise<Page<DelegationView>> {
  return http.get<Page<DelegationView>>('/api/identity/delegations', { query: { cursor, limit: 50 }, signal });
}

export function approveDelegation(request: DelegationRequest): Promise<DelegationView> {
  return http.post<DelegationView>('/api/identity/delegations', request);
}

export function revokeDelegation(id: string): Promise<void> {
  return http.delete<void>(`/api/identity/delegations/${encodeURIComponent(id)}`);
}

/** Where the caller's account stands; UNKNOWN where the service cannot say (an older identity-service). */
export async function getAccount(signal?: AbortSignal): Promise<AccountView> {
  try {
    return await http.get<AccountView>('/api/identity/account/deletion', { signal });
  } catch (error) {
    if (isProblem(error) && (error.status === 404 || error.status === 405)) return { status: 'UNKNOWN' };
    throw error;
  }
}

export function requestDeletion(): Promise<AccountView> {
  return http.post<AccountView>('/api/identity/account/deletion');
}

export function reactivate(): Promise<AccountView> {
  return http.delete<AccountView>('/api/identity/account/deletion');
}

/** How many submitted invoices wait on a manager (their pods' creators'). */
export async function countInvoicesToDecide(signal?: AbortSignal): Promise<{ count: number; more: boolean }> {
  const page = await http.get<Page<{ status?: string }>>('/api/invoices', { query: { status: 'SUBMITTED', limit: 100 }, signal });
  const items = (page.items ?? []).filter((i) => i.status === 'SUBMITTED');
  return { count: items.length, more: !!page.nextCursor };
}
