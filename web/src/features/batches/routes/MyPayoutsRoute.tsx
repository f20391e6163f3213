import { Callout, EmptyState, PageHeading, Pager, ProblemMessage, StatusBadge, TableScroll, Time } from '@/components';
import { formatMoney, humanize, shortId } from '@/lib/format';
import { usePagedList } from '@/lib/paged';
import { isProblem } from '@/lib/problem';
import { batchKeys, listMyInvoices, listMyPayouts, type CreatorPayout, type InvoiceView } from '../api/batches';

/** A creator's own payouts: each payment's status (pending, paid, failed), and how far its batch has come. */
export function MyPayoutsRoute() {
  const payouts = usePagedList<CreatorPayout>(batchKeys.myPayouts(), (cursor, signal) => listMyPayouts(cursor, signal));
  const trailMissing = isProblem(payouts.query.error) && payouts.query.error.status === 404;
  return (
    <>
      <PageHeading>My payouts</PageHeading>
      {trailMissing ? <InvoicesInstead /> : payouts.query.isPending ? <p role="status">Loading your payouts…</p>
        : payouts.query.error ? <ProblemMessage error={payouts.query.error} />
          : payouts.items.length === 0 ? (
            <EmptyState title="No payouts yet.">
              <p>Once an approved invoice of yours is in a payout batch, its payment shows here, from approval to paid.</p>
            </EmptyState>
          ) : (
            <>
              <TableScroll label="Payout list">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">Batch</th><th scope="col" className="num">Amount</th><th scope="col">Payment</th>
                      <th scope="col">To account</th><th scope="col">Batch progress</th><th scope="col">Paid or failed</th>
                    </tr>
                  </thead>
                  <tbody>
                    {payouts.items.map((p, i) => (
                      <tr key={p.lineId ?? i}>
                        <td><code>{p.batchReference ?? shortId(p.batchId)}</code></td>
                        <td className="num">{formatMoney(p.amount, p.currency)}</td>
                        <td>
                          <StatusBadge status={p.status} />
                          {p.failureReason ? <div className="muted">{p.failureReason}</div> : null}
                        </td>
                        <td><code>{p.account ?? '—'}</code></td>
                        <td>
                          {humanize(p.batchStatus)}
                          <div className="muted">
                            {p.exportedAt ? <>sent to the bank <Time value={p.exportedAt} /></>
                              : p.approvedAt ? <>approved by {p.approvedBy ?? 'an admin'} <Time value={p.approvedAt} /></>
                                : <>prepared <Time value={p.generatedAt} /></>}
                          </div>
                        </td>
                        <td><Time value={p.confirmedAt} /></td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
              <Pager shown={payouts.items.length} hasMore={payouts.hasMore} loading={payouts.loadingMore}
                onMore={payouts.loadMore} noun="payouts" />
            </>
          )}
    </>
  );
}

/** Where the payout trail is not deployed: the invoices' own statuses say what was paid. */
function InvoicesInstead() {
  const invoices = usePagedList<InvoiceView>(batchKeys.myInvoices(), (cursor, signal) => listMyInvoices(cursor, signal));
  return (
    <>
      <Callout>
        <p>The payment trail is not available yet, so this shows where each of your invoices stands: submitted, approved
          (waiting for a payout batch), rejected or paid.</p>
      </Callout>
      {invoices.query.isPending ? <p role="status">Loading your invoices…</p>
        : invoices.query.error ? <ProblemMessage error={invoices.query.error} />
          : invoices.items.length === 0 ? (
            <EmptyState title="No invoices yet."><p>Submit an invoice under Invoices; once approved and paid, it shows here.</p></EmptyState>
          ) : (
            <>
              <TableScroll label="My invoices and their payment">
                <table>
                  <thead>
                    <tr><th scope="col">Campaign</th><th scope="col" className="num">Amount</th><th scope="col">Status</th><th scope="col">In batch</th></tr>
                  </thead>
                  <tbody>
                    {invoices.items.map((invoice) => (
                      <tr key={invoice.id}>
                        <td>{invoice.campaignId}</td>
                        <td className="num">{formatMoney(invoice.amount, invoice.currency)}</td>
                        <td><StatusBadge status={invoice.status} /></td>
                        <td>{invoice.batchId ? <code>{shortId(invoice.batchId)}</code> : '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
              <Pager shown={invoices.items.length} hasMore={invoices.hasMore} loading={invoices.loadingMore}
                onMore={invoices.loadMore} noun="invoices" />
            </>
          )}
    </>
  );
}
