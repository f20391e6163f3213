import { useState, type FormEvent } from 'react';
import { ActionStatus, Button, CheckboxGroup, fieldErrors, SelectField, TextAreaField, TextField } from '@/components';
import { useAction } from '@/lib/action';
import { shortId } from '@/lib/format';
import { accessKeys, REASONS, requestAccess, SCOPES, type Reason, type Scope } from '../api/access';

const DURATIONS = [30, 60, 120, 240, 480, 1440];

/** A support engineer asks a tenant for time-boxed, read-only access, for a ticket, with a justification. */
export function RequestAccessForm() {
  const [tenantId, setTenantId] = useState('');
  const [reason, setReason] = useState<Reason>('SUPPORT_TICKET');
  const [ticketId, setTicketId] = useState('');
  const [scopes, setScopes] = useState<string[]>([]);
  const [duration, setDuration] = useState('60');
  const [justification, setJustification] = useState('');
  const [basis, setBasis] = useState('');
  const action = useAction(requestAccess, {
    success: (grant) => `Request ${shortId(grant.id)} sent to ${grant.tenantId}: it waits for ${
      grant.scopes?.includes('EMAIL_CONTENT_READ') ? 'a reviewer' : 'the tenant admin’s consent'}.`,
    invalidate: [accessKeys.all],
    onSuccess: () => { setTicketId(''); setJustification(''); setBasis(''); },
  });
  const errorFor = fieldErrors(action.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    action.run({
      tenantId: tenantId.trim(), reason, ticketId: ticketId.trim(), scopes: scopes as Scope[],
      durationMinutes: Number(duration), justification: justification.trim(),
      ...(basis.trim() ? { basis: basis.trim() } : {}),
    });
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Request access">
      <div className="row">
        <TextField label="Tenant" name="tenantId" required value={tenantId} hint="The agency's tenant id, e.g. demo"
          error={errorFor('tenantId')} onChange={(e) => setTenantId(e.target.value)} autoComplete="off" />
        <TextField label="Ticket" name="ticketId" required value={ticketId} hint="Letters, digits, dots, dashes"
          error={errorFor('ticketId')} onChange={(e) => setTicketId(e.target.value)} autoComplete="off" />
      </div>
      <div className="row">
        <SelectField label="Reason" name="reason" value={reason} error={errorFor('reason')}
          onChange={(e) => setReason(e.target.value as Reason)} options={REASONS} />
        <SelectField label="Duration" name="durationMinutes" value={duration} error={errorFor('durationMinutes')}
          onChange={(e) => setDuration(e.target.value)}
          options={DURATIONS.map((m) => ({ value: String(m), label: m < 60 ? `${m} minutes` : `${m / 60} hour${m === 60 ? '' : 's'}` }))} />
      </div>
      <CheckboxGroup legend="Scopes (read only)" name="scopes" options={SCOPES} values={scopes} onChange={setScopes}
        error={errorFor('scopes')} hint="Ask for the least you need." />
      <TextAreaField label="Justification" name="justification" required value={justification} maxLength={500}
        hint="10 to 500 characters: what you need to see and why. The tenant reads this." error={errorFor('justification')}
        onChange={(e) => setJustification(e.target.value)} />
      {scopes.includes('EMAIL_CONTENT_READ') || reason === 'LEGAL' ? (
        <TextField label="Complaint reference or legal basis" name="basis" value={basis} maxLength={200}
          required={scopes.includes('EMAIL_CONTENT_READ')} error={errorFor('basis')} onChange={(e) => setBasis(e.target.value)} />
      ) : null}
      <Button type="submit" variant="primary" busy={action.pending} busyLabel="Sending…">Request access</Button>
      <ActionStatus action={action} working="Sending the request…" />
    </form>
  );
}
