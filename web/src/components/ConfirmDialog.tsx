import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Button } from './Button';
import { TextAreaField } from './Field';
import './components.css';

/**
 * A modal question before an action that cannot be taken back (cancel a batch, reject an invoice). With
 * `reason`, it asks why, and the answer goes with the action. Escape or "Keep it" closes it unchanged; focus
 * returns where it was.
 */
export function ConfirmDialog({ open, title, children, confirmLabel, busyLabel = 'Working…', busy = false,
  danger = false, reason, reasonError, onConfirm, onClose }: {
  open: boolean;
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  busyLabel?: string;
  busy?: boolean;
  danger?: boolean;
  reason?: { label: string; hint?: string; maxLength?: number };
  reasonError?: string;
  onConfirm: (reason: string) => void;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<Element | null>(null);
  const titleId = useId();
  const [text, setText] = useState('');

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement;
      setText('');
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    } else if (!open && dialog.open) {
      if (typeof dialog.close === 'function') dialog.close();
      else dialog.removeAttribute('open');
      if (opener.current instanceof HTMLElement) opener.current.focus();
    }
  }, [open]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onConfirm(text.trim());
  };

  return (
    <dialog ref={ref} className="dialog" aria-labelledby={titleId}
      onCancel={(event) => { event.preventDefault(); if (!busy) onClose(); }}>
      {open ? (
        <form onSubmit={submit} noValidate>
          <h2 id={titleId}>{title}</h2>
          {children}
          {reason ? (
            <TextAreaField label={reason.label} hint={reason.hint} name="reason" required value={text}
              maxLength={reason.maxLength} error={reasonError} onChange={(e) => setText(e.target.value)} autoFocus />
          ) : null}
          <div className="dialog-actions">
            <Button type="submit" variant={danger ? 'danger' : 'primary'} busy={busy} busyLabel={busyLabel}
              disabled={!!reason && text.trim() === ''}>
              {confirmLabel}
            </Button>
            <Button onClick={onClose} disabled={busy}>Keep it</Button>
          </div>
        </form>
      ) : null}
    </dialog>
  );
}
