import type { ReactNode } from 'react';
import { Facts, Time } from '@/components';
import type { PayoutProfileView } from '../api/profiles';

/** What the system shows of bank details: masks only (`••••1234`), never the numbers. */
export function MaskedProfile({ profile }: { profile: PayoutProfileView }) {
  const items: [string, ReactNode][] = [['Account holder', profile.accountHolder ?? '—']];
  if (profile.country) items.push(['Country', profile.country]);
  if (profile.currency) items.push(['Currency', profile.currency]);
  if (profile.iban) items.push(['IBAN', <code key="iban">{profile.iban}</code>]);
  if (profile.bic) items.push(['BIC', <code key="bic">{profile.bic}</code>]);
  if (profile.accountNumber) items.push(['Account number', <code key="acc">{profile.accountNumber}</code>]);
  if (profile.routingCode) items.push(['Routing code', <code key="rt">{profile.routingCode}</code>]);
  if (profile.taxId) items.push(['Tax id', <code key="tax">{profile.taxId}</code>]);
  if (profile.updatedAt) items.push(['Last changed', <Time key="t" value={profile.updatedAt} />]);
  return <Facts items={items} />;
}
