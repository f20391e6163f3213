import { useQuery } from '@tanstack/react-query';
import { Callout, EmptyState, PageHeading, QueryState, StatusBadge, TableScroll, Time } from '@/components';
import { formatMoney, shortId } from '@/lib/format';
import { batchKeys, getMyPayouts } from '../api/batches';

/** A creator's own payouts: where each payment stands (pending, paid, failed). */
export function MyPayoutsRoute() {
  const query = useQuery({ queryKey: batchKeys.myPayouts(), queryFn: ({ signal }) => getMyPayouts(signal) });
  return (
    <>
      <PageHeading>My payouts</PageHeading>
      <QueryState query={query} loading="Loading your payouts…">
        {(payouts) => payouts.source === 'payouts' ? (
          payouts.entries.length === 0 ? (
            <EmptyState title="No payouts yet.">
              <p>Once an approved invoice of yours is in a payout batch, its payment shows here.</p>
            </EmptyState>
          ) : (
            <TableScroll label="My payouts">
              <table>
                <thead>
                  <tr><th scope="col">Batch</th><th scope="col" className="num">Amount</th><th scope="col">Status</th>
                    <th scope="col">Updated</th></tr>
                </thead>
                <tbody>
                  {payouts.entries.map((entry, i) => (
                    <tr key={entry.lineId ?? entry.id ?? i}>
                      <td><code>{shortId(entry.batchId)}</code></td>
                      <td className="num">{formatMoney(entry.amount, entry.currency)}</td>
                      <td><StatusBadge status={entry.status} />{entry.failedReason ? ` ${entry.failedReason}` : ''}</td>
                      <td><Time value={entry.paidAt ?? entry.updatedAt} /></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )
        ) : (
          <>
            <Callout>
              <p>The payment trail is not available yet, so this shows where each of your invoices stands: submitted,
                approved (waiting for a payout batch), rejected or paid.</p>
            </Callout>
            {payouts.invoices.length === 0 ? (
              <EmptyState title="No invoices yet.">
                <p>Submit an invoice under Invoices; once approved and paid, it shows here.</p>
              </EmptyState>
            ) : (
              <TableScroll label="My invoices and their payment">
                <table>
                  <thead>
                    <tr><th scope="col">Campaign</th><th scope="col" className="num">Amount</th>
                      <th scope="col">Status</th><th scope="col">In batch</th></tr>
                  </thead>
                  <tbody>
                    {payouts.invoices.map((invoice) => (
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
            )}
          </>
        )}
      </QueryState>
    </>
  );
}
