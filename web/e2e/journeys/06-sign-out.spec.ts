import { expect, GATEWAY, test, USERS } from '../support/people';

test('after signing out, the back button shows no data', async ({ signIn }) => {
  const admin = await signIn(USERS.admin);
  const { page } = admin;
  await admin.open('Batches');
  await expect(page.getByRole('heading', { level: 1, name: 'Payout batches' })).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL((url) => !url.href.startsWith(`${GATEWAY}/app`), { timeout: 60_000 });
  admin.signedOut = true;

  await page.goBack();
  await page.waitForLoadState('load');
  // The console is not shown again: the gateway sends a browser without a session to the sign-in page.
  await expect(page.getByRole('heading', { name: 'Payout batches' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Batch list' })).toHaveCount(0);
  expect(page.url()).not.toMatch(new RegExp(`^${GATEWAY}/app/batches`));
  const status = await page.evaluate(async (gateway) =>
    fetch(`${gateway}/api/batches`, { credentials: 'include' }).then((r) => r.status).catch(() => 0), GATEWAY);
  expect([0, 401]).toContain(status);
});
