import type { components } from '@/lib/api/generated/retention';
import { http } from '@/lib/http';
import type { Page } from '@/lib/page';

export type RunView = components['schemas']['RunView'];
export type ErasureView = components['schemas']['ErasureView'];

export const ERASURE_STATUSES = ['SCHEDULED', 'CANCELLED', 'ERASING', 'CONFIRMED', 'ERASED'] as const;

export const retentionKeys = {
  all: ['retention'] as const,
  runs: () => ['retention', 'runs'] as const,
  erasures: (status?: string) => ['retention', 'erasures', status ?? 'all'] as const,
};

export function listRuns(cursor: string | undefined, signal?: AbortSignal): Promise<Page<RunView>> {
  return http.get<Page<RunView>>('/api/retention/runs', { query: { cursor, limit: 20 }, signal });
}

/** Purges now every batch whose retention has ended (the caller's tenant; a platform admin's: all tenants). */
export function purgeNow(): Promise<RunView> {
  return http.post<RunView>('/api/cron/run-payout-purge');
}

export function listErasures(status: string | undefined, cursor: string | undefined, signal?: AbortSignal): Promise<Page<ErasureView>> {
  return http.get<Page<ErasureView>>('/api/retention/erasures', { query: { status, cursor, limit: 20 }, signal });
}
