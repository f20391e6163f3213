import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { PageHeading, QueryState, Section } from '@/components';
import { identityKeys, countInvoicesToDecide } from '../api/identity';
import { MembersList } from '../components/MembersSection';

/** A manager's pods: the creators they look after, and the invoices waiting for their decision. */
export function MyPodsRoute() {
  const toDecide = useQuery({ queryKey: identityKeys.invoicesToDecide(), queryFn: ({ signal }) => countInvoicesToDecide(signal) });
  return (
    <>
      <PageHeading>My pods</PageHeading>
      <Section title="Invoices to decide">
        <QueryState query={toDecide} loading="Counting invoices…">
          {({ count, more }) => count === 0 ? <p>No invoice of your creators waits for a decision.</p> : (
            <p>
              <Link to="/invoices?status=SUBMITTED">{count}{more ? '+' : ''} invoice{count === 1 ? '' : 's'} to decide</Link>
            </p>
          )}
        </QueryState>
      </Section>
      <Section title="My creators"><MembersList role="CREATOR" /></Section>
    </>
  );
}
