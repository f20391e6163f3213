import { useState, type FormEvent } from 'react';
import { ActionStatus, Button, fieldErrors, SelectField, TextField } from '@/components';
import { useAction } from '@/lib/action';
import { putProfile, type PayoutProfileRequest, type PayoutProfileView } from '../api/profiles';

type Scheme = 'IBAN' | 'ACCOUNT';

const EMPTY = { accountHolder: '', country: '', currency: '', iban: '', bic: '', accountNumber: '', routingCode: '',
  taxId: '' };

/**
 * Bank details are write-only: this form is never prefilled (the system cannot show them back, only a mask),
 * every field starts empty, and after saving it is cleared and the masked result is all that is shown.
 */
export function BankDetailsForm({ creatorId, onSaved }: { creatorId: string; onSaved: (p: PayoutProfileView) => void }) {
  const [values, setValues] = useState(EMPTY);
  const [scheme, setScheme] = useState<Scheme>('IBAN');
  const action = useAction((request: PayoutProfileRequest) => putProfile(creatorId, request), {
    // The answer is the masked profile as stored; reading it again could meet the read model a moment behind.
    success: 'Bank details saved. Only their masked form is shown from now on.',
    onSuccess: (profile) => {
      setValues(EMPTY);
      onSaved(profile);
    },
  });
  const errorFor = fieldErrors(action.error);
  const set = (field: keyof typeof EMPTY) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [field]: e.target.value }));
  const blankToUndefined = (value: string) => (value.trim() === '' ? undefined : value.trim());

  const submit = (event: FormEvent) => {
    event.preventDefault();
    action.run({
      accountHolder: blankToUndefined(values.accountHolder),
      country: blankToUndefined(values.country.toUpperCase()),
      currency: blankToUndefined(values.currency.toUpperCase()),
      ...(scheme === 'IBAN'
        ? { iban: blankToUndefined(values.iban.replace(/\s+/g, '')), bic: blankToUndefined(values.bic) }
        : { accountNumber: blankToUndefined(values.accountNumber), routingCode: blankToUndefined(values.routingCode) }),
      taxId: blankToUndefined(values.taxId),
    });
  };

  // autoComplete off and no defaultValue anywhere: the browser is not asked to remember or refill bank details.
  return (
    <form onSubmit={submit} noValidate autoComplete="off" aria-label="Bank details">
      <TextField label="Account holder" name="accountHolder" required value={values.accountHolder}
        onChange={set('accountHolder')} error={errorFor('accountHolder')} autoComplete="off" />
      <div className="row">
        <TextField label="Country" name="country" required maxLength={2} hint="Two letters, e.g. GB" value={values.country}
          onChange={set('country')} error={errorFor('country')} autoComplete="off" />
        <TextField label="Currency" name="currency" required maxLength={3} hint="e.g. USD" value={values.currency}
          onChange={set('currency')} error={errorFor('currency')} autoComplete="off" />
      </div>
      <SelectField label="Account type" name="scheme" value={scheme} onChange={(e) => setScheme(e.target.value as Scheme)}
        options={[{ value: 'IBAN', label: 'IBAN and BIC' }, { value: 'ACCOUNT', label: 'Account number and routing code' }]} />
      {scheme === 'IBAN' ? (
        <div className="row">
          <TextField label="IBAN" name="iban" required value={values.iban} onChange={set('iban')} error={errorFor('iban')}
            autoComplete="off" spellCheck={false} />
          <TextField label="BIC" name="bic" value={values.bic} onChange={set('bic')} error={errorFor('bic')}
            autoComplete="off" spellCheck={false} />
        </div>
      ) : (
        <div className="row">
          <TextField label="Account number" name="accountNumber" required value={values.accountNumber}
            onChange={set('accountNumber')} error={errorFor('accountNumber')} autoComplete="off" spellCheck={false} />
          <TextField label="Routing code" name="routingCode" required value={values.routingCode}
            onChange={set('routingCode')} error={errorFor('routingCode')} autoComplete="off" spellCheck={false} />
        </div>
      )}
      <TextField label="Tax id" name="taxId" value={values.taxId} onChange={set('taxId')} error={errorFor('taxId')}
        hint="Optional" autoComplete="off" spellCheck={false} />
      <Button type="submit" variant="primary" busy={action.pending} busyLabel="Saving…">Save bank details</Button>
      <ActionStatus action={action} working="Saving the bank details…" />
    </form>
  );
}
