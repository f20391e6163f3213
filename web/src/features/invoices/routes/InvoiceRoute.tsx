import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { Callout, Facts, Loading, PageHeading, ProblemMessage, Section, StatusBadge, Time } from '@/components';
import { formatMoney, shortId } from '@/lib/format';
import { hasRole } from '@/lib/roles';
import { useMe } from '@/lib/session';
import { getInvoice, invoiceKeys } from '../api/invoices';
import { DecisionButtons } from '../components/DecisionButtons';
import { ProofLinks } from '../components/ProofLinks';

/** One invoice with its proofs; a reviewer decides it here. Another creator's invoice is simply not found. */
export function InvoiceRoute() {
  const { invoiceId = '' } = useParams();
  const me = useMe();
  const client = useQueryClient();
  const submitted = (useLocation().state as { submitted?: boolean } | null)?.submitted === true;
  const [outcome, setOutcome] = useState('');
  const query = useQuery({ queryKey: invoiceKeys.one(invoiceId), queryFn: ({ signal }) => getInvoice(invoiceId, signal) });
  const back = <p><Link to="/invoices">← All invoices</Link></p>;
  if (query.isPending) return <>{back}<PageHeading>Invoice</PageHeading><Loading what="Loading the invoice…" /></>;
  if (query.error || !query.data) {
    return <>{back}<PageHeading>Invoice not found</PageHeading><ProblemMessage error={query.error} /></>;
  }
  const invoice = query.data;
  return (
    <>
      {back}
      <PageHeading title={`Invoice ${shortId(invoice.id)}`}>
        Invoice <code>{shortId(invoice.id)}</code> <StatusBadge status={invoice.status} />
      </PageHeading>
      <p className="action-status" role="status">
        {outcome || (submitted ? 'Invoice submitted. It waits for a manager or admin to decide; it can no longer be changed.' : '')}
      </p>
      <Facts items={[
        ['Creator', invoice.creatorName ?? shortId(invoice.creatorId)],
        ['Campaign', invoice.campaignId ?? '—'],
        ['Amount', formatMoney(invoice.amount, invoice.currency)],
        ['Status', <StatusBadge key="s" status={invoice.status} />],
        ['Submitted', <Time key="t" value={invoice.submittedAt} />],
        ['Decided', <Time key="d" value={invoice.decidedAt} />],
        ['In batch', invoice.batchId ? <code key="b">{shortId(invoice.batchId)}</code> : '—'],
      ]} />
      {invoice.rejectionReason ? <Callout tone="warn" title="Rejected"><p>{invoice.rejectionReason}</p></Callout> : null}
      <Section title="Proofs of delivery"><ProofLinks proofs={invoice.proofs} /></Section>
      {hasRole(me, 'ADMIN', 'MANAGER') && invoice.status === 'SUBMITTED' ? (
        <Section title="Decide">
          <DecisionButtons invoice={invoice} onDecided={(i, said) => {
            setOutcome(said);
            client.setQueryData(invoiceKeys.one(invoiceId), i);
          }} />
        </Section>
      ) : null}
      {hasRole(me, 'CREATOR') ? <p className="muted">A submitted invoice cannot be edited.</p> : null}
    </>
  );
}
