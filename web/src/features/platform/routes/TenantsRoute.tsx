import { useState, type FormEvent } from 'react';
import { ActionStatus, Button, fieldErrors, PageHeading, Section, TableScroll, TextField } from '@/components';
import { useAction } from '@/lib/action';
import { shortId } from '@/lib/format';
import { createTenant, type TenantView } from '../api/platform';

/** A platform admin onboards an agency: the tenant and its first admin, who is invited by e-mail. */
export function TenantsRoute() {
  const [tenantId, setTenantId] = useState('');
  const [name, setName] = useState('');
  const [adminEmail, setAdminEmail] = useState('');
  const [created, setCreated] = useState<TenantView[]>([]);
  const action = useAction(createTenant, {
    success: (t) => `Tenant ${t.tenantId} created. Its first admin is invited and sets a password at first sign-in.`,
    onSuccess: (t) => { setCreated((list) => [t, ...list]); setTenantId(''); setName(''); setAdminEmail(''); },
  });
  const errorFor = fieldErrors(action.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    action.run({ tenantId: tenantId.trim(), name: name.trim(), adminEmail: adminEmail.trim() });
  };
  return (
    <>
      <PageHeading>Tenants</PageHeading>
      <Section title="Create a tenant">
        <form onSubmit={submit} noValidate aria-label="Create a tenant">
          <TextField label="Tenant id" name="tenantId" required value={tenantId} maxLength={40}
            hint="2 to 40 lower-case letters, digits and hyphens" error={errorFor('tenantId')}
            onChange={(e) => setTenantId(e.target.value)} autoComplete="off" />
          <TextField label="Agency name" name="name" required value={name} maxLength={120} error={errorFor('name')}
            onChange={(e) => setName(e.target.value)} />
          <TextField label="First admin's e-mail" name="adminEmail" type="email" required value={adminEmail}
            error={errorFor('adminEmail')} onChange={(e) => setAdminEmail(e.target.value)} autoComplete="off" />
          <Button type="submit" variant="primary" busy={action.pending} busyLabel="Creating…">Create tenant</Button>
          <ActionStatus action={action} working="Creating the tenant…" />
        </form>
      </Section>
      {created.length > 0 ? (
        <Section title="Created just now">
          <TableScroll label="Tenants created just now">
            <table>
              <thead><tr><th scope="col">Tenant</th><th scope="col">Name</th><th scope="col">First admin</th></tr></thead>
              <tbody>
                {created.map((t) => (
                  <tr key={t.tenantId}><td><code>{t.tenantId}</code></td><td>{t.name}</td><td><code>{shortId(t.firstAdminId)}</code></td></tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </Section>
      ) : null}
    </>
  );
}
