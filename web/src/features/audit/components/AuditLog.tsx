import { useState, type FormEvent } from 'react';
import {
  Button, EmptyState, Pager, ProblemMessage, StatusBadge, TableScroll, TextField, Time, UserName,
} from '@/components';
import { displayId, humanize, shortId } from '@/lib/format';
import { usePagedList } from '@/lib/paged';
import { auditKeys, listEntries, type AuditEntry, type AuditFilter } from '../api/audit';

/** `datetime-local` values are read as UTC, as the log records time. */
function toInstant(local: string): string | undefined {
  if (!local) return undefined;
  const date = new Date(`${local}:00Z`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

export function AuditLog() {
  const [draft, setDraft] = useState({ action: '', actor: '', resource: '', from: '', to: '' });
  const [filter, setFilter] = useState<AuditFilter>({});
  const entries = usePagedList<AuditEntry>(auditKeys.entries(filter), (cursor, signal) => listEntries(filter, cursor, signal));
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilter({
      action: draft.action.trim() || undefined, actor: draft.actor.trim() || undefined,
      resource: draft.resource.trim() || undefined, from: toInstant(draft.from), to: toInstant(draft.to),
    });
  };
  const set = (key: keyof typeof draft) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [key]: e.target.value }));
  const filtered = Object.values(filter).some(Boolean);
  return (
    <>
      <form className="filters" onSubmit={apply} aria-label="Filter the audit log">
        <TextField label="Action" name="action" value={draft.action} onChange={set('action')} hint="e.g. payout.batch.approved" />
        <TextField label="Actor" name="actor" value={draft.actor} onChange={set('actor')} hint="A user or staff id" />
        <TextField label="Resource" name="resource" value={draft.resource} onChange={set('resource')} hint="An id, e.g. a batch's" />
        <TextField label="From (UTC)" name="from" type="datetime-local" value={draft.from} onChange={set('from')} />
        <TextField label="To (UTC)" name="to" type="datetime-local" value={draft.to} onChange={set('to')} />
        <div className="field"><Button type="submit" variant="primary">Apply filters</Button></div>
        {filtered ? (
          <div className="field">
            <Button onClick={() => { setDraft({ action: '', actor: '', resource: '', from: '', to: '' }); setFilter({}); }}>
              Clear filters
            </Button>
          </div>
        ) : null}
      </form>
      {entries.query.isPending ? <p role="status">Loading the log…</p>
        : entries.query.error ? <ProblemMessage error={entries.query.error} />
          : entries.items.length === 0 ? (
            <EmptyState title={filtered ? 'No entry matches these filters.' : 'The log is empty.'}>
              <p>{filtered ? 'Widen the time range or clear the filters.' : 'Every change in your agency is recorded here as it happens.'}</p>
            </EmptyState>
          ) : (
            <>
              <TableScroll label="Audit entries">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">When</th><th scope="col">Action</th><th scope="col">Actor</th>
                      <th scope="col">Resource</th><th scope="col">Outcome</th><th scope="col">Purpose</th>
                    </tr>
                  </thead>
                  <tbody>
                    {entries.items.map((entry) => (
                      <tr key={entry.id}>
                        <td><Time value={entry.occurredAt} /></td>
                        <td><code>{entry.action}</code></td>
                        <td>
                          {humanize(entry.actor?.kind)} <UserName id={entry.actor?.id} />
                          {entry.actor?.grantId ? <div className="muted">grant {shortId(entry.actor.grantId)}</div> : null}
                        </td>
                        <td>{entry.resource?.type} <code>{displayId(entry.resource?.id)}</code></td>
                        <td><StatusBadge status={entry.outcome} /></td>
                        <td>{entry.purpose ?? '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
              <Pager shown={entries.items.length} hasMore={entries.hasMore} loading={entries.loadingMore}
                onMore={entries.loadMore} noun="entries" />
            </>
          )}
    </>
  );
}
