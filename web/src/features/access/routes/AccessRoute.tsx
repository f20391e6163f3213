import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Callout, PageHeading, QueryState, Section } from '@/components';
import { hasRole } from '@/lib/roles';
import { useMe } from '@/lib/session';
import { accessKeys, listGrants, type GrantView } from '../api/access';
import { CloseTicketForm } from '../components/CloseTicketForm';
import { DecideButtons, RevokeButton, UseGrantButton } from '../components/GrantActions';
import { GrantTable, NoGrants } from '../components/GrantTable';
import { RequestAccessForm } from '../components/RequestAccessForm';

const byStatus = (grants: GrantView[], ...statuses: string[]) => grants.filter((g) => statuses.includes(g.status ?? ''));

/**
 * Support access, as each role meets it: engineers request and use grants, tenant admins consent (approve, deny,
 * revoke), reviewers decide escalations, platform admins oversee. Every grant is read-only and time-boxed.
 */
export function AccessRoute() {
  const me = useMe();
  const grants = useQuery({ queryKey: accessKeys.grants(), queryFn: ({ signal }) => listGrants(undefined, signal) });
  const isEngineer = hasRole(me, 'SUPPORT_ENGINEER');
  const isAdmin = hasRole(me, 'ADMIN');
  const isReviewer = hasRole(me, 'SUPPORT_REVIEWER');
  const isPlatform = hasRole(me, 'PLATFORM_ADMIN');
  const [outcome, setOutcome] = useState('');
  return (
    <>
      <PageHeading>{isAdmin ? 'Staff access to your data' : 'Support access'}</PageHeading>
      {isAdmin ? (
        <p className="muted">
          Our support staff see your data only with your consent, read-only, for a ticket and a limited time. Every read
          they make is listed under Audit, Access transparency.
        </p>
      ) : null}
      <p className="action-status" role="status">{outcome}</p>
      {isEngineer ? <Section title="Request access"><RequestAccessForm /></Section> : null}
      <QueryState query={grants} loading="Loading grants…">
        {(list) => (
          <>
            {isAdmin ? (
              <>
                <Section title="Requests awaiting your consent">
                  <GrantTable label="Requests awaiting your consent" grants={byStatus(list, 'PENDING')}
                    empty={<NoGrants><p>No staff member is asking for access. Requests appear here for you to approve or deny.</p></NoGrants>}
                    actions={(g) => <DecideButtons grant={g} approveLabel="Consent" onOutcome={setOutcome} />} />
                </Section>
                <Section title="Active grants">
                  <GrantTable label="Active grants" grants={byStatus(list, 'ACTIVE')}
                    empty={<NoGrants><p>No staff member can read your data right now.</p></NoGrants>}
                    actions={(g) => <RevokeButton grant={g} onOutcome={setOutcome} />} />
                </Section>
              </>
            ) : null}
            {isEngineer ? (
              <>
                <Section title="Your active grants">
                  <GrantTable label="Your active grants" grants={byStatus(list, 'ACTIVE')}
                    empty={<NoGrants><p>No active grant. Request access above; once the tenant consents it shows here, and you can work under it.</p></NoGrants>}
                    actions={(g) => <div className="stack"><UseGrantButton grant={g} /><RevokeButton grant={g} onOutcome={setOutcome} /></div>} />
                </Section>
                <Section title="Waiting for a decision">
                  <GrantTable label="Waiting for a decision" grants={byStatus(list, 'PENDING')}
                    empty={<NoGrants><p>No request is waiting.</p></NoGrants>} />
                </Section>
              </>
            ) : null}
            {isReviewer ? (
              <Section title="Escalations to decide">
                <Callout><p>You cannot decide a request you made yourself: another reviewer must.</p></Callout>
                <GrantTable label="Escalations to decide" grants={byStatus(list, 'PENDING')}
                  empty={<NoGrants><p>No escalation is waiting for a reviewer.</p></NoGrants>}
                  actions={(g) => g.requestedBy === me.id ? <span className="muted">Your own request</span>
                    : <DecideButtons grant={g} onOutcome={setOutcome} />} />
              </Section>
            ) : null}
            {isPlatform ? (
              <Section title="Open grants">
                <GrantTable label="Open grants" grants={byStatus(list, 'PENDING', 'ACTIVE')}
                  empty={<NoGrants><p>No grant is open on any tenant.</p></NoGrants>} />
              </Section>
            ) : null}
            <Section title="History">
              <GrantTable label="Ended, denied and expired grants" grants={byStatus(list, 'ENDED', 'EXPIRED', 'DENIED')}
                empty={<NoGrants><p>No grant has ended yet.</p></NoGrants>} />
            </Section>
          </>
        )}
      </QueryState>
      {isEngineer || isReviewer || isPlatform ? (
        <Section title="Close a ticket"><CloseTicketForm /></Section>
      ) : null}
    </>
  );
}
