import { useState, type FormEvent } from 'react';
import { ActionStatus, Button, fieldErrors, TextField } from '@/components';
import { useAction } from '@/lib/action';
import { accessKeys, closeTicket } from '../api/access';

/** Closing a ticket ends every grant and pending request made for it. */
export function CloseTicketForm() {
  const [ticketId, setTicketId] = useState('');
  const action = useAction(closeTicket, {
    success: (closure) => {
      const ended = closure.endedGrantIds?.length ?? 0;
      return `Ticket ${closure.ticketId} closed: ${ended === 0 ? 'no grant was open for it' : `${ended} grant${ended === 1 ? '' : 's'} ended`}.`;
    },
    invalidate: [accessKeys.all],
    onSuccess: () => setTicketId(''),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    action.run(ticketId.trim());
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Close a ticket">
      <div className="row">
        <TextField label="Ticket" name="ticketId" required value={ticketId} onChange={(e) => setTicketId(e.target.value)}
          error={fieldErrors(action.error)('ticketId')} autoComplete="off" />
        <div className="field">
          <Button type="submit" busy={action.pending} busyLabel="Closing…" disabled={ticketId.trim() === ''}>Close ticket</Button>
        </div>
      </div>
      <ActionStatus action={action} working="Closing the ticket…" />
    </form>
  );
}
