import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { PageHeading, StatusBadge, Time } from '@/components';
import { formatMoney, humanize, shortId } from '@/lib/format';
import { hasRole, type Me } from '@/lib/roles';
import { useMe } from '@/lib/session';
import { accessAwaitingConsent, activeGrants, batchesAwaitingApproval, homeKeys, invoicesToDecide, latestRuns,
  myLatestInvoices } from '../api/home';
import { WaitingList } from '../components/WaitingList';
import '../components/home.css';

/** What waits on the signed-in person, by role, each with a link to where it is done. */
export function HomeRoute() {
  const me = useMe();
  return (
    <>
      <PageHeading>{greeting(me)}</PageHeading>
      <div className="home-grid">
        {hasRole(me, 'ADMIN', 'MANAGER') ? <InvoicesToDecide /> : null}
        {hasRole(me, 'ADMIN') ? <BatchesAwaitingApproval me={me} /> : null}
        {hasRole(me, 'ADMIN') ? <AccessAwaitingConsent /> : null}
        {hasRole(me, 'ADMIN', 'PLATFORM_ADMIN') ? <LatestRuns /> : null}
        {hasRole(me, 'CREATOR') ? <MyInvoices /> : null}
        {hasRole(me, 'SUPPORT_ENGINEER') ? <MyGrants /> : null}
        {hasRole(me, 'SUPPORT_REVIEWER') ? <Escalations /> : null}
      </div>
      {hasRole(me, 'PLATFORM_ADMIN') ? (
        <p>Onboard an agency under <Link to="/platform/tenants">Tenants</Link>; follow account deletions under{' '}
          <Link to="/retention/erasures">Erasures</Link>.</p>
      ) : null}
      {hasRole(me, 'SECURITY_TRIAGE') ? <p>Read what researchers sent under <Link to="/platform/security-reports">Security reports</Link>.</p> : null}
    </>
  );
}

function greeting(me: Me): string {
  if (hasRole(me, 'CREATOR')) return 'Your invoices and payouts';
  if (hasRole(me, 'ADMIN', 'MANAGER')) return 'What waits on you';
  return 'Welcome';
}

function InvoicesToDecide() {
  const query = useQuery({ queryKey: homeKeys.invoices(), queryFn: ({ signal }) => invoicesToDecide(signal) });
  return (
    <WaitingList title="Invoices to decide" query={query} allTo="/invoices?status=SUBMITTED" allLabel="All invoices to decide"
      empty="No invoice waits for a decision."
      item={(i) => <Link to={`/invoices/${encodeURIComponent(i.id ?? '')}`}>{i.creatorName ?? shortId(i.creatorId)}: {formatMoney(i.amount, i.currency)} for {i.campaignId}</Link>} />
  );
}

function BatchesAwaitingApproval({ me }: { me: Me }) {
  const query = useQuery({ queryKey: homeKeys.batches(), queryFn: ({ signal }) => batchesAwaitingApproval(signal) });
  return (
    <WaitingList title="Batches awaiting a second approver" query={query} allTo="/batches" allLabel="All batches"
      empty="No batch waits for approval."
      item={(b) => (
        <>
          <Link to={`/batches/${b.id}`}>Batch <code>{shortId(b.id)}</code></Link>: {formatMoney(b.total, b.currency)}
          {b.lineCount !== undefined ? `, ${b.lineCount} lines` : ''}
          {b.generatedBy === me.id ? <span className="muted"> (you generated it: another admin approves)</span> : null}
        </>
      )} />
  );
}

function AccessAwaitingConsent() {
  const query = useQuery({ queryKey: homeKeys.consents(), queryFn: ({ signal }) => accessAwaitingConsent(signal) });
  return (
    <WaitingList title="Staff access awaiting your consent" query={query} allTo="/access" allLabel="Staff access"
      empty="No staff member asks for access."
      item={(g) => <>{humanize(g.reason)}, ticket {g.ticketId}: {(g.scopes ?? []).map(humanize).join(', ')}</>} />
  );
}

function LatestRuns() {
  const query = useQuery({ queryKey: homeKeys.runs(), queryFn: ({ signal }) => latestRuns(signal) });
  return (
    <WaitingList title="Latest purge runs" query={query} allTo="/retention" allLabel="All purge runs"
      empty="No purge has run yet."
      item={(r) => <><Time value={r.startedAt} />: {humanize(r.trigger)}, {r.purged?.length ?? 0} of {r.due?.length ?? 0} due purged{(r.failed?.length ?? 0) > 0 ? `, ${r.failed?.length} failed` : ''}</>} />
  );
}

function MyInvoices() {
  const query = useQuery({ queryKey: homeKeys.myInvoices(), queryFn: ({ signal }) => myLatestInvoices(signal) });
  return (
    <WaitingList title="Your latest invoices" query={query} allTo="/invoices" allLabel="All your invoices"
      empty="You have not submitted an invoice yet: submit one under Invoices."
      item={(i) => <><Link to={`/invoices/${encodeURIComponent(i.id ?? '')}`}>{i.campaignId}: {formatMoney(i.amount, i.currency)}</Link> <StatusBadge status={i.status} /></>} />
  );
}

function MyGrants() {
  const query = useQuery({ queryKey: homeKeys.grants(), queryFn: ({ signal }) => activeGrants(signal) });
  return (
    <WaitingList title="Your active grants" query={query} allTo="/access" allLabel="Support access"
      empty="No active grant. Request access under Support access."
      item={(g) => <>Grant <code>{shortId(g.id)}</code> for {g.tenantId}, ticket {g.ticketId}, until <Time value={g.expiresAt} /></>} />
  );
}

function Escalations() {
  const query = useQuery({ queryKey: homeKeys.consents(), queryFn: ({ signal }) => accessAwaitingConsent(signal) });
  return (
    <WaitingList title="Escalations to decide" query={query} allTo="/access" allLabel="Support access"
      empty="No escalation waits for a reviewer."
      item={(g) => <>{g.tenantId}: {humanize(g.reason)}, ticket {g.ticketId}</>} />
  );
}
