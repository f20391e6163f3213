import { useState } from 'react';
import { Link } from 'react-router';
import { ActionStatus, Button, ConfirmDialog, fieldErrors, ProblemMessage } from '@/components';
import { useAction } from '@/lib/action';
import { shortId } from '@/lib/format';
import { supportGrant, useSelectedGrant } from '@/lib/supportGrant';
import { accessKeys, approveRequest, denyRequest, revokeGrant, type GrantView } from '../api/access';

/**
 * Consent (a tenant admin) or review (a support reviewer): approve, or deny saying why. The outcome goes to the
 * screen's status line (`onOutcome`): these buttons leave with the request once it is decided.
 */
export function DecideButtons({ grant, approveLabel = 'Approve', onOutcome }: {
  grant: GrantView; approveLabel?: string; onOutcome: (said: string) => void }) {
  const id = grant.id ?? '';
  const ref = shortId(id);
  const [denying, setDenying] = useState(false);
  const approve = useAction(() => approveRequest(id), {
    success: '',
    invalidate: [accessKeys.all],
    onSuccess: (g) => onOutcome(g.status === 'ACTIVE'
      ? `Request ${ref} approved: access is active until it expires or its ticket closes.`
      : `Request ${ref}: your approval is recorded; it still needs ${g.consentBy ? 'a reviewer' : 'the tenant’s consent'}.`),
  });
  const deny = useAction((reason: string) => denyRequest(id, reason), {
    success: '', invalidate: [accessKeys.all],
    onSuccess: () => { setDenying(false); onOutcome(`Request ${ref} denied.`); },
  });
  const busy = approve.pending || deny.pending;
  return (
    <div>
      <div className="row">
        <Button variant="primary" busy={approve.pending} busyLabel="Approving…" disabled={busy}
          aria-label={`${approveLabel} request ${ref}`} onClick={() => approve.run(undefined)}>{approveLabel}</Button>
        <Button disabled={busy} aria-label={`Deny request ${ref}`} onClick={() => { deny.reset(); setDenying(true); }}>
          Deny…
        </Button>
      </div>
      <ActionStatus action={approve} working="Approving…" />
      <ActionStatus action={{ ...deny, error: denying ? null : deny.error }} working="Denying…" />
      <ConfirmDialog open={denying} title={`Deny request ${ref}?`} confirmLabel="Deny" busyLabel="Denying…" danger
        busy={deny.pending} onClose={() => setDenying(false)} onConfirm={(reason) => deny.run(reason)}
        reason={{ label: 'Reason for the requester', maxLength: 200 }} reasonError={fieldErrors(deny.error)('reason')}>
        <p>{grant.requestedBy ? `Requested by ${shortId(grant.requestedBy)}` : null} for ticket {grant.ticketId}.</p>
        {denying && deny.error && !fieldErrors(deny.error)('reason') ? <ProblemMessage error={deny.error} /> : null}
      </ConfirmDialog>
    </div>
  );
}

export function RevokeButton({ grant, onOutcome }: { grant: GrantView; onOutcome: (said: string) => void }) {
  const id = grant.id ?? '';
  const [confirming, setConfirming] = useState(false);
  const revoke = useAction(() => revokeGrant(id), {
    success: '', invalidate: [accessKeys.all],
    onSuccess: () => {
      setConfirming(false);
      onOutcome(`Grant ${shortId(id)} revoked: it admits no further reads.`);
      if (supportGrant.current()?.id === id) supportGrant.select(null);
    },
  });
  return (
    <div>
      <Button variant="danger" aria-label={`Revoke grant ${shortId(id)}`} onClick={() => { revoke.reset(); setConfirming(true); }}>
        Revoke…
      </Button>
      <ActionStatus action={{ ...revoke, error: confirming ? null : revoke.error }} working="Revoking…" />
      <ConfirmDialog open={confirming} title={`Revoke grant ${shortId(id)}?`} confirmLabel="Revoke" busyLabel="Revoking…"
        danger busy={revoke.pending} onClose={() => setConfirming(false)} onConfirm={() => revoke.run(undefined)}>
        <p>Staff lose access to {grant.tenantId}'s data at once. This cannot be undone; a new request would be needed.</p>
        {confirming && revoke.error ? <ProblemMessage error={revoke.error} /> : null}
      </ConfirmDialog>
    </div>
  );
}

/** A support engineer picks the active grant the console then sends with every call (X-Support-Grant). */
export function UseGrantButton({ grant }: { grant: GrantView }) {
  const selected = useSelectedGrant();
  const inUse = selected?.id === grant.id;
  if (inUse) {
    return (
      <div>
        <p className="nowrap"><strong>In use.</strong></p>
        <p className="row">
          {grant.scopes?.includes('PAYOUTS_READ') ? <Link to="/batches">Read batches</Link> : null}
          {grant.scopes?.includes('INVOICES_READ') ? <Link to="/invoices">Read invoices</Link> : null}
          {grant.scopes?.includes('EMAIL_METADATA_READ') ? <Link to="/inbox">Read mailboxes</Link> : null}
        </p>
        <Button onClick={() => supportGrant.select(null)}>Stop using</Button>
      </div>
    );
  }
  return (
    <Button variant="primary" aria-label={`Work under grant ${shortId(grant.id)}`}
      onClick={() => supportGrant.select({ id: grant.id ?? '', tenantId: grant.tenantId ?? '', scopes: grant.scopes ?? [],
        expiresAt: grant.expiresAt, ticketId: grant.ticketId })}>
      Work under this grant
    </Button>
  );
}
