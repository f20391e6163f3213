import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { EmptyState, PageHeading, Pager, ProblemMessage, Section, SelectField, StatusBadge, TableScroll,
  Time } from '@/components';
import { formatMoney, humanize, shortId } from '@/lib/format';
import { usePagedList } from '@/lib/paged';
import { hasRole } from '@/lib/roles';
import { useMe } from '@/lib/session';
import { INVOICE_STATUSES, invoiceKeys, listInvoices, type InvoiceView } from '../api/invoices';
import { DecisionButtons } from '../components/DecisionButtons';
import { ProofLinks } from '../components/ProofLinks';
import '../components/invoices.css';

/**
 * The invoices in the person's scope: an admin all, a manager their pods' creators', a creator their own (and
 * staff under an INVOICES_READ grant, read-only). Admins and managers decide submitted ones here.
 */
export function InvoicesRoute() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const [outcome, setOutcome] = useState('');
  const filter = { status: params.get('status') ?? '', creatorId: params.get('creator') ?? '' };
  const canDecide = hasRole(me, 'ADMIN', 'MANAGER');
  const isCreator = hasRole(me, 'CREATOR');
  const invoices = usePagedList<InvoiceView>(invoiceKeys.list(filter),
    (cursor, signal) => listInvoices(filter, cursor, signal));
  // The creators to filter by: those the unfiltered list shows.
  const everyone = useQuery({
    queryKey: invoiceKeys.list({}),
    queryFn: ({ signal }) => listInvoices({}, undefined, signal),
    enabled: !isCreator,
  });
  const creators = new Map<string, string>();
  for (const invoice of everyone.data?.items ?? []) {
    if (invoice.creatorId) creators.set(invoice.creatorId, invoice.creatorName ?? shortId(invoice.creatorId));
  }

  const setFilter = (key: 'status' | 'creator', value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  return (
    <>
      <PageHeading>{isCreator ? 'My invoices' : 'Invoices'}</PageHeading>
      {isCreator ? (
        <p><Link className="button button-primary" to="/invoices/new">Submit an invoice</Link></p>
      ) : null}
      <Section title={canDecide ? 'Invoices to decide and decided' : 'Invoices'}>
        <form className="filters" aria-label="Filter invoices" onSubmit={(e) => e.preventDefault()}>
          <SelectField label="Status" name="status" value={filter.status} onChange={(e) => setFilter('status', e.target.value)}
            options={[{ value: '', label: 'All statuses' }, ...INVOICE_STATUSES.map((s) => ({ value: s, label: humanize(s) }))]} />
          {!isCreator ? (
            <SelectField label="Creator" name="creator" value={filter.creatorId}
              onChange={(e) => setFilter('creator', e.target.value)}
              options={[{ value: '', label: 'All creators' },
                ...[...creators].map(([id, name]) => ({ value: id, label: name }))]} />
          ) : null}
        </form>
        <p className="action-status" role="status">{outcome}</p>
        {invoices.query.isPending ? <p role="status">Loading invoices…</p>
          : invoices.query.error ? <ProblemMessage error={invoices.query.error} />
            : invoices.items.length === 0 ? (
              <EmptyState title={filter.status || filter.creatorId ? 'No invoice matches these filters.' : 'No invoices yet.'}>
                {filter.status || filter.creatorId ? <p>Choose “All statuses” and “All creators” to see every invoice.</p>
                  : isCreator ? <p>Submit your first invoice with the button above, with links proving delivery.</p>
                    : <p>Invoices appear here when creators submit them.</p>}
              </EmptyState>
            ) : (
              <>
                <TableScroll label="Invoice list">
                  <table>
                    <thead>
                      <tr>
                        <th scope="col">Invoice</th>
                        {!isCreator ? <th scope="col">Creator</th> : null}
                        <th scope="col">Campaign</th>
                        <th scope="col" className="num">Amount</th>
                        <th scope="col">Status</th>
                        <th scope="col">Submitted</th>
                        <th scope="col">Proofs</th>
                        {canDecide ? <th scope="col">Decision</th> : null}
                      </tr>
                    </thead>
                    <tbody>
                      {invoices.items.map((invoice) => (
                        <tr key={invoice.id}>
                          <td><Link to={`/invoices/${encodeURIComponent(invoice.id ?? '')}`}>
                            <code>{shortId(invoice.id)}</code></Link></td>
                          {!isCreator ? <td>{invoice.creatorName ?? shortId(invoice.creatorId)}</td> : null}
                          <td>{invoice.campaignId}</td>
                          <td className="num">{formatMoney(invoice.amount, invoice.currency)}</td>
                          <td>
                            <StatusBadge status={invoice.status} />
                            {invoice.rejectionReason ? <div className="muted">{invoice.rejectionReason}</div> : null}
                          </td>
                          <td><Time value={invoice.submittedAt} /></td>
                          <td><ProofLinks proofs={invoice.proofs} /></td>
                          {canDecide ? (
                            <td className="actions">
                              {invoice.status === 'SUBMITTED' ? <DecisionButtons invoice={invoice} onDecided={(_i, said) => setOutcome(said)} />
                                : <span className="muted">Decided</span>}
                            </td>
                          ) : null}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableScroll>
                <Pager shown={invoices.items.length} hasMore={invoices.hasMore} loading={invoices.loadingMore}
                  onMore={invoices.loadMore} noun="invoices" />
              </>
            )}
      </Section>
    </>
  );
}
