import { readFile } from 'node:fs/promises';
import { approveInvoice, submitInvoice, unique } from '../support/flows';
import { expect, test, USERS } from '../support/people';

/**
 * A tenant admin's other daily work, each action as they would click it: an invoice rejected with a reason the
 * creator reads; a creator invited; a pod made with a manager and that creator; the creator's bank details set by the
 * admin, who then sees only the mask; a batch cancelled with a reason; the audit log filtered, the chain verified, the
 * signed digests downloaded and checked against the file; a purge run now.
 */
test('an admin rejects, invites, makes a pod, cancels a batch, verifies the audit log and purges', async ({ signIn }) => {
  const creator = await signIn(USERS.creator1);
  const admin = await signIn(USERS.admin);
  const { page } = admin;

  // An invoice rejected with a reason; the creator reads it.
  const rejected = await submitInvoice(creator, { amount: '13.00', proof: `https://video.example.com/watch/${unique()}` });
  await admin.open('Invoices');
  await page.getByRole('combobox', { name: 'Status' }).selectOption('SUBMITTED');
  await page.locator(`a[href="/app/invoices/${encodeURIComponent(rejected)}"]`).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Invoice/ })).toBeVisible();
  // From the keyboard alone: Enter opens the dialog, whose reason takes the focus; Tab reaches the confirmation.
  await page.getByRole('button', { name: /^Reject invoice of/ }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Reject this invoice?' });
  await expect(dialog.getByRole('textbox', { name: /^Reason for the creator/ })).toBeFocused();
  await page.keyboard.type('The video is not the one agreed in the brief.');
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Reject invoice' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: /rejected\.$/ })).toBeVisible();
  await admin.screen('admin-invoice-rejected');
  await creator.page.goto(`/app/invoices/${encodeURIComponent(rejected)}`);
  await expect(creator.page.getByText('The video is not the one agreed in the brief.')).toBeVisible();

  // A user invited; the list shows them.
  const invitee = `creator-${unique()}@demo.claraop.dev`;
  await admin.open('Users and pods');
  const invite = page.getByRole('form', { name: 'Invite a user' });
  await invite.getByRole('textbox', { name: /^E-mail/ }).fill(invitee);
  await invite.getByRole('combobox', { name: 'Role' }).selectOption('CREATOR');
  await invite.getByRole('button', { name: 'Invite' }).click();
  await expect(invite.getByRole('status').filter({ hasText: `Invitation sent to ${invitee}` })).toBeVisible();
  await expect(page.getByRole('cell', { name: invitee })).toBeVisible();

  // A pod with the demo manager and the creator just invited (a creator already in a pod cannot join a second).
  const podName = `Pod ${unique()}`;
  await page.getByRole('button', { name: 'New pod' }).click();
  const pod = page.getByRole('form', { name: 'New pod' });
  await pod.getByRole('textbox', { name: /^Pod id/ }).fill(`pod-${unique()}`);
  await pod.getByRole('textbox', { name: /^Name/ }).fill(podName);
  await pod.getByRole('combobox', { name: /^Manager/ }).selectOption({ label: USERS.manager });
  await pod.getByRole('checkbox', { name: invitee }).check();
  await pod.getByRole('button', { name: 'Save pod' }).click();
  await expect(pod.getByRole('status').filter({ hasText: `Pod ${podName} saved.` })).toBeVisible();
  await admin.screen('admin-users-and-pods');

  // The admin sets the new creator's bank details: a form that starts empty, then only the mask.
  const inviteeId = (await page.getByRole('region', { name: 'Member list' }).getByRole('row').filter({ hasText: invitee })
    .locator('code').innerText()).trim();
  await admin.open('Payout profiles');
  await page.getByRole('textbox', { name: /^Or a creator's user id/ }).fill(inviteeId);
  await page.getByRole('button', { name: "Set this creator's bank details" }).click();
  const iban = 'DE89370400440532013000';
  const bank = page.getByRole('form', { name: 'Bank details' });
  await expect(bank.getByRole('textbox', { name: /^IBAN/ })).toHaveValue('');
  await bank.getByRole('textbox', { name: /^Account holder/ }).fill('Nova Newcomer');
  await bank.getByRole('textbox', { name: /^Country/ }).fill('DE');
  await bank.getByRole('textbox', { name: /^Currency/ }).fill('EUR');
  await bank.getByRole('textbox', { name: /^IBAN/ }).fill(iban);
  await bank.getByRole('button', { name: 'Save bank details' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Bank details saved.' }).first()).toBeVisible();
  await expect(page.locator('.fact').filter({ hasText: 'IBAN' }).locator('dd')).toHaveText(/^[•*]+\s?\w{0,4}$/);
  expect(await page.content()).not.toContain(iban);
  await admin.screen('admin-payout-profile-set');

  // A batch cancelled with a reason: it closes, and says so.
  const payable = await submitInvoice(creator, { amount: '31.00', proof: `https://video.example.com/watch/${unique()}` });
  await approveInvoice(admin, payable);
  await admin.open('Batches');
  await page.getByRole('textbox', { name: /^Currency/ }).fill('USD');
  await page.getByRole('button', { name: 'Generate batch' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Batch \w{8} generated: \d+ lines/ })).toBeVisible({ timeout: 120_000 });
  await page.getByRole('link', { name: /^Open batch / }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Batch / })).toBeVisible();
  const batchId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
  await page.getByRole('button', { name: 'Cancel batch…' }).click();
  const cancel = page.getByRole('dialog', { name: 'Cancel this batch?' });
  await cancel.getByRole('textbox', { name: /^Reason/ }).fill('Wrong month: regenerate after the 1st.');
  await cancel.getByRole('button', { name: 'Cancel batch' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Batch cancelled/ })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('batch-meaning')).toHaveText('Closed: cancelled before payment.');
  await admin.screen('admin-batch-cancelled');

  // The log, filtered by the batch, shows its cancellation.
  await admin.open('Audit');
  const filters = page.getByRole('form', { name: 'Filter the audit log' });
  await filters.getByRole('textbox', { name: /^Resource/ }).fill(batchId);
  await expect(async () => {
    await filters.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page.getByRole('region', { name: 'Audit entries' }).getByText(/cancel/)).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await admin.screen('admin-audit-log-filtered');

  // The audit chain verified; the signed digests downloaded, then checked against that very file.
  await page.getByRole('navigation', { name: 'Audit views' }).getByRole('link', { name: 'Integrity' }).click();
  await page.getByRole('button', { name: 'Verify chain' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Verified: the chain is intact.' })).toBeVisible({ timeout: 60_000 });
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download digests' }).click();
  const download = await downloading;
  const file = await download.path();
  const held = JSON.parse(await readFile(file, 'utf8')) as { digests: unknown[] };
  expect(Array.isArray(held.digests)).toBe(true);
  if (held.digests.length === 0) {
    // A suite started today has sealed no day yet, and says so.
    await expect(page.getByRole('status').filter({ hasText: 'No day is sealed yet' })).toBeVisible();
  } else {
    await expect(page.getByRole('status').filter({ hasText: `Downloaded ${held.digests.length} signed digest` })).toBeVisible();
    await page.getByLabel('Digests file').setInputFiles(file);
    await page.getByRole('button', { name: 'Verify against this file' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Verified against your digests: they agree.' })).toBeVisible({ timeout: 60_000 });
  }
  await admin.screen('admin-audit-verified');

  // A purge run now, for the agency: its outcome, and the run in the list.
  await admin.open('Purge runs');
  await page.getByRole('button', { name: 'Purge now' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Purge run finished: \d+ due, \d+ purged, 0 failed\.$/ }))
    .toBeVisible({ timeout: 120_000 });
  await admin.screen('admin-purge-run');
});

/** A platform admin onboards an agency; a creator asks to delete their account and takes it back within the grace. */
test('a platform admin creates a tenant; a creator deletes their account and reactivates it', async ({ signIn }) => {
  const platform = await signIn(USERS.platformAdmin);
  const tenant = `agency-${unique()}`;
  await platform.open('Tenants');
  const form = platform.page.getByRole('form', { name: 'Create a tenant' });
  await form.getByRole('textbox', { name: /^Tenant id/ }).fill(tenant);
  await form.getByRole('textbox', { name: /^Agency name/ }).fill('Northwind Creators');
  await form.getByRole('textbox', { name: /^First admin's e-mail/ }).fill(`owner@${tenant}.example.com`);
  await form.getByRole('button', { name: 'Create tenant' }).click();
  await expect(form.getByRole('status').filter({ hasText: `Tenant ${tenant} created.` })).toBeVisible({ timeout: 60_000 });
  await expect(platform.page.getByRole('cell', { name: tenant })).toBeVisible();
  await platform.screen('platform-admin-tenant-created');

  const creator = await signIn(USERS.creator2);
  const { page } = creator;
  await creator.open('My account');
  await page.getByRole('button', { name: 'Delete my account…' }).click();
  await page.getByRole('dialog', { name: 'Delete your account?' }).getByRole('button', { name: 'Delete my account' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Deletion requested\./ })).toBeVisible();
  await expect(page.getByText('Deletion pending')).toBeVisible();
  await creator.screen('creator-account-deletion-pending');
  await page.getByRole('button', { name: 'Reactivate my account' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your account is active again. Nothing will be erased.' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Delete my account…' })).toBeVisible();
});
