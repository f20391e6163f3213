import { submitInvoice, unique } from '../support/flows';
import { expect, test, USERS } from '../support/people';

test('a manager decides an invoice of a creator in their pod', async ({ signIn }) => {
  const creator = await signIn(USERS.creator1);
  const invoice = await submitInvoice(creator, { amount: '77.00', proof: `https://video.example.com/watch/${unique()}` });

  const manager = await signIn(USERS.manager);
  const { page } = manager;
  await manager.screen('manager-home');
  await manager.open('Invoices');
  await page.getByRole('combobox', { name: 'Status' }).selectOption('SUBMITTED');
  await manager.screen('manager-invoices-to-decide');
  await page.locator(`a[href="/app/invoices/${encodeURIComponent(invoice)}"]`).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Invoice/ })).toBeVisible();
  await page.getByRole('button', { name: /^Approve invoice of/ }).click();
  await expect(page.getByRole('status').filter({ hasText: /approved\.$/ })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Approved');
  await manager.screen('manager-invoice-approved');

  // The creator sees the decision.
  await creator.page.goto(`/app/invoices/${encodeURIComponent(invoice)}`);
  await expect(creator.page.getByRole('heading', { level: 1 })).toContainText('Approved');
});
