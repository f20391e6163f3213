import type { components } from '@/lib/api/generated/audit';
import { http } from '@/lib/http';
import type { Page } from '@/lib/page';

export type AuditEntry = components['schemas']['AuditEntry'];
export type StaffAccess = components['schemas']['StaffAccess'];
export type DailyDigest = components['schemas']['DailyDigest'];
export type ChainResult = components['schemas']['Result'];

export interface AuditFilter {
  action?: string;
  actor?: string;
  resource?: string;
  from?: string;
  to?: string;
}

export const auditKeys = {
  all: ['audit'] as const,
  entries: (filter: AuditFilter) => ['audit', 'entries', filter] as const,
  transparency: () => ['audit', 'access-transparency'] as const,
};

export function listEntries(filter: AuditFilter, cursor: string | undefined, signal?: AbortSignal): Promise<Page<AuditEntry>> {
  return http.get<Page<AuditEntry>>('/api/audit/entries', { query: { ...filter, cursor, limit: 50 }, signal });
}

export function listAccessTransparency(cursor: string | undefined, signal?: AbortSignal): Promise<Page<StaffAccess>> {
  return http.get<Page<StaffAccess>>('/api/audit/access-transparency', { query: { cursor, limit: 50 }, signal });
}

export function verifyChain(): Promise<ChainResult> {
  return http.get<ChainResult>('/api/audit/verify');
}

export function verifyAgainst(digests: DailyDigest[]): Promise<ChainResult> {
  return http.post<ChainResult>('/api/audit/verify', { digests });
}

export async function fetchDigests(): Promise<DailyDigest[]> {
  const digests: DailyDigest[] = [];
  let cursor: string | undefined;
  do {
    const page = await http.get<Page<DailyDigest>>('/api/audit/digests', { query: { cursor } });
    digests.push(...(page.items ?? []));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return digests;
}

/**
 * Reads a digests file kept outside ClaraOP: the file this screen downloads (`{"digests": [...]}`), the API's
 * page (`{"items": [...]}`) or a bare array. Anything else is refused before it is sent.
 */
export function parseDigestsFile(text: string): DailyDigest[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error('The file is not JSON. Choose the digests file this page downloaded.');
  }
  const list = Array.isArray(json) ? json
    : json && typeof json === 'object' && Array.isArray((json as { digests?: unknown }).digests) ? (json as { digests: unknown[] }).digests
      : json && typeof json === 'object' && Array.isArray((json as { items?: unknown }).items) ? (json as { items: unknown[] }).items
        : null;
  if (!list) throw new Error('The file holds no digests. Choose the digests file this page downloaded.');
  if (list.length === 0) throw new Error('The file holds no digests: there is nothing to verify against.');
  return list as DailyDigest[];
}
