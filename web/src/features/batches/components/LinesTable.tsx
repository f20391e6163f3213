import { useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { memo, useCallback, useRef, useState } from 'react';
import { ActionStatus, Button, ConfirmDialog, EmptyState, fieldErrors, Pager, ProblemMessage, StatusBadge,
  TableScroll } from '@/components';
import { useAction } from '@/lib/action';
import { formatMoney, shortId } from '@/lib/format';
import type { Page } from '@/lib/page';
import { usePagedList } from '@/lib/paged';
import { awaitBatch, batchKeys, getLinesPage, markLineFailed, markLinePaid, type BatchLine,
  type BatchView } from '../api/batches';

/**
 * A batch's lines, 100 a page from the server ("Load more" for the next), so a 10,000-line batch opens at once.
 * Accounts are masked by the server. Once the batch is exported an admin marks each line paid or failed.
 */
export function LinesTable({ batch, canAct, loadBatch, onChanged }: {
  batch: BatchView;
  canAct: boolean;
  loadBatch: () => Promise<BatchView>;
  onChanged: (b: BatchView) => void;
}) {
  const id = batch.id ?? '';
  const client = useQueryClient();
  const lines = usePagedList<BatchLine>(batchKeys.lines(id), (cursor, signal) => getLinesPage(id, cursor, loadBatch, signal));
  const [failing, setFailing] = useState<BatchLine | null>(null);
  const actionable = canAct && batch.status === 'EXPORTED';

  const setLineStatus = (lineId: string, status: BatchLine['status']) =>
    client.setQueryData<InfiniteData<Page<BatchLine>>>(batchKeys.lines(id), (data) => data && {
      ...data,
      pages: data.pages.map((page) => ({
        ...page,
        items: page.items.map((line) => (line.id === lineId ? { ...line, status } : line)),
      })),
    });

  // The view shows the line's new status, and once every line is paid, the batch closed (when it lists its lines).
  const refreshBatch = async (lineId: string, status: BatchLine['status']) =>
    onChanged(await awaitBatch(id, (b) => {
      if (!b.lines) return true;
      if (b.lines.find((l) => l.id === lineId)?.status !== status) return false;
      return !b.lines.every((l) => l.status === 'PAID') || b.status === 'FULLY_PAID';
    }));

  const paid = useAction(
    async (line: BatchLine) => {
      await markLinePaid(id, line.id ?? '');
      setLineStatus(line.id ?? '', 'PAID');
      await refreshBatch(line.id ?? '', 'PAID');
      return line;
    },
    { success: (line) => `Line of ${line.creatorName ?? 'the creator'} marked paid.`, invalidate: [batchKeys.list()] },
  );
  const failed = useAction(
    async ({ line, reason }: { line: BatchLine; reason: string }) => {
      await markLineFailed(id, line.id ?? '', reason);
      setLineStatus(line.id ?? '', 'FAILED');
      await refreshBatch(line.id ?? '', 'FAILED');
      return line;
    },
    {
      success: (line) => `Line of ${line.creatorName ?? 'the creator'} marked failed.`,
      invalidate: [batchKeys.list()],
      onSuccess: () => setFailing(null),
    },
  );

  const run = useRef({ paid: paid.run, fail: (line: BatchLine) => { failed.reset(); setFailing(line); } });
  run.current = { paid: paid.run, fail: (line: BatchLine) => { failed.reset(); setFailing(line); } };
  const onPaid = useCallback((line: BatchLine) => run.current.paid(line), []);
  const onFail = useCallback((line: BatchLine) => run.current.fail(line), []);

  if (lines.query.isPending) return <p role="status">Loading lines…</p>;
  if (lines.query.error) return <ProblemMessage error={lines.query.error} />;
  if (lines.items.length === 0) {
    return <EmptyState title="This batch has no lines to show.">You may only see the lines of your pods' creators.</EmptyState>;
  }
  const busyLine = paid.pending ? 'paid' : failed.pending ? 'failed' : null;
  return (
    <>
      <ActionStatus action={paid} working="Marking the line paid…" />
      <ActionStatus action={{ ...failed, error: failing ? null : failed.error }} working="Marking the line failed…" />
      <TableScroll label="Batch lines">
        <table>
          <caption className="visually-hidden">Lines of batch {shortId(id)}</caption>
          <thead>
            <tr>
              <th scope="col">Creator</th>
              <th scope="col" className="num">Amount</th>
              <th scope="col">Account</th>
              <th scope="col">Status</th>
              {actionable ? <th scope="col">Actions</th> : null}
            </tr>
          </thead>
          <tbody>
            {lines.items.map((line) => (
              <LineRow key={line.id} line={line} currency={batch.currency} actionable={actionable} busy={!!busyLine}
                onPaid={onPaid} onFail={onFail} />
            ))}
          </tbody>
        </table>
      </TableScroll>
      <Pager shown={lines.items.length} hasMore={lines.hasMore} loading={lines.loadingMore} onMore={lines.loadMore}
        noun="lines" />
      <ConfirmDialog open={!!failing} title="Mark this line failed?" confirmLabel="Mark failed" busyLabel="Saving…"
        busy={failed.pending} reason={{ label: 'What the bank reported', hint: 'No bank details.', maxLength: 200 }}
        reasonError={fieldErrors(failed.error)('reason')}
        onConfirm={(reason) => failing && failed.run({ line: failing, reason })} onClose={() => setFailing(null)}>
        <p>{failing?.creatorName}: {formatMoney(failing?.amount, failing?.currency)}. A failed line can still be paid later.</p>
        {failing && failed.error && !fieldErrors(failed.error)('reason') ? <ProblemMessage error={failed.error} /> : null}
      </ConfirmDialog>
    </>
  );
}

/** One line; memoised, so loading the next page renders only the new rows, not every row shown so far. */
const LineRow = memo(function LineRow({ line, currency, actionable, busy, onPaid, onFail }: {
  line: BatchLine; currency?: string; actionable: boolean; busy: boolean;
  onPaid: (line: BatchLine) => void; onFail: (line: BatchLine) => void;
}) {
  const label = `${line.creatorName ?? ''} ${formatMoney(line.amount, line.currency)}`;
  return (
    <tr>
      <td>{line.creatorName ?? shortId(line.creatorId)}</td>
      <td className="num">{formatMoney(line.amount, line.currency ?? currency)}</td>
      <td><code>{line.account === 'SHREDDED' ? 'Shredded (purged)' : (line.account ?? '—')}</code></td>
      <td><StatusBadge status={line.status} /></td>
      {actionable ? (
        <td className="actions">
          {line.status !== 'PAID' ? (
            <div className="row">
              <Button disabled={busy} onClick={() => onPaid(line)} aria-label={`Mark paid: ${label}`}>Mark paid</Button>
              {line.status !== 'FAILED' ? (
                <Button disabled={busy} onClick={() => onFail(line)} aria-label={`Mark failed: ${label}`}>Mark failed…</Button>
              ) : null}
            </div>
          ) : <span className="muted">Paid</span>}
        </td>
      ) : null}
    </tr>
  );
});
