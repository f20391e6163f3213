import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import {
  ActionStatus, Button, ConfirmDialog, EmptyState, PageHeading, ProblemMessage, QueryState, Section, StatusBadge, TableScroll, Time, UserName,
} from '@/components';
import { useAction } from '@/lib/action';
import { shortId } from '@/lib/format';
import { hasRole } from '@/lib/roles';
import { useMe } from '@/lib/session';
import { connectGmail, disconnectMailbox, inboxKeys, listDrafts, listMailboxes, syncMailbox,
  type MailboxView } from '../api/inbox';

/**
 * Connected Gmail inboxes (read-only access, metadata only): connect through Google's consent, sync now,
 * disconnect; and the campaigns the inbox drafted.
 */
export function InboxRoute() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const [connected] = useState(() => params.get('connected'));
  const canManage = hasRole(me, 'ADMIN', 'MANAGER');
  // After a sync is asked for, the lists follow it for two minutes (a sync drafts campaigns within seconds).
  const [followUntil, setFollowUntil] = useState(0);
  const following = () => (Date.now() < followUntil ? 5000 : false);
  const mailboxes = useQuery({ queryKey: inboxKeys.mailboxes(), queryFn: ({ signal }) => listMailboxes(signal),
    refetchInterval: following });
  const drafts = useQuery({ queryKey: inboxKeys.drafts(), queryFn: ({ signal }) => listDrafts(signal), enabled: canManage,
    refetchInterval: following });
  const connect = useAction(() => connectGmail(), { success: 'Opening Google’s consent page…' });
  const firstSync = useAction((id: string) => syncMailbox(id), {
    success: 'The first sync is running: drafted campaigns appear below as it finds brand-deal mail.',
    onSuccess: () => setFollowUntil(Date.now() + 120_000),
  });
  const askedFirstSync = useRef(false);
  // What came of a disconnect: said here, since the inbox's row and its buttons leave the list with it.
  const [outcome, setOutcome] = useState('');

  useEffect(() => {
    if (params.has('connected')) {
      const next = new URLSearchParams(params);
      next.delete('connected');
      setParams(next, { replace: true });
    }
  }, [params, setParams]);

  // Back from Google's consent: the new inbox is synced at once rather than at the next scheduled run.
  useEffect(() => {
    if (connected && canManage && !askedFirstSync.current) {
      askedFirstSync.current = true;
      firstSync.run(connected);
    }
  }, [connected, canManage, firstSync]);

  return (
    <>
      <PageHeading>Inbox</PageHeading>
      <p className="role-note muted">
        ClaraOP reads message metadata only (sender, subject, date, labels), with read-only access. It never sends,
        changes or deletes mail.
      </p>
      <p className="action-status" role="status" aria-live="polite">
        {connected ? `Gmail connected (mailbox ${shortId(connected)}).` : ''}
      </p>
      <p className="action-status" role="status" aria-live="polite">{outcome}</p>
      <ActionStatus action={firstSync} working="Starting the first sync…" />
      {canManage ? (
        <Section title="Connect Gmail">
          <p>You will be sent to Google to allow read-only access, then brought back here.</p>
          <Button variant="primary" busy={connect.pending || !!connect.message} busyLabel="Opening Google…"
            onClick={() => connect.run(undefined)}>
            Connect Gmail
          </Button>
          <ActionStatus action={connect} working="Asking for Google’s consent page…" />
        </Section>
      ) : null}
      <Section title="Connected inboxes">
        <QueryState query={mailboxes} loading="Loading inboxes…">
          {(list) => list.length === 0 ? (
            <EmptyState title="No inbox is connected.">
              <p>{canManage ? 'Connect Gmail above: brand-deal mail then becomes draft campaigns.' : 'An admin or manager connects inboxes.'}</p>
            </EmptyState>
          ) : (
            <TableScroll label="Inbox list">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Inbox</th><th scope="col">Status</th><th scope="col">Connected</th>
                    <th scope="col">Last sync</th>{canManage ? <th scope="col">Actions</th> : null}
                  </tr>
                </thead>
                <tbody>
                  {list.map((mailbox) => (
                    <tr key={mailbox.id}>
                      <td><code>{shortId(mailbox.id)}</code>{mailbox.id === connected ? <div className="muted">just connected</div> : null}</td>
                      <td><StatusBadge status={mailbox.status} />{mailbox.revokedAt ? <div className="muted">Google refused further access</div> : null}</td>
                      <td><Time value={mailbox.connectedAt} /><div className="muted">by <UserName id={mailbox.connectedBy} /></div></td>
                      <td><Time value={mailbox.lastSyncedAt} />{mailbox.lastSyncOutcome ? <div className="muted">{mailbox.lastSyncOutcome}</div> : null}</td>
                      {canManage ? <td className="actions"><MailboxActions mailbox={mailbox} onSync={() => setFollowUntil(Date.now() + 120_000)}
                        onDisconnected={setOutcome} /></td> : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
        </QueryState>
      </Section>
      {canManage ? (
        <Section title="Campaigns drafted from the inbox"
          actions={<Button onClick={() => void drafts.refetch()} busy={drafts.isFetching} busyLabel="Refreshing…">Refresh</Button>}>
          <QueryState query={drafts} loading="Loading drafted campaigns…">
            {(list) => list.length === 0 ? (
              <EmptyState title="No drafted campaign yet.">
                <p>After a sync, brand-deal mail shows up here as draft campaigns. Sync now, then refresh.</p>
              </EmptyState>
            ) : (
              <TableScroll label="Drafted campaigns">
                <table>
                  <thead>
                    <tr><th scope="col">Campaign</th><th scope="col">Brand</th><th scope="col">Status</th>
                      <th scope="col">Cues that fired</th><th scope="col">Detected</th></tr>
                  </thead>
                  <tbody>
                    {list.map((c) => (
                      <tr key={c.id}>
                        <td>{c.name}</td>
                        <td>{c.brand}{c.brandDomain ? <div className="muted">{c.brandDomain}</div> : null}</td>
                        <td><StatusBadge status={c.status} /></td>
                        <td>{(c.cues ?? []).join(', ') || '—'}</td>
                        <td><Time value={c.detectedAt ?? c.createdAt} /></td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            )}
          </QueryState>
        </Section>
      ) : null}
    </>
  );
}

function MailboxActions({ mailbox, onSync, onDisconnected }: {
  mailbox: MailboxView; onSync: () => void; onDisconnected: (said: string) => void }) {
  const id = mailbox.id ?? '';
  const [confirming, setConfirming] = useState(false);
  const sync = useAction(() => syncMailbox(id), {
    success: 'Sync requested: new brand-deal mail becomes draft campaigns within a minute.',
    invalidate: [inboxKeys.all],
    onSuccess: onSync,
  });
  const disconnect = useAction(() => disconnectMailbox(id), {
    success: '',
    invalidate: [inboxKeys.all],
    onSuccess: () => {
      setConfirming(false);
      onDisconnected(`Inbox ${shortId(id)} disconnected: Google’s access was revoked and deleted. Drafted campaigns stay.`);
    },
  });
  return (
    <div>
      <div className="row">
        {mailbox.status === 'CONNECTED' ? (
          <Button busy={sync.pending} busyLabel="Requesting…" aria-label={`Sync inbox ${shortId(id)} now`}
            onClick={() => sync.run(undefined)}>Sync now</Button>
        ) : null}
        <Button variant="danger" aria-label={`Disconnect inbox ${shortId(id)}`}
          onClick={() => { disconnect.reset(); setConfirming(true); }}>Disconnect…</Button>
      </div>
      <ActionStatus action={sync} working="Requesting a sync…" />
      <ActionStatus action={{ ...disconnect, error: confirming ? null : disconnect.error }} working="Disconnecting…" />
      <ConfirmDialog open={confirming} title="Disconnect this inbox?" confirmLabel="Disconnect" busyLabel="Disconnecting…"
        danger busy={disconnect.pending} onClose={() => setConfirming(false)} onConfirm={() => disconnect.run(undefined)}>
        <p>ClaraOP revokes its access at Google and deletes the tokens. Campaigns already drafted stay.</p>
        {confirming && disconnect.error ? <ProblemMessage error={disconnect.error} /> : null}
      </ConfirmDialog>
    </div>
  );
}
