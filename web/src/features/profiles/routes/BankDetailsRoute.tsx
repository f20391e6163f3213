import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Callout, EmptyState, PageHeading, QueryState, Section } from '@/components';
import { useMe } from '@/lib/session';
import { getProfile, profileKeys, type PayoutProfileView } from '../api/profiles';
import { BankDetailsForm } from '../components/BankDetailsForm';
import { MaskedProfile } from '../components/MaskedProfile';

/** A creator's own bank details: the masked version on file, and a blank form to replace them. */
export function BankDetailsRoute() {
  const me = useMe();
  const client = useQueryClient();
  const query = useQuery({ queryKey: profileKeys.one(me.id), queryFn: ({ signal }) => getProfile(me.id, signal) });
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const onSaved = (profile: PayoutProfileView) => {
    client.setQueryData(profileKeys.one(me.id), profile);
    setEditing(false);
    setSaved(true);
  };
  return (
    <>
      <PageHeading>Bank details</PageHeading>
      <p className="muted">
        Where your payouts go. The details are encrypted as soon as they arrive; nobody can read them back here, not
        even you: only the last characters are shown.
      </p>
      <p className="action-status" role="status" aria-live="polite">
        {saved && !editing ? 'Bank details saved. Only their masked form is shown.' : ''}
      </p>
      <QueryState query={query} loading="Loading your bank details…">
        {(profile) => (
          <>
            <Section title="On file">
              {profile ? <MaskedProfile profile={profile} /> : (
                <EmptyState title="No bank details on file yet.">
                  <p>Add them below so your approved invoices can be paid.</p>
                </EmptyState>
              )}
            </Section>
            {profile && !editing ? (
              <Button variant="primary" onClick={() => { setSaved(false); setEditing(true); }}>Replace bank details</Button>
            ) : (
              <Section title={profile ? 'Replace bank details' : 'Add bank details'}>
                <Callout>
                  <p>For your protection this form always starts empty. Enter the complete details; they replace what is on file.</p>
                </Callout>
                <BankDetailsForm creatorId={me.id} onSaved={onSaved} />
                {profile ? <Button variant="link" onClick={() => setEditing(false)}>Keep the details on file</Button> : null}
              </Section>
            )}
          </>
        )}
      </QueryState>
    </>
  );
}
