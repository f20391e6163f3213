import type { ReactNode } from 'react';
import { EmptyState, StatusBadge, TableScroll, Time, UserName } from '@/components';
import { humanize, shortId } from '@/lib/format';
import type { GrantView } from '../api/access';

/** Grants and requests: who asked, for which tenant and ticket, why, what, until when. */
export function GrantTable({ label, grants, empty, actions }: {
  label: string; grants: GrantView[]; empty: ReactNode; actions?: (grant: GrantView) => ReactNode }) {
  if (grants.length === 0) return <>{empty}</>;
  return (
    <TableScroll label={`${label}: list`}>
      <table>
        <thead>
          <tr>
            <th scope="col">Grant</th>
            <th scope="col">Tenant</th>
            <th scope="col">Status</th>
            <th scope="col">Reason and ticket</th>
            <th scope="col">Scopes</th>
            <th scope="col">Justification</th>
            <th scope="col">Requested by</th>
            <th scope="col">Until</th>
            {actions ? <th scope="col">Actions</th> : null}
          </tr>
        </thead>
        <tbody>
          {grants.map((grant) => (
            <tr key={grant.id}>
              <td><code>{shortId(grant.id)}</code></td>
              <td>{grant.tenantId}</td>
              <td>
                <StatusBadge status={grant.status} />
                {grant.endCause ? <div className="muted">{humanize(grant.endCause)}</div> : null}
                {grant.denyReason ? <div className="muted">{grant.denyReason}</div> : null}
              </td>
              <td>{humanize(grant.reason)}<div className="muted">Ticket {grant.ticketId}</div></td>
              <td>{(grant.scopes ?? []).map(humanize).join(', ')}</td>
              <td className="wide">{grant.justification}{grant.basis ? <div className="muted">Basis: {grant.basis}</div> : null}</td>
              <td><UserName id={grant.requestedBy} /></td>
              <td>{grant.status === 'PENDING' ? <>decide by <Time value={grant.decideBy} /></> : <Time value={grant.expiresAt} />}</td>
              {actions ? <td className="actions">{actions(grant)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

export function NoGrants({ children }: { children: ReactNode }) {
  return <EmptyState title="Nothing here.">{children}</EmptyState>;
}
