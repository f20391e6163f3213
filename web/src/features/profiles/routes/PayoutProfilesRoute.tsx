import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Callout, EmptyState, PageHeading, QueryState, Section, SelectField, TextField } from '@/components';
import { getProfile, listCreators, profileKeys, type PayoutProfileView } from '../api/profiles';
import { BankDetailsForm } from '../components/BankDetailsForm';
import { MaskedProfile } from '../components/MaskedProfile';

/** An admin reads creators' payout profiles (masked) and can set a creator's bank details. */
export function PayoutProfilesRoute() {
  const creators = useQuery({ queryKey: profileKeys.creators(), queryFn: ({ signal }) => listCreators(signal) });
  const [chosen, setChosen] = useState('');
  const [typed, setTyped] = useState('');
  const creatorId = chosen || typed.trim();
  return (
    <>
      <PageHeading>Payout profiles</PageHeading>
      <p className="muted">Creators' bank details, masked. Setting them makes you their last editor: you then cannot
        approve a batch that pays them.</p>
      <Section title="Choose a creator">
        <QueryState query={creators} loading="Loading creators…">
          {(list) => list.length > 0 ? (
            <SelectField label="Creator" name="creator" value={chosen} onChange={(e) => setChosen(e.target.value)}
              options={[{ value: '', label: 'Choose a creator' }, ...list.map((c) => ({ value: c.id, label: c.name }))]} />
          ) : <p className="muted">No creator has invoiced yet; enter a creator's user id below.</p>}
        </QueryState>
        {!chosen ? (
          <TextField label="Or a creator's user id" name="creatorId" value={typed} onChange={(e) => setTyped(e.target.value)}
            autoComplete="off" />
        ) : null}
      </Section>
      {creatorId ? <CreatorProfile key={creatorId} creatorId={creatorId} /> : null}
    </>
  );
}

function CreatorProfile({ creatorId }: { creatorId: string }) {
  const client = useQueryClient();
  const query = useQuery({ queryKey: profileKeys.one(creatorId), queryFn: ({ signal }) => getProfile(creatorId, signal) });
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const onSaved = (profile: PayoutProfileView) => {
    client.setQueryData(profileKeys.one(creatorId), profile);
    setEditing(false);
    setSaved(true);
  };
  return (
    <Section title="Payout profile">
      <p className="action-status" role="status" aria-live="polite">{saved && !editing ? 'Bank details saved.' : ''}</p>
      <QueryState query={query} loading="Loading the profile…">
        {(profile) => (
          <>
            {profile ? <MaskedProfile profile={profile} /> : (
              <EmptyState title="No bank details on file for this creator.">
                <p>The creator can add them under Bank details, or you can set them here.</p>
              </EmptyState>
            )}
            {editing ? (
              <>
                <Callout><p>The form starts empty: enter the complete details, which replace what is on file.</p></Callout>
                <BankDetailsForm creatorId={creatorId} onSaved={onSaved} />
                <Button variant="link" onClick={() => setEditing(false)}>Keep what is on file</Button>
              </>
            ) : (
              <Button onClick={() => { setSaved(false); setEditing(true); }}>Set this creator's bank details</Button>
            )}
          </>
        )}
      </QueryState>
    </Section>
  );
}
