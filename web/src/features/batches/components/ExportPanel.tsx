import { useState, type FormEvent } from 'react';
import { ActionStatus, Button, fieldErrors, SelectField, TextField } from '@/components';
import { useAction } from '@/lib/action';
import { saveFile } from '@/lib/http';
import { awaitBatch, batchKeys, exportBatch, type BatchView, type ExportFormat, type ExportedFile } from '../api/batches';

/**
 * Export a bank file (pain.001 XML or CSV). The only place bank details are decrypted, so the purpose is
 * required and recorded with the export. The file is downloaded; the screen says how many payments it holds.
 */
export function ExportPanel({ batch, linesShown, onChanged }: {
  batch: BatchView; linesShown: number; onChanged: (b: BatchView) => void }) {
  const id = batch.id ?? '';
  const [purpose, setPurpose] = useState('');
  const [format, setFormat] = useState<ExportFormat>('PAIN_001');
  const [file, setFile] = useState<ExportedFile | null>(null);
  const action = useAction(
    async (args: { purpose: string; format: ExportFormat }) => {
      const exported = await exportBatch(id, args.purpose, args.format);
      saveFile(exported.blob, exported.fileName);
      setFile(exported);
      onChanged(await awaitBatch(id, (b) => b.status === 'EXPORTED'));
      return exported;
    },
    {
      success: (f) => `Downloaded ${f.fileName}${f.transactions !== undefined ? `: ${f.transactions} payments` : ''}.`,
      invalidate: [batchKeys.all],
    },
  );
  const errorFor = fieldErrors(action.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFile(null);
    action.run({ purpose: purpose.trim(), format });
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Export a bank file">
      <p className="muted">
        Exporting decrypts the creators' bank details into the file. Say why; the purpose is recorded in the audit log.
      </p>
      <TextField label="Purpose" name="purpose" value={purpose} required maxLength={200}
        hint="For example: payment run of 14 May, upload to the bank portal" error={errorFor('purpose')}
        onChange={(e) => setPurpose(e.target.value)} />
      <SelectField label="Format" name="format" value={format} error={errorFor('format')}
        onChange={(e) => setFormat(e.target.value as ExportFormat)}
        options={[{ value: 'PAIN_001', label: 'ISO 20022 pain.001 (XML)' }, { value: 'CSV', label: 'CSV' }]} />
      <Button type="submit" variant="primary" busy={action.pending} busyLabel="Exporting…">Export and download</Button>
      <ActionStatus action={action} working="Preparing the bank file…" />
      {file && !action.pending ? (
        <dl className="facts" aria-label="Exported file">
          <div className="fact"><dt>File</dt><dd>{file.fileName}</dd></div>
          <div className="fact">
            <dt>Payments in the file</dt>
            <dd data-testid="export-transactions">{file.transactions ?? 'unknown'}</dd>
          </div>
          <div className="fact"><dt>Lines in the batch</dt><dd>{linesShown}</dd></div>
          {file.sha256 ? <div className="fact"><dt>SHA-256</dt><dd><code>{file.sha256}</code></dd></div> : null}
        </dl>
      ) : null}
    </form>
  );
}
