import { expect, test, USERS } from '../support/people';

test('an admin connects Gmail through Google’s consent (the stand-in), sees draft campaigns, syncs and disconnects', async ({ signIn }) => {
  const admin = await signIn(USERS.admin);
  const { page } = admin;
  await admin.open('Inbox');
  await admin.screen('admin-inbox');
  await page.getByRole('button', { name: 'Connect Gmail' }).click();
  // Google (the stand-in) consents and redirects through the service back to the console.
  await page.waitForURL((url) => url.pathname === '/app/inbox', { timeout: 60_000 });
  await expect(page.getByRole('status').filter({ hasText: /^Gmail connected/ })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /^The first sync is running/ })).toBeVisible();
  const drafts = page.getByRole('region', { name: 'Drafted campaigns' });
  await expect(async () => {
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect(drafts.getByRole('row').nth(1)).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 90_000 });
  await admin.screen('admin-inbox-connected-drafts');
  await admin.open('Campaigns');
  await expect(page.getByRole('region', { name: 'Drafts from the inbox' })).toBeVisible();
  await admin.screen('admin-campaigns');

  // Sync now, then disconnect: Google's access is revoked, the drafts stay.
  await admin.open('Inbox');
  await page.getByRole('button', { name: /^Sync inbox \S+ now$/ }).first().click();
  await expect(page.getByRole('status').filter({ hasText: /^Sync requested/ })).toBeVisible();
  await page.getByRole('button', { name: /^Disconnect inbox / }).first().click();
  await page.getByRole('dialog', { name: 'Disconnect this inbox?' }).getByRole('button', { name: 'Disconnect' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Inbox \S+ disconnected: Google’s access was revoked/ })).toBeVisible();
  await expect(drafts.getByRole('row').nth(1)).toBeVisible();
  await admin.screen('admin-inbox-disconnected');
});
