import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ActionStatus, Button, fieldErrors, SelectField, TextField } from '@/components';
import { useAction } from '@/lib/action';
import './invoices.css';
import { invoiceKeys, listCampaigns, submitInvoice, type InvoiceView } from '../api/invoices';

interface ProofDraft {
  key: number;
  url: string;
  deliveredOn: string;
}

const OTHER = '__other__';

/**
 * A creator bills a campaign, with proofs of delivery (https links). Once submitted an invoice can never be
 * edited, so the form says so before it is sent.
 */
export function SubmitInvoiceForm({ onSubmitted }: { onSubmitted: (invoice: InvoiceView) => void }) {
  const campaigns = useQuery({ queryKey: invoiceKeys.campaigns(), queryFn: ({ signal }) => listCampaigns(signal) });
  const known = (campaigns.data ?? []).filter((c) => c.status !== 'DRAFT');
  const [campaign, setCampaign] = useState('');
  const [otherCampaign, setOtherCampaign] = useState('');
  const [amount, setAmount] = useState('');
  const [currency, setCurrency] = useState('USD');
  const [proofs, setProofs] = useState<ProofDraft[]>([{ key: 0, url: '', deliveredOn: '' }]);
  const [nextKey, setNextKey] = useState(1);

  const action = useAction(submitInvoice, {
    success: (invoice) => `Invoice submitted for ${invoice.campaignId}. It waits for a manager or admin to decide.`,
    invalidate: [invoiceKeys.all],
    onSuccess: (invoice) => onSubmitted(invoice),
  });
  const [amountError, setAmountError] = useState<string | undefined>();
  const serverError = fieldErrors(action.error);
  const errorFor = (field: string) => (field === 'amount' && amountError) || serverError(field);

  const chosen = campaign === OTHER || known.length === 0 ? otherCampaign.trim() : campaign;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = amount.trim().replace(',', '.');
    if (value !== '' && !/^\d+(\.\d+)?$/.test(value)) {
      setAmountError('must be a number, e.g. 250.00');
      return;
    }
    setAmountError(undefined);
    action.run({
      campaignId: chosen,
      amount: value === '' ? (null as unknown as number) : Number(value),
      currency: currency.trim().toUpperCase(),
      proofs: proofs.filter((p) => p.url.trim() !== '')
        .map((p) => ({ url: p.url.trim(), ...(p.deliveredOn ? { deliveredOn: p.deliveredOn } : {}) })),
    });
  };
  const setProof = (key: number, change: Partial<ProofDraft>) =>
    setProofs((list) => list.map((p) => (p.key === key ? { ...p, ...change } : p)));

  return (
    <form onSubmit={submit} noValidate aria-label="Submit an invoice">
      {campaigns.isPending ? <p role="status">Loading your campaigns…</p> : null}
      {campaigns.isPending ? null : known.length > 0 ? (
        <SelectField label="Campaign" name="campaignId" required value={campaign} error={campaign === OTHER ? undefined : errorFor('campaignId')}
          onChange={(e) => setCampaign(e.target.value)}
          options={[{ value: '', label: 'Choose a campaign' },
            ...known.map((c) => ({ value: c.id ?? '', label: `${c.name} (${c.brand})` })),
            { value: OTHER, label: 'Another campaign (enter its reference)' }]} />
      ) : null}
      {!campaigns.isPending && (known.length === 0 || campaign === OTHER) ? (
        <TextField label="Campaign reference" name="campaignIdOther" required value={otherCampaign}
          hint="As your agency gave it to you, e.g. demo-campaign-1" error={errorFor('campaignId')}
          onChange={(e) => setOtherCampaign(e.target.value)} />
      ) : null}
      <div className="row">
        <TextField label="Amount" name="amount" required inputMode="decimal" value={amount} autoComplete="off"
          hint="Up to two decimals, e.g. 250.00" error={errorFor('amount')} onChange={(e) => setAmount(e.target.value)} />
        <TextField label="Currency" name="currency" required maxLength={3} value={currency} autoComplete="off"
          hint="ISO 4217 code" error={errorFor('currency')} onChange={(e) => setCurrency(e.target.value.toUpperCase())} />
      </div>
      <fieldset className="proof-list">
        <legend>Proofs of delivery</legend>
        <p className="field-hint">Links (https) to the published post, video or story archive. Up to 10.</p>
        {errorFor('proofs') ? <p className="field-error">{errorFor('proofs')}</p> : null}
        {proofs.map((proof, i) => (
          <div className="row proof-row" key={proof.key}>
            <TextField label={`Proof ${i + 1} link`} name={`proofs[${i}].url`} type="url" value={proof.url}
              placeholder="https://" error={errorFor(`proofs[${i}].url`)}
              onChange={(e) => setProof(proof.key, { url: e.target.value })} />
            <TextField label={`Proof ${i + 1} delivered on`} name={`proofs[${i}].deliveredOn`} type="date"
              value={proof.deliveredOn} error={errorFor(`proofs[${i}].deliveredOn`)}
              onChange={(e) => setProof(proof.key, { deliveredOn: e.target.value })} />
            {proofs.length > 1 ? (
              <div className="field">
                <Button variant="link" onClick={() => setProofs((list) => list.filter((p) => p.key !== proof.key))}>
                  Remove proof {i + 1}
                </Button>
              </div>
            ) : null}
          </div>
        ))}
        {proofs.length < 10 ? (
          <Button onClick={() => { setProofs((list) => [...list, { key: nextKey, url: '', deliveredOn: '' }]); setNextKey(nextKey + 1); }}>
            Add another proof
          </Button>
        ) : null}
      </fieldset>
      <p className="muted">Once submitted, an invoice cannot be changed. Check it before you send it.</p>
      <Button type="submit" variant="primary" busy={action.pending} busyLabel="Submitting…">Submit invoice</Button>
      <ActionStatus action={action} working="Submitting the invoice…" />
    </form>
  );
}
