import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ActionStatus, Button, CheckboxGroup, EmptyState, fieldErrors, QueryState, SelectField, TableScroll, TextAreaField,
  TextField } from '@/components';
import { useAction } from '@/lib/action';
import { shortId } from '@/lib/format';
import { allMembers, identityKeys, listPods, putPod, type MemberView, type PodView } from '../api/identity';

/** A tenant's pods: who manages each and which creators are in it. An admin sets a pod as a whole. */
export function PodsSection() {
  const pods = useQuery({ queryKey: identityKeys.pods(), queryFn: ({ signal }) => listPods(signal) });
  const members = useQuery({ queryKey: identityKeys.members('picker'), queryFn: ({ signal }) => allMembers(signal) });
  const [editing, setEditing] = useState<PodView | 'new' | null>(null);
  const name = (id: string | undefined) => members.data?.find((m) => m.userId === id)?.email ?? shortId(id);
  return (
    <>
      <QueryState query={pods} loading="Loading pods…">
        {(list) => list.length === 0 ? (
          <EmptyState title="No pods yet."><p>Create one: a manager and the creators they look after.</p></EmptyState>
        ) : (
          <TableScroll label="Pod list">
            <table>
              <thead><tr><th scope="col">Pod</th><th scope="col">Manager</th><th scope="col">Creators</th><th scope="col">Actions</th></tr></thead>
              <tbody>
                {list.map((pod) => (
                  <tr key={pod.podId}>
                    <td>{pod.name}<div className="muted"><code>{pod.podId}</code></div></td>
                    <td>{name(pod.managerId)}</td>
                    <td>{(pod.creatorIds ?? []).length === 0 ? '—' : (pod.creatorIds ?? []).map(name).join(', ')}</td>
                    <td className="actions"><Button onClick={() => setEditing(pod)} aria-label={`Edit pod ${pod.name}`}>Edit</Button></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </QueryState>
      {editing ? (
        <PodForm key={editing === 'new' ? 'new' : editing.podId} pod={editing === 'new' ? null : editing}
          members={members.data ?? null} onDone={() => setEditing(null)} />
      ) : (
        <p><Button onClick={() => setEditing('new')}>New pod</Button></p>
      )}
    </>
  );
}

function PodForm({ pod, members, onDone }: { pod: PodView | null; members: MemberView[] | null; onDone: () => void }) {
  const [podId, setPodId] = useState(pod?.podId ?? '');
  const [name, setName] = useState(pod?.name ?? '');
  const [managerId, setManagerId] = useState(pod?.managerId ?? '');
  const [creatorIds, setCreatorIds] = useState<string[]>(pod?.creatorIds ?? []);
  const [creatorText, setCreatorText] = useState((pod?.creatorIds ?? []).join('\n'));
  const action = useAction((args: { podId: string; name: string; managerId: string; creatorIds: string[] }) =>
    putPod(args.podId, { name: args.name, managerId: args.managerId, creatorIds: args.creatorIds }), {
    success: (p) => `Pod ${p.name} saved.`,
    invalidate: [identityKeys.pods()],
  });
  const errorFor = fieldErrors(action.error);
  const managers = members?.filter((m) => m.role === 'MANAGER') ?? [];
  const creators = members?.filter((m) => m.role === 'CREATOR') ?? [];
  const pickers = members !== null && managers.length > 0;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    action.run({
      podId: podId.trim(), name: name.trim(), managerId: managerId.trim(),
      creatorIds: pickers ? creatorIds : creatorText.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean),
    });
  };
  return (
    <form onSubmit={submit} noValidate aria-label={pod ? `Edit pod ${pod.name}` : 'New pod'} className="pod-form">
      <h3>{pod ? `Edit pod ${pod.name}` : 'New pod'}</h3>
      {!pod ? (
        <TextField label="Pod id" name="podId" required value={podId} hint="Short, lower-case, e.g. pod-c" onChange={(e) => setPodId(e.target.value)}
          error={errorFor('podId')} autoComplete="off" />
      ) : null}
      <TextField label="Name" name="name" required maxLength={80} value={name} error={errorFor('name')} onChange={(e) => setName(e.target.value)} />
      {pickers ? (
        <>
          <SelectField label="Manager" name="managerId" required value={managerId} error={errorFor('managerId')}
            onChange={(e) => setManagerId(e.target.value)}
            options={[{ value: '', label: 'Choose a manager' }, ...managers.map((m) => ({ value: m.userId ?? '', label: m.email ?? shortId(m.userId) }))]} />
          <CheckboxGroup legend="Creators" name="creatorIds" values={creatorIds} onChange={setCreatorIds} error={errorFor('creatorIds')}
            options={creators.map((m) => ({ value: m.userId ?? '', label: m.email ?? shortId(m.userId) }))} />
        </>
      ) : (
        <>
          <TextField label="Manager's user id" name="managerId" required value={managerId} error={errorFor('managerId')}
            onChange={(e) => setManagerId(e.target.value)} autoComplete="off" />
          <TextAreaField label="Creators' user ids" name="creatorIds" hint="One per line" value={creatorText}
            error={errorFor('creatorIds')} onChange={(e) => setCreatorText(e.target.value)} />
        </>
      )}
      <div className="row">
        <Button type="submit" variant="primary" busy={action.pending} busyLabel="Saving…">Save pod</Button>
        <Button onClick={onDone}>Close</Button>
      </div>
      <ActionStatus action={action} working="Saving the pod…" />
    </form>
  );
}
