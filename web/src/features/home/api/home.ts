import type { components as Access } from '@/lib/api/generated/support-access';
import type { components as Payout } from '@/lib/api/generated/payout';
import type { components as Retention } from '@/lib/api/generated/retention';
import { http } from '@/lib/http';
import type { Page } from '@/lib/page';

type InvoiceView = Payout['schemas']['InvoiceView'];
type BatchSummary = Omit<Payout['schemas']['BatchView'], 'lines'> & { lineCount?: number };
type GrantView = Access['schemas']['GrantView'];
type RunView = Retention['schemas']['RunView'];

/** What waits on someone: a few items, and whether there are more than shown. */
export interface Waiting<T> {
  items: T[];
  more: boolean;
}

const SHOWN = 5;

function waiting<T>(page: Page<T>, keep: (item: T) => boolean): Waiting<T> {
  const items = (page.items ?? []).filter(keep);
  return { items: items.slice(0, SHOWN), more: items.length > SHOWN || !!page.nextCursor };
}

export const homeKeys = {
  invoices: () => ['home', 'invoices-to-decide'] as const,
  batches: () => ['home', 'batches-awaiting-approval'] as const,
  consents: () => ['home', 'access-awaiting-consent'] as const,
  runs: () => ['home', 'latest-runs'] as const,
  myInvoices: () => ['home', 'my-invoices'] as const,
  grants: () => ['home', 'grants'] as const,
};

export async function invoicesToDecide(signal?: AbortSignal): Promise<Waiting<InvoiceView>> {
  const page = await http.get<Page<InvoiceView>>('/api/invoices', { query: { status: 'SUBMITTED', limit: 20 }, signal });
  return waiting(page, (i) => i.status === 'SUBMITTED');
}

export async function batchesAwaitingApproval(signal?: AbortSignal): Promise<Waiting<BatchSummary>> {
  const page = await http.get<Page<BatchSummary>>('/api/batches', { query: { status: 'GENERATED', limit: 20 }, signal });
  return waiting(page, (b) => b.status === 'GENERATED');
}

export async function accessAwaitingConsent(signal?: AbortSignal): Promise<Waiting<GrantView>> {
  const page = await http.get<Page<GrantView>>('/api/support-access/grants', { query: { status: 'PENDING' }, signal });
  return waiting(page, (g) => g.status === 'PENDING');
}

export async function activeGrants(signal?: AbortSignal): Promise<Waiting<GrantView>> {
  const page = await http.get<Page<GrantView>>('/api/support-access/grants', { query: { status: 'ACTIVE' }, signal });
  return waiting(page, (g) => g.status === 'ACTIVE');
}

export async function latestRuns(signal?: AbortSignal): Promise<Waiting<RunView>> {
  const page = await http.get<Page<RunView>>('/api/retention/runs', { query: { limit: 3 }, signal });
  return { items: page.items ?? [], more: !!page.nextCursor };
}

export async function myLatestInvoices(signal?: AbortSignal): Promise<Waiting<InvoiceView>> {
  const page = await http.get<Page<InvoiceView>>('/api/invoices', { query: { limit: SHOWN }, signal });
  return waiting(page, () => true);
}
