import { requestAccess, unique } from '../support/flows';
import { expect, test, USERS, type Person } from '../support/people';

/** The row of a staff-access table (by its label) that holds a ticket. */
const rowOf = (person: Person, table: string, ticket: string) =>
  person.page.getByRole('region', { name: `${table}: list` }).getByRole('row').filter({ hasText: ticket });

/**
 * Staff access decided every other way: a support reviewer approves an escalation; a tenant admin denies a request
 * with a reason, and revokes a grant they consented to, which the engineer then no longer holds.
 */
test('a reviewer approves an escalation; a tenant admin denies one request and revokes another grant', async ({ signIn }) => {
  const support = await signIn(USERS.support);
  const escalated = `SUP-${unique()}`;
  const denied = `SUP-${unique()}`;
  const revoked = `SUP-${unique()}`;
  for (const ticket of [escalated, denied, revoked]) await requestAccess(support, ticket);

  // A reviewer decides the escalation (the engineer is not the reviewer, so four eyes hold).
  const reviewer = await signIn(USERS.reviewer);
  await reviewer.open('Staff access');
  await rowOf(reviewer, 'Escalations to decide', escalated).getByRole('button', { name: /^Approve request/ }).click();
  await expect(reviewer.page.getByRole('status').filter({ hasText: /approved: access is active/ })).toBeVisible();
  await reviewer.screen('reviewer-escalation-approved');

  // The tenant admin denies one, saying why, and consents to the other.
  const admin = await signIn(USERS.admin);
  const a = admin.page;
  await admin.open('Staff access');
  await rowOf(admin, 'Requests awaiting your consent', denied).getByRole('button', { name: /^Deny request/ }).click();
  const deny = a.getByRole('dialog', { name: /^Deny request / });
  await deny.getByRole('textbox', { name: /^Reason for the requester/ }).fill('Please ask the agency owner on the ticket first.');
  await deny.getByRole('button', { name: 'Deny' }).click();
  await expect(a.getByRole('status').filter({ hasText: /denied\.$/ })).toBeVisible();
  await rowOf(admin, 'Requests awaiting your consent', revoked).getByRole('button', { name: /^Consent request/ }).click();
  await expect(a.getByRole('status').filter({ hasText: /approved: access is active/ })).toBeVisible();

  // ... and revokes that grant: it admits no further reads.
  await rowOf(admin, 'Active grants', revoked).getByRole('button', { name: /^Revoke grant/ }).click();
  await a.getByRole('dialog', { name: /^Revoke grant / }).getByRole('button', { name: 'Revoke' }).click();
  await expect(a.getByRole('status').filter({ hasText: /revoked: it admits no further reads\.$/ })).toBeVisible();
  await expect(rowOf(admin, 'Active grants', revoked)).toHaveCount(0);
  await admin.screen('admin-staff-access-decided');

  // The engineer holds the escalated grant, and neither the denied request nor the revoked grant.
  await support.page.reload();
  await expect(rowOf(support, 'Your active grants', escalated)).toBeVisible();
  await expect(rowOf(support, 'Your active grants', denied)).toHaveCount(0);
  await expect(rowOf(support, 'Your active grants', revoked)).toHaveCount(0);
  await support.screen('support-grants-after-decisions');

  // The escalated grant ends with its ticket.
  await support.page.getByRole('form', { name: 'Close a ticket' }).getByRole('textbox', { name: /^Ticket/ }).fill(escalated);
  await support.page.getByRole('button', { name: 'Close ticket' }).click();
  await expect(support.page.getByRole('status').filter({ hasText: /closed: 1 grant ended/ })).toBeVisible();
});
