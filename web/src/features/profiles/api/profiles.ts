import type { components } from '@/lib/api/generated/payout';
import { http } from '@/lib/http';
import type { Page } from '@/lib/page';
import { isProblem } from '@/lib/problem';

export type PayoutProfileView = components['schemas']['PayoutProfileView'];
export type PayoutProfileRequest = components['schemas']['PayoutProfileRequest'];
type InvoiceView = components['schemas']['InvoiceView'];

export const profileKeys = {
  one: (creatorId: string) => ['payout-profiles', creatorId] as const,
  creators: () => ['payout-profiles', 'creators'] as const,
};

const path = (creatorId: string) => `/api/payout-profiles/${encodeURIComponent(creatorId)}`;

/** The masked profile (`••••1234`), or null when none is on file. The API never returns the details themselves. */
export async function getProfile(creatorId: string, signal?: AbortSignal): Promise<PayoutProfileView | null> {
  try {
    return await http.get<PayoutProfileView>(path(creatorId), { signal });
  } catch (error) {
    if (isProblem(error) && error.status === 404) return null;
    throw error;
  }
}

/** Write-only: the answer is the masked profile. */
export function putProfile(creatorId: string, request: PayoutProfileRequest): Promise<PayoutProfileView> {
  return http.put<PayoutProfileView>(path(creatorId), request);
}

export interface CreatorRef {
  id: string;
  name: string;
}

/** The creators an admin can pick: those who invoiced the tenant. */
export async function listCreators(signal?: AbortSignal): Promise<CreatorRef[]> {
  const creators = new Map<string, string>();
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await http.get<Page<InvoiceView>>('/api/invoices', { query: { cursor, limit: 100 }, signal });
    for (const invoice of page.items ?? []) {
      if (invoice.creatorId && !creators.has(invoice.creatorId)) {
        creators.set(invoice.creatorId, invoice.creatorName ?? invoice.creatorId);
      }
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor && ++pages < 20);
  return [...creators].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}
