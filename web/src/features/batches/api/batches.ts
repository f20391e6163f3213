import type { components } from '@/lib/api/generated/payout';
import type { Added, SchemaOr } from '@/lib/api/schema';
import { http } from '@/lib/http';
import { PAGE_SIZE, type Page } from '@/lib/page';
import { isProblem } from '@/lib/problem';

/** Lines come inline up to 1,000; `lineCount` and `linesHref` always (payout-service, issue 17). */
export type BatchView = Added<components['schemas']['BatchView'], { lineCount: number; linesHref: string; generatedAt: string }>;
/** What `GET /api/batches` lists: a batch without its lines. */
export type BatchSummary = SchemaOr<components['schemas'], 'BatchSummary',
  Omit<BatchView, 'lines'> & { lines?: BatchView['lines'] }>;
export type BatchLine = NonNullable<components['schemas']['BatchView']['lines']>[number];
export type BatchStatus = NonNullable<BatchView['status']>;
export type InvoiceView = components['schemas']['InvoiceView'];
export type ExportFormat = 'PAIN_001' | 'CSV';

export const batchKeys = {
  all: ['batches'] as const,
  list: () => ['batches', 'list'] as const,
  one: (id: string) => ['batches', 'one', id] as const,
  lines: (id: string) => ['batches', 'lines', id] as const,
  myPayouts: () => ['batches', 'my-payouts'] as const,
  myInvoices: () => ['batches', 'my-invoices'] as const,
};

const path = (id: string) => `/api/batches/${encodeURIComponent(id)}`;

export function listBatches(cursor: string | undefined, signal?: AbortSignal): Promise<Page<BatchSummary>> {
  return http.get<Page<BatchSummary>>('/api/batches', { query: { cursor, limit: 50 }, signal });
}

export function getBatch(id: string, signal?: AbortSignal): Promise<BatchView> {
  return http.get<BatchView>(path(id), { signal });
}

/** How many lines a batch has (those the reader may see): the server's count, else its inline lines. */
export function lineCountOf(batch: { lineCount?: number; lines?: unknown[] }): number {
  return typeof batch.lineCount === 'number' ? batch.lineCount : (batch.lines?.length ?? 0);
}

let linesRouteMissing = false;

/**
 * One page (100) of a batch's lines from `GET /api/batches/{id}/lines`. Where that route is not deployed (404
 * while the batch itself exists), the lines come from the batch, still handed out a page at a time, so a
 * 10,000-line batch never renders all at once.
 */
export async function getLinesPage(
  id: string,
  cursor: string | undefined,
  loadBatch: () => Promise<BatchView>,
  signal?: AbortSignal,
): Promise<Page<BatchLine>> {
  if (!linesRouteMissing) {
    try {
      return await http.get<Page<BatchLine>>(`${path(id)}/lines`, { query: { cursor, limit: PAGE_SIZE }, signal });
    } catch (error) {
      if (!(isProblem(error) && (error.status === 404 || error.status === 405))) throw error;
      await loadBatch(); // a 404 for the batch itself stands
      linesRouteMissing = true;
    }
  }
  const lines = (await loadBatch()).lines ?? [];
  const start = cursor ? Number(cursor) : 0;
  const end = start + PAGE_SIZE;
  return { items: lines.slice(start, end), nextCursor: end < lines.length ? String(end) : null };
}

/** For tests: forget that the lines route was found missing. */
export function resetLinesRoute(): void {
  linesRouteMissing = false;
}

export function generateBatch(currency: string): Promise<BatchView> {
  return http.post<BatchView>('/api/batches', { currency });
}

export function approveBatch(id: string): Promise<void> {
  return http.post<void>(`${path(id)}/approve`);
}

export function cancelBatch(id: string, reason: string): Promise<void> {
  return http.post<void>(`${path(id)}/cancel`, { reason });
}

export function markLinePaid(id: string, lineId: string): Promise<void> {
  return http.post<void>(`${path(id)}/lines/${encodeURIComponent(lineId)}/paid`);
}

export function markLineFailed(id: string, lineId: string, reason: string): Promise<void> {
  return http.post<void>(`${path(id)}/lines/${encodeURIComponent(lineId)}/failed`, { reason });
}

export interface ExportedFile {
  blob: Blob;
  fileName: string;
  sha256?: string;
  /** The number of payments the file holds (pain.001 NbOfTxs, or the CSV's data rows). */
  transactions?: number;
}

export async function exportBatch(id: string, purpose: string, format: ExportFormat): Promise<ExportedFile> {
  const fallbackName = `batch-${id.slice(0, 8)}.${format === 'CSV' ? 'csv' : 'xml'}`;
  const file = await http.file('POST', `${path(id)}/export`, { purpose, format }, fallbackName);
  const text = await file.blob.text();
  return {
    blob: file.blob,
    fileName: file.fileName,
    sha256: file.headers.get('X-File-SHA256') ?? undefined,
    transactions: transactionsIn(text, format),
  };
}

export function transactionsIn(text: string, format: ExportFormat): number | undefined {
  if (format === 'PAIN_001') {
    const match = /<(?:\w+:)?NbOfTxs>\s*(\d+)\s*</.exec(text);
    return match?.[1] ? Number(match[1]) : undefined;
  }
  const rows = text.split(/\r?\n/).filter((row) => row.trim() !== '');
  return rows.length > 0 ? rows.length - 1 : 0;
}

/**
 * Transitions answer 204 and the batch view follows the event store a moment later: read it until it shows
 * the change (or a few seconds have passed), so the screen shows the outcome, not the state before it.
 */
export async function awaitBatch(id: string, done: (batch: BatchView) => boolean, timeoutMs = 8000): Promise<BatchView> {
  const deadline = Date.now() + timeoutMs;
  let batch = await getBatch(id);
  while (!done(batch) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 300));
    batch = await getBatch(id);
  }
  return batch;
}

/** A creator's own payout: one batch line of theirs, the batch's progress, the mask only (payout-service). */
export type CreatorPayout = SchemaOr<components['schemas'], 'CreatorPayoutView', {
  lineId?: string; batchId?: string; batchReference?: string; amount?: number; currency?: string;
  status?: BatchLine['status']; failureReason?: string; account?: string; batchStatus?: BatchStatus;
  generatedAt?: string; approvedAt?: string; exportedAt?: string; confirmedAt?: string; approvedBy?: string;
}>;

/** The calling creator's payouts, newest first, a page at a time (`GET /api/my/payouts`). */
export function listMyPayouts(cursor: string | undefined, signal?: AbortSignal): Promise<Page<CreatorPayout>> {
  return http.get<Page<CreatorPayout>>('/api/my/payouts', { query: { cursor, limit: 50 }, signal });
}

/** Where payout-service has no payout trail yet: the creator's invoices, whose status says whether they were paid. */
export async function listMyInvoices(cursor: string | undefined, signal?: AbortSignal): Promise<Page<InvoiceView>> {
  return http.get<Page<InvoiceView>>('/api/invoices', { query: { cursor, limit: 50 }, signal });
}
