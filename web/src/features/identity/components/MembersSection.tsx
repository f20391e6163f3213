import { useState, type FormEvent } from 'react';
import { ActionStatus, Button, EmptyState, fieldErrors, Pager, ProblemMessage, SelectField, StatusBadge, TableScroll,
  TextField } from '@/components';
import { useAction } from '@/lib/action';
import { humanize } from '@/lib/format';
import { usePagedList } from '@/lib/paged';
import { identityKeys, invite, listMembers, TENANT_ROLES, type MemberView } from '../api/identity';

export function MembersList({ role }: { role?: string }) {
  const members = usePagedList<MemberView>(identityKeys.members(role), (cursor, signal) => listMembers(role, cursor, signal));
  if (members.query.isPending) return <p role="status">Loading members…</p>;
  if (members.query.error) return <ProblemMessage error={members.query.error} />;
  if (members.items.length === 0) {
    return <EmptyState title="No members to show."><p>Invite someone below; they appear here as invited until their first sign-in.</p></EmptyState>;
  }
  return (
    <>
      <TableScroll label="Member list">
        <table>
          <thead><tr><th scope="col">E-mail</th><th scope="col">Role</th><th scope="col">Status</th><th scope="col">User id</th></tr></thead>
          <tbody>
            {members.items.map((m) => (
              <tr key={m.userId}>
                <td>{m.email}</td>
                <td>{humanize(m.role)}</td>
                <td><StatusBadge status={m.status} /></td>
                <td><code>{m.userId}</code></td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <Pager shown={members.items.length} hasMore={members.hasMore} loading={members.loadingMore} onMore={members.loadMore}
        noun="members" />
    </>
  );
}

export function InviteForm() {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<string>('CREATOR');
  const action = useAction(invite, {
    success: (m) => `Invitation sent to ${m.email} as ${humanize(m.role).toLowerCase()}. They set a password at their first sign-in.`,
    invalidate: [identityKeys.all],
    onSuccess: () => setEmail(''),
  });
  const errorFor = fieldErrors(action.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    action.run({ email: email.trim(), role });
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Invite a user">
      <div className="row">
        <TextField label="E-mail" name="email" type="email" required value={email} error={errorFor('email')}
          onChange={(e) => setEmail(e.target.value)} autoComplete="off" />
        <SelectField label="Role" name="role" value={role} error={errorFor('role')} onChange={(e) => setRole(e.target.value)}
          options={TENANT_ROLES.map((r) => ({ value: r, label: humanize(r) }))} />
        <div className="field"><Button type="submit" variant="primary" busy={action.pending} busyLabel="Inviting…">Invite</Button></div>
      </div>
      <ActionStatus action={action} working="Sending the invitation…" />
    </form>
  );
}
