import { useId } from 'react';
import { ActionStatus, Button, Callout } from '@/components';
import { useAction } from '@/lib/action';
import type { Me } from '@/lib/roles';
import { approveBatch, awaitBatch, batchKeys, type BatchView } from '../api/batches';

/**
 * Four eyes: the admin who generated a batch cannot approve it, and the screen says so in words instead of
 * offering a button that would only be refused. Anyone else with the ADMIN role may approve.
 */
export function ApprovePanel({ batch, me, onChanged }: {
  batch: BatchView; me: Me; onChanged: (b: BatchView, outcome?: string) => void }) {
  const explanationId = useId();
  const id = batch.id ?? '';
  const action = useAction(
    async () => {
      await approveBatch(id);
      return awaitBatch(id, (b) => b.status !== 'GENERATED');
    },
    // The outcome is said by the batch screen: this panel leaves once the batch is approved.
    { success: '', invalidate: [batchKeys.all], onSuccess: (b) => onChanged(b, 'Batch approved. It can now be exported.') },
  );
  const generatedByMe = !!batch.generatedBy && batch.generatedBy === me.id;

  if (generatedByMe) {
    return (
      <div>
        <Callout tone="warn" title="You cannot approve this batch">
          <p id={explanationId}>
            You generated this batch, and the person who generates a batch cannot also approve it: a second admin of
            your agency must check and approve it before any money can move. Ask another admin to approve it.
          </p>
        </Callout>
        <Button variant="primary" disabled aria-describedby={explanationId}>Approve batch</Button>
      </div>
    );
  }
  return (
    <div>
      <p>
        Check the lines below, then approve. You cannot approve it if you last edited the bank details of one of the
        creators it pays.
      </p>
      <Button variant="primary" busy={action.pending} busyLabel="Approving…" onClick={() => action.run(undefined)}>
        Approve batch
      </Button>
      <ActionStatus action={action} working="Approving…" />
    </div>
  );
}
