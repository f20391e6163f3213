import { useState } from 'react';
import { EmptyState, PageHeading, Pager, ProblemMessage, Section, SelectField, StatusBadge, TableScroll, Time } from '@/components';
import { humanize, shortId } from '@/lib/format';
import { usePagedList } from '@/lib/paged';
import { ERASURE_STATUSES, listErasures, retentionKeys, type ErasureView } from '../api/retention';

/** Account erasures across tenants, each service's confirmation with it (ids and counts only). */
export function ErasuresRoute() {
  const [status, setStatus] = useState('');
  const erasures = usePagedList<ErasureView>(retentionKeys.erasures(status || undefined),
    (cursor, signal) => listErasures(status || undefined, cursor, signal));
  return (
    <>
      <PageHeading>Account erasures</PageHeading>
      <Section title="Erasures">
        <SelectField label="Status" name="status" value={status} onChange={(e) => setStatus(e.target.value)}
          options={[{ value: '', label: 'All statuses' }, ...ERASURE_STATUSES.map((s) => ({ value: s, label: humanize(s) }))]} />
        {erasures.query.isPending ? <p role="status">Loading erasures…</p>
          : erasures.query.error ? <ProblemMessage error={erasures.query.error} />
            : erasures.items.length === 0 ? (
              <EmptyState title="No erasure to show."><p>When a user deletes their account, its erasure appears here once requested.</p></EmptyState>
            ) : (
              <>
                <TableScroll label="Account erasures">
                  <table>
                    <thead>
                      <tr><th scope="col">Erasure</th><th scope="col">Tenant</th><th scope="col">User</th><th scope="col">Status</th>
                        <th scope="col">Requested</th><th scope="col">Grace ends</th><th scope="col">Services confirmed</th><th scope="col">Erased</th></tr>
                    </thead>
                    <tbody>
                      {erasures.items.map((e) => {
                        const services = Object.entries(e.services ?? {});
                        return (
                          <tr key={e.erasureId}>
                            <td><code>{shortId(e.erasureId)}</code></td>
                            <td>{e.tenantId}</td>
                            <td><code>{shortId(e.userId)}</code></td>
                            <td><StatusBadge status={e.status} /></td>
                            <td><Time value={e.requestedAt} /></td>
                            <td><Time value={e.graceEndsAt} /></td>
                            <td>
                              <ul className="plain">
                                {services.map(([name, s]) => (
                                  <li key={name}>{name}: {s.confirmedAt ? <>confirmed <Time value={s.confirmedAt} /></> : 'waiting'}</li>
                                ))}
                              </ul>
                            </td>
                            <td><Time value={e.erasedAt} /></td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </TableScroll>
                <Pager shown={erasures.items.length} hasMore={erasures.hasMore} loading={erasures.loadingMore}
                  onMore={erasures.loadMore} noun="erasures" />
              </>
            )}
      </Section>
    </>
  );
}
