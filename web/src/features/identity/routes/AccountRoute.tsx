import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ActionStatus, Button, Callout, ConfirmDialog, PageHeading, ProblemMessage, QueryState, Section, Time } from '@/components';
import { useAction } from '@/lib/action';
import { useMe } from '@/lib/session';
import { getAccount, identityKeys, reactivate, requestDeletion, type AccountView } from '../api/identity';

/** A person deletes their own account (30 days to change their mind) or reactivates it within that grace. */
export function AccountRoute() {
  const me = useMe();
  const client = useQueryClient();
  const account = useQuery({ queryKey: identityKeys.account(), queryFn: ({ signal }) => getAccount(signal) });
  const [confirming, setConfirming] = useState(false);
  const onChanged = (view: AccountView) => client.setQueryData(identityKeys.account(), view);
  const remove = useAction(requestDeletion, {
    success: (v) => `Deletion requested. Your account is erased after ${v.graceEndsAt ? new Date(v.graceEndsAt).toUTCString() : 'the 30-day grace'} unless you reactivate it.`,
    onSuccess: (v) => { setConfirming(false); onChanged(v); },
  });
  const restore = useAction(reactivate, { success: 'Your account is active again. Nothing will be erased.', onSuccess: onChanged });
  return (
    <>
      <PageHeading>My account</PageHeading>
      <p>Signed in as <strong>{me.username}</strong>.</p>
      <Section title="Delete my account">
        <QueryState query={account} loading="Loading your account…">
          {(view) => view.status === 'PENDING_DELETION' ? (
            <>
              <Callout tone="warn" title="Deletion pending">
                <p>Your account and your data will be erased on <Time value={view.graceEndsAt} />. Until then you can take it back.</p>
              </Callout>
              <Button variant="primary" busy={restore.pending} busyLabel="Reactivating…" onClick={() => restore.run(undefined)}>
                Reactivate my account
              </Button>
            </>
          ) : view.status === 'ERASED' ? <p>This account has been erased.</p> : view.status === 'UNKNOWN' ? (
            <>
              <p>Deleting your account erases your data in every ClaraOP service after a 30-day grace period.</p>
              <div className="row">
                <Button variant="danger" onClick={() => { remove.reset(); setConfirming(true); }}>Delete my account…</Button>
                <Button busy={restore.pending} busyLabel="Reactivating…" onClick={() => restore.run(undefined)}>
                  Reactivate my account
                </Button>
              </div>
              <p className="muted">Reactivating works only within 30 days of asking for deletion.</p>
            </>
          ) : (
            <>
              <p>
                Deleting your account erases your data in every ClaraOP service after a 30-day grace period. During the grace
                you can reactivate it here. Invoices you issued are kept only as anonymous totals.
              </p>
              <Button variant="danger" onClick={() => { remove.reset(); setConfirming(true); }}>Delete my account…</Button>
            </>
          )}
        </QueryState>
        <ActionStatus action={{ ...remove, error: confirming ? null : remove.error }} working="Requesting deletion…" />
        <ActionStatus action={restore} working="Reactivating…" />
      </Section>
      <ConfirmDialog open={confirming} title="Delete your account?" confirmLabel="Delete my account" busyLabel="Requesting…" danger
        busy={remove.pending} onClose={() => setConfirming(false)} onConfirm={() => remove.run(undefined)}>
        <p>Your data is erased after 30 days. You can reactivate the account until then.</p>
        {confirming && remove.error ? <ProblemMessage error={remove.error} /> : null}
      </ConfirmDialog>
    </>
  );
}
