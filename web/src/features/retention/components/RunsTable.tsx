import { EmptyState, Pager, ProblemMessage, StatusBadge, TableScroll, Time } from '@/components';
import { shortId } from '@/lib/format';
import { usePagedList } from '@/lib/paged';
import { listRuns, retentionKeys, type RunView } from '../api/retention';

export function RunsTable() {
  const runs = usePagedList<RunView>(retentionKeys.runs(), (cursor, signal) => listRuns(cursor, signal));
  if (runs.query.isPending) return <p role="status">Loading runs…</p>;
  if (runs.query.error) return <ProblemMessage error={runs.query.error} />;
  if (runs.items.length === 0) {
    return <EmptyState title="No purge run yet."><p>The purge runs every day at 03:00 UTC; or press “Purge now”.</p></EmptyState>;
  }
  return (
    <>
      <TableScroll label="Run list">
        <table>
          <thead>
            <tr><th scope="col">Started</th><th scope="col">Trigger</th><th scope="col">Scope</th><th scope="col" className="num">Due</th>
              <th scope="col" className="num">Purged</th><th scope="col">Failed</th><th scope="col">Finished</th></tr>
          </thead>
          <tbody>
            {runs.items.map((run) => (
              <tr key={run.id}>
                <td><Time value={run.startedAt} /></td>
                <td><StatusBadge status={run.trigger} /></td>
                <td>{run.scope}</td>
                <td className="num">{run.due?.length ?? 0}</td>
                <td className="num">{run.purged?.length ?? 0}</td>
                <td>
                  {(run.failed ?? []).length === 0 ? 'None' : (
                    <ul className="plain">{(run.failed ?? []).map((f) => <li key={f.batchId}><code>{shortId(f.batchId)}</code>: {f.reason}</li>)}</ul>
                  )}
                </td>
                <td><Time value={run.finishedAt} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <Pager shown={runs.items.length} hasMore={runs.hasMore} loading={runs.loadingMore} onMore={runs.loadMore} noun="runs" />
    </>
  );
}
