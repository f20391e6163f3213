import { useState } from 'react';
import { ActionStatus, Button, ConfirmDialog, fieldErrors } from '@/components';
import { useAction } from '@/lib/action';
import { awaitBatch, batchKeys, cancelBatch, type BatchView } from '../api/batches';

/** Cancel a batch before any line is paid, saying why; its invoices become payable again. */
export function CancelPanel({ batch, onChanged }: { batch: BatchView; onChanged: (b: BatchView, outcome?: string) => void }) {
  const id = batch.id ?? '';
  const [open, setOpen] = useState(false);
  const action = useAction(
    async (reason: string) => {
      await cancelBatch(id, reason);
      return awaitBatch(id, (b) => b.status === 'CANCELLED');
    },
    {
      success: '',
      invalidate: [batchKeys.all],
      onSuccess: (b) => {
        setOpen(false);
        onChanged(b, 'Batch cancelled: it is closed, and its invoices can go into a new batch.');
      },
    },
  );
  return (
    <div>
      <Button variant="danger" onClick={() => { action.reset(); setOpen(true); }}>Cancel batch…</Button>
      <ActionStatus action={{ ...action, error: open ? null : action.error }} working="Cancelling…" />
      <ConfirmDialog open={open} title="Cancel this batch?" confirmLabel="Cancel batch" busyLabel="Cancelling…" danger
        busy={action.pending} reason={{ label: 'Reason', hint: 'Recorded with the batch. No bank details.', maxLength: 200 }}
        reasonError={fieldErrors(action.error)('reason')}
        onConfirm={(reason) => action.run(reason)} onClose={() => setOpen(false)}>
        <p>A cancelled batch is closed: nothing in it can be paid. Its invoices can go into a new batch.</p>
        {open && action.error && !fieldErrors(action.error)('reason') ? <ActionStatus action={action} /> : null}
      </ConfirmDialog>
    </div>
  );
}
