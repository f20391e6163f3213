import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ActionStatus, Button, fieldErrors, TextField } from '@/components';
import { useAction } from '@/lib/action';
import { formatMoney, shortId } from '@/lib/format';
import { batchKeys, generateBatch, lineCountOf, type BatchView } from '../api/batches';

/** An admin generates a batch from the approved, unpaid invoices of one currency. */
export function GenerateBatchForm() {
  const [currency, setCurrency] = useState('USD');
  const [made, setMade] = useState<BatchView | null>(null);
  const action = useAction((code: string) => generateBatch(code), {
    success: (batch) =>
      `Batch ${shortId(batch.id)} generated: ${lineCountOf(batch)} lines, ${formatMoney(batch.total, batch.currency)}.`,
    invalidate: [batchKeys.all],
    onSuccess: (batch) => setMade(batch),
  });
  const errorFor = fieldErrors(action.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMade(null);
    action.run(currency.trim().toUpperCase());
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Generate a batch">
      <p className="muted">
        A batch pays every approved, unpaid invoice in one currency. A second admin approves it before it is exported.
      </p>
      <div className="row">
        <TextField label="Currency" name="currency" value={currency} required maxLength={3} autoComplete="off"
          hint="ISO 4217 code, e.g. USD" error={errorFor('currency')}
          onChange={(e) => setCurrency(e.target.value.toUpperCase())} />
        <div className="field">
          <Button type="submit" variant="primary" busy={action.pending} busyLabel="Generating…">Generate batch</Button>
        </div>
      </div>
      <ActionStatus action={action} working="Generating the batch…" />
      {made?.id && !action.pending ? <p><Link to={`/batches/${made.id}`}>Open batch {shortId(made.id)}</Link></p> : null}
    </form>
  );
}
