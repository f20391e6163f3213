import { EmptyState, Pager, ProblemMessage, StatusBadge, TableScroll, Time, UserName } from '@/components';
import { displayId, humanize, shortId } from '@/lib/format';
import { usePagedList } from '@/lib/paged';
import { auditKeys, listAccessTransparency, type StaffAccess } from '../api/audit';

/** Every act our staff made on the tenant's data: who, under which grant, why, what, when, approved by whom. */
export function AccessTransparency() {
  const list = usePagedList<StaffAccess>(auditKeys.transparency(), (cursor, signal) => listAccessTransparency(cursor, signal));
  if (list.query.isPending) return <p role="status">Loading staff accesses…</p>;
  if (list.query.error) return <ProblemMessage error={list.query.error} />;
  if (list.items.length === 0) {
    return (
      <EmptyState title="No staff member has accessed your data.">
        <p>If support ever reads your data, under a grant you consented to, each read is listed here.</p>
      </EmptyState>
    );
  }
  return (
    <>
      <TableScroll label="Staff accesses">
        <table>
          <thead>
            <tr>
              <th scope="col">When</th><th scope="col">Who</th><th scope="col">Grant</th><th scope="col">Why</th>
              <th scope="col">What</th><th scope="col">Outcome</th><th scope="col">Approved by</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((access, i) => (
              <tr key={`${access.grantId}-${access.when}-${i}`}>
                <td><Time value={access.when} /></td>
                <td><UserName id={access.who} /></td>
                <td><code>{shortId(access.grantId)}</code></td>
                <td>{humanize(access.reason)}{access.ticketId ? <div className="muted">Ticket {access.ticketId}</div> : null}</td>
                <td>
                  <code>{access.action}</code>
                  <div className="muted">{access.method} {access.what?.type} {displayId(access.what?.id)}{access.status ? ` (${access.status})` : ''}</div>
                </td>
                <td><StatusBadge status={access.outcome} /></td>
                <td><UserName id={access.approvedBy} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <Pager shown={list.items.length} hasMore={list.hasMore} loading={list.loadingMore} onMore={list.loadMore} noun="accesses" />
    </>
  );
}
