import { requestAccess, unique } from '../support/flows';
import { expect, test, USERS } from '../support/people';

test('staff access: requested by support, consented by the tenant admin, used to read batches, seen in access transparency', async ({ signIn }) => {
  const ticket = `SUP-${unique()}`;
  const support = await signIn(USERS.support);
  await support.screen('support-home');
  await requestAccess(support, ticket);
  const s = support.page;
  await support.screen('support-access-requested');

  // The demo admin consents in the console.
  const admin = await signIn(USERS.admin);
  await admin.open('Staff access');
  const a = admin.page;
  const request = a.getByRole('region', { name: 'Requests awaiting your consent: list' }).getByRole('row').filter({ hasText: ticket });
  await expect(request).toBeVisible();
  await admin.screen('admin-staff-access-consent');
  await request.getByRole('button', { name: /^Consent request/ }).click();
  await expect(a.getByRole('status').filter({ hasText: /approved: access is active/ })).toBeVisible();

  // The engineer picks the grant and reads the tenant's batches under it.
  await s.reload();
  const grant = s.getByRole('region', { name: 'Your active grants: list' }).getByRole('row').filter({ hasText: ticket });
  await grant.getByRole('button', { name: /^Work under grant/ }).click();
  await expect(s.getByRole('region', { name: 'Support access in use' })).toContainText('for tenant demo');
  const grantRef = (await grant.locator('td').first().innerText()).trim();
  await support.open('Batches');
  await expect(s.getByRole('heading', { level: 1, name: 'Payout batches' })).toBeVisible();
  await expect(s.getByText(/^Read-only, under support-access grant/)).toBeVisible();
  await expect(s.getByRole('region', { name: 'Batch list' }).or(s.getByText('No batches yet.'))).toBeVisible();
  await support.screen('support-batches-under-grant');

  // The admin sees the read in access transparency (the audit log follows the events within seconds).
  await admin.open('Audit');
  await a.getByRole('navigation', { name: 'Audit views' }).getByRole('link', { name: 'Access transparency' }).click();
  const accesses = a.getByRole('region', { name: 'Staff accesses' });
  await expect(async () => {
    await a.reload();
    await expect(accesses.getByRole('row').filter({ hasText: grantRef }).first()).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await admin.screen('admin-access-transparency');

  // The engineer closes the ticket, which ends the grant.
  await support.open('Staff access');
  await s.getByRole('form', { name: 'Close a ticket' }).getByRole('textbox', { name: /^Ticket/ }).fill(ticket);
  await s.getByRole('button', { name: 'Close ticket' }).click();
  await expect(s.getByRole('status').filter({ hasText: /closed: 1 grant ended/ })).toBeVisible();
});
