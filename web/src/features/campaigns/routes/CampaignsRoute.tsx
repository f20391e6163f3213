import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ActionStatus, Button, EmptyState, fieldErrors, PageHeading, QueryState, Section, StatusBadge, TableScroll,
  TextField, Time } from '@/components';
import { useAction } from '@/lib/action';
import { hasRole } from '@/lib/roles';
import { useMe } from '@/lib/session';
import { campaignKeys, createCampaign, listCampaigns, type CampaignView } from '../api/campaigns';

/**
 * Campaigns: an admin sees all, a manager their own and their inbox's drafts, a creator those they invoiced.
 * Admins and managers create campaigns by hand; the inbox drafts others, naming the cues that found them.
 */
export function CampaignsRoute() {
  const me = useMe();
  const canCreate = hasRole(me, 'ADMIN', 'MANAGER');
  const query = useQuery({ queryKey: campaignKeys.all, queryFn: ({ signal }) => listCampaigns(signal) });
  return (
    <>
      <PageHeading>Campaigns</PageHeading>
      {canCreate ? <Section title="Create a campaign"><CreateCampaignForm /></Section> : null}
      <QueryState query={query} loading="Loading campaigns…">
        {(campaigns) => {
          const drafts = campaigns.filter((c) => c.source && c.source !== 'MANUAL');
          const others = campaigns.filter((c) => !c.source || c.source === 'MANUAL');
          return (
            <>
              <Section title="Campaigns">
                {others.length === 0 ? (
                  <EmptyState title="No campaigns yet.">
                    <p>{canCreate ? 'Create one above, or connect an inbox to draft them from brand-deal mail.'
                      : 'Campaigns you invoice appear here.'}</p>
                  </EmptyState>
                ) : <CampaignTable label="Campaign list" campaigns={others} />}
              </Section>
              {canCreate ? (
                <Section title="Drafts from the inbox">
                  {drafts.length === 0 ? (
                    <EmptyState title="No drafts from the inbox.">
                      <p>Connect Gmail under Inbox: brand-deal mail becomes draft campaigns here.</p>
                    </EmptyState>
                  ) : <CampaignTable label="Draft list" campaigns={drafts} withCues />}
                </Section>
              ) : null}
            </>
          );
        }}
      </QueryState>
    </>
  );
}

function CampaignTable({ label, campaigns, withCues = false }: { label: string; campaigns: CampaignView[]; withCues?: boolean }) {
  return (
    <TableScroll label={label}>
      <table>
        <thead>
          <tr>
            <th scope="col">Campaign</th><th scope="col">Brand</th><th scope="col">Status</th>
            {withCues ? <th scope="col">Cues that fired</th> : null}
            <th scope="col">{withCues ? 'Detected' : 'Created'}</th><th scope="col">Reference</th>
          </tr>
        </thead>
        <tbody>
          {campaigns.map((c) => (
            <tr key={c.id}>
              <td>{c.name}</td>
              <td>{c.brand}{c.brandDomain ? <div className="muted">{c.brandDomain}</div> : null}</td>
              <td><StatusBadge status={c.status} /></td>
              {withCues ? <td>{(c.cues ?? []).join(', ') || '—'}</td> : null}
              <td><Time value={withCues ? (c.detectedAt ?? c.createdAt) : c.createdAt} /></td>
              <td><code>{c.id}</code></td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function CreateCampaignForm() {
  const [name, setName] = useState('');
  const [brand, setBrand] = useState('');
  const action = useAction(createCampaign, {
    success: (c) => `Campaign “${c.name}” created.`,
    invalidate: [campaignKeys.all],
    onSuccess: () => { setName(''); setBrand(''); },
  });
  const errorFor = fieldErrors(action.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    action.run({ name: name.trim(), brand: brand.trim() });
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Create a campaign">
      <div className="row">
        <TextField label="Name" name="name" required maxLength={120} value={name} error={errorFor('name')}
          onChange={(e) => setName(e.target.value)} />
        <TextField label="Brand" name="brand" required maxLength={120} value={brand} error={errorFor('brand')}
          onChange={(e) => setBrand(e.target.value)} />
      </div>
      <Button type="submit" variant="primary" busy={action.pending} busyLabel="Creating…">Create campaign</Button>
      <ActionStatus action={action} working="Creating the campaign…" />
    </form>
  );
}
