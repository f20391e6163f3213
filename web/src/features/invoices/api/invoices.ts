import type { components } from '@/lib/api/generated/payout';
import { http } from '@/lib/http';
import type { Page } from '@/lib/page';
import { isProblem, ProblemError } from '@/lib/problem';

export type InvoiceView = components['schemas']['InvoiceView'];
export type InvoiceStatus = NonNullable<InvoiceView['status']>;
export type SubmitInvoiceRequest = components['schemas']['SubmitInvoiceRequest'];
export type ProofOfDelivery = components['schemas']['ProofOfDelivery'];
export type CampaignView = components['schemas']['CampaignView'];

export const INVOICE_STATUSES: InvoiceStatus[] = ['SUBMITTED', 'APPROVED', 'REJECTED', 'PAID'];

export interface InvoiceFilter {
  status?: string;
  creatorId?: string;
}

export const invoiceKeys = {
  all: ['invoices'] as const,
  list: (filter: InvoiceFilter) => ['invoices', 'list', filter] as const,
  one: (id: string) => ['invoices', 'one', id] as const,
  campaigns: () => ['invoices', 'campaigns'] as const,
};

/**
 * A page of the invoices in the caller's scope. The filter goes to the server as query parameters and is also
 * applied to what comes back, so the list is right whether or not the service filters itself.
 */
export async function listInvoices(filter: InvoiceFilter, cursor: string | undefined, signal?: AbortSignal):
  Promise<Page<InvoiceView>> {
  const page = await http.get<Page<InvoiceView>>('/api/invoices', {
    query: { cursor, limit: 50, status: filter.status, creatorId: filter.creatorId }, signal,
  });
  return { ...page, items: (page.items ?? []).filter((invoice) => matches(invoice, filter)) };
}

export function matches(invoice: InvoiceView, filter: InvoiceFilter): boolean {
  return (!filter.status || invoice.status === filter.status)
    && (!filter.creatorId || invoice.creatorId === filter.creatorId);
}

/**
 * One invoice: `GET /api/invoices/{id}`; where that route is not deployed yet, looked up in the caller's list.
 * Either way another creator's (or another tenant's) invoice is simply not found.
 */
export async function getInvoice(id: string, signal?: AbortSignal): Promise<InvoiceView> {
  try {
    return await http.get<InvoiceView>(`/api/invoices/${encodeURIComponent(id)}`, { signal });
  } catch (error) {
    if (!(isProblem(error) && (error.status === 404 || error.status === 405))) throw error;
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await http.get<Page<InvoiceView>>('/api/invoices', { query: { cursor, limit: 100 }, signal });
      const found = (page.items ?? []).find((invoice) => invoice.id === id);
      if (found) return found;
      cursor = page.nextCursor ?? undefined;
    } while (cursor && ++pages < 50);
    throw new ProblemError({ status: 404, title: 'Not found', detail: 'No invoice of yours has this reference.' });
  }
}

export function submitInvoice(request: SubmitInvoiceRequest): Promise<InvoiceView> {
  return http.post<InvoiceView>('/api/invoices', request);
}

export function approveInvoice(id: string): Promise<InvoiceView> {
  return http.post<InvoiceView>(`/api/invoices/${encodeURIComponent(id)}/approve`);
}

export function rejectInvoice(id: string, reason: string): Promise<InvoiceView> {
  return http.post<InvoiceView>(`/api/invoices/${encodeURIComponent(id)}/reject`, { reason });
}

export async function listCampaigns(signal?: AbortSignal): Promise<CampaignView[]> {
  const page = await http.get<Page<CampaignView>>('/api/campaigns', { signal });
  return page.items ?? [];
}
