import { useState } from 'react';
import { ActionStatus, Button, ConfirmDialog, fieldErrors, ProblemMessage } from '@/components';
import { useAction } from '@/lib/action';
import { formatMoney } from '@/lib/format';
import { approveInvoice, invoiceKeys, rejectInvoice, type InvoiceView } from '../api/invoices';

/**
 * Approve a submitted invoice, or reject it with a reason the creator will read. The outcome goes to the screen's
 * own status line (`onDecided`), since these buttons leave once the invoice is decided.
 */
export function DecisionButtons({ invoice, onDecided }: { invoice: InvoiceView; onDecided: (i: InvoiceView, outcome: string) => void }) {
  const id = invoice.id ?? '';
  const who = `${invoice.creatorName ?? 'the creator'}, ${formatMoney(invoice.amount, invoice.currency)}`;
  const [rejecting, setRejecting] = useState(false);
  const approve = useAction(() => approveInvoice(id), {
    success: '', invalidate: [invoiceKeys.all], onSuccess: (i) => onDecided(i, `Invoice of ${who} approved.`),
  });
  const reject = useAction((reason: string) => rejectInvoice(id, reason), {
    success: '', invalidate: [invoiceKeys.all],
    onSuccess: (i) => { setRejecting(false); onDecided(i, `Invoice of ${who} rejected.`); },
  });
  const busy = approve.pending || reject.pending;
  return (
    <div className="decision">
      <div className="row">
        <Button variant="primary" busy={approve.pending} busyLabel="Approving…" disabled={busy}
          aria-label={`Approve invoice of ${who}`} onClick={() => approve.run(undefined)}>
          Approve
        </Button>
        <Button disabled={busy} aria-label={`Reject invoice of ${who}`}
          onClick={() => { reject.reset(); setRejecting(true); }}>
          Reject…
        </Button>
      </div>
      <ActionStatus action={approve} working="Approving…" />
      <ActionStatus action={{ ...reject, error: rejecting ? null : reject.error }} working="Rejecting…" />
      <ConfirmDialog open={rejecting} title="Reject this invoice?" confirmLabel="Reject invoice" busyLabel="Rejecting…"
        danger busy={reject.pending} onClose={() => setRejecting(false)} onConfirm={(reason) => reject.run(reason)}
        reason={{ label: 'Reason for the creator', hint: 'At most 200 characters. No bank details.', maxLength: 200 }}
        reasonError={fieldErrors(reject.error)('reason')}>
        <p>{who}. The creator sees the reason; a rejected invoice is not paid.</p>
        {rejecting && reject.error && !fieldErrors(reject.error)('reason') ? <ProblemMessage error={reject.error} /> : null}
      </ConfirmDialog>
    </div>
  );
}
