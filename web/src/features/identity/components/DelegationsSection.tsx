import { useState, type FormEvent } from 'react';
import { ActionStatus, Button, ConfirmDialog, EmptyState, fieldErrors, Pager, ProblemMessage, SelectField, StatusBadge,
  TableScroll, TextField, Time } from '@/components';
import { useAction } from '@/lib/action';
import { humanize, shortId } from '@/lib/format';
import { usePagedList } from '@/lib/paged';
import { approveDelegation, identityKeys, listDelegations, revokeDelegation, TENANT_ROLES,
  type DelegationView } from '../api/identity';

/** Delegated operators: people outside the agency an admin lets act in it, with one role, until a date. */
export function DelegationsSection() {
  const list = usePagedList<DelegationView>(identityKeys.delegations(), (cursor, signal) => listDelegations(cursor, signal));
  return (
    <>
      {list.query.isPending ? <p role="status">Loading delegations…</p>
        : list.query.error ? <ProblemMessage error={list.query.error} />
          : list.items.length === 0 ? (
            <EmptyState title="No delegated operators."><p>Approve one below: an existing user of another agency, one role, an end date.</p></EmptyState>
          ) : (
            <>
              <TableScroll label="Delegation list">
                <table>
                  <thead><tr><th scope="col">Operator</th><th scope="col">Role</th><th scope="col">Status</th><th scope="col">Until</th><th scope="col">Actions</th></tr></thead>
                  <tbody>
                    {list.items.map((d) => (
                      <tr key={d.id}>
                        <td><code>{d.userId ? shortId(d.userId) : 'erased'}</code></td>
                        <td>{humanize(d.role)}</td>
                        <td><StatusBadge status={d.status} /></td>
                        <td><Time value={d.expiresAt} /></td>
                        <td className="actions">{d.status === 'ACTIVE' ? <RevokeDelegation delegation={d} /> : null}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
              <Pager shown={list.items.length} hasMore={list.hasMore} loading={list.loadingMore} onMore={list.loadMore} noun="delegations" />
            </>
          )}
      <ApproveDelegationForm />
    </>
  );
}

function RevokeDelegation({ delegation }: { delegation: DelegationView }) {
  const [open, setOpen] = useState(false);
  const action = useAction(() => revokeDelegation(delegation.id ?? ''), {
    success: 'Delegation revoked: the operator can no longer act in your agency.',
    invalidate: [identityKeys.delegations()],
    onSuccess: () => setOpen(false),
  });
  return (
    <div>
      <Button variant="danger" onClick={() => { action.reset(); setOpen(true); }} aria-label={`Revoke delegation ${shortId(delegation.id)}`}>Revoke…</Button>
      <ActionStatus action={{ ...action, error: open ? null : action.error }} working="Revoking…" />
      <ConfirmDialog open={open} title="Revoke this delegation?" confirmLabel="Revoke" busyLabel="Revoking…" danger busy={action.pending}
        onClose={() => setOpen(false)} onConfirm={() => action.run(undefined)}>
        <p>The operator loses access at once, even with a token issued before.</p>
        {open && action.error ? <ProblemMessage error={action.error} /> : null}
      </ConfirmDialog>
    </div>
  );
}

function ApproveDelegationForm() {
  const [userId, setUserId] = useState('');
  const [role, setRole] = useState('MANAGER');
  const [until, setUntil] = useState('');
  const action = useAction(approveDelegation, {
    success: (d) => `Delegation approved: ${shortId(d.userId)} may act as ${humanize(d.role).toLowerCase()} until the date given.`,
    invalidate: [identityKeys.delegations()],
    onSuccess: () => { setUserId(''); setUntil(''); },
  });
  const errorFor = fieldErrors(action.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const expiresAt = until ? new Date(`${until}:00Z`).toISOString() : (null as unknown as string);
    action.run({ userId: userId.trim(), role, expiresAt });
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Approve a delegated operator">
      <h3>Approve a delegated operator</h3>
      <div className="row">
        <TextField label="Their user id" name="userId" required value={userId} error={errorFor('userId')}
          onChange={(e) => setUserId(e.target.value)} autoComplete="off" />
        <SelectField label="Role" name="role" value={role} error={errorFor('role')} onChange={(e) => setRole(e.target.value)}
          options={TENANT_ROLES.map((r) => ({ value: r, label: humanize(r) }))} />
        <TextField label="Until (UTC)" name="expiresAt" type="datetime-local" required value={until} error={errorFor('expiresAt')}
          onChange={(e) => setUntil(e.target.value)} />
      </div>
      <Button type="submit" variant="primary" busy={action.pending} busyLabel="Approving…">Approve delegation</Button>
      <ActionStatus action={action} working="Approving…" />
    </form>
  );
}
