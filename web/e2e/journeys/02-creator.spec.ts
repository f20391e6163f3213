import { submitInvoice, unique } from '../support/flows';
import { expect, test, USERS } from '../support/people';

test('a creator submits an invoice with a proof, sets bank details and then sees only the mask, and cannot reach another creator’s data', async ({ signIn }) => {
  // Another creator's invoice, to try to reach later.
  const other = await signIn(USERS.creator2);
  await other.open('Invoices');
  let othersInvoice = await other.page.locator('a[href^="/app/invoices/"]:not([href="/app/invoices/new"])').first().getAttribute('href').catch(() => null);
  if (!othersInvoice) {
    const id = await submitInvoice(other, { amount: '40.00', proof: `https://video.example.com/watch/${unique()}` });
    othersInvoice = `/app/invoices/${encodeURIComponent(id)}`;
  }

  const creator = await signIn(USERS.creator1);
  const { page } = creator;
  await creator.screen('creator-home');

  // Submits an invoice with a proof of delivery.
  const proof = `https://video.example.com/watch/${unique()}`;
  await submitInvoice(creator, { amount: '123.45', proof });
  await expect(page.getByRole('link', { name: /^Proof 1: video\.example\.com/ })).toHaveAttribute('href', proof);
  await creator.screen('creator-invoice-submitted');

  // Sets bank details on a form that is never prefilled, then sees only the mask.
  await creator.open('Bank details');
  const replace = page.getByRole('button', { name: 'Replace bank details' });
  await expect(replace.or(page.getByRole('textbox', { name: /^Account holder/ }))).toBeVisible();
  if (await replace.isVisible()) await replace.click();
  const iban = 'GB33BUKB20201555555555';
  for (const name of ['Account holder', 'Country', 'Currency', 'IBAN', 'BIC']) {
    await expect(page.getByRole('textbox', { name: new RegExp(`^${name}`) })).toHaveValue('');
  }
  await creator.screen('creator-bank-details-form');
  await page.getByRole('textbox', { name: /^Account holder/ }).fill('Cleo Creator');
  await page.getByRole('textbox', { name: /^Country/ }).fill('GB');
  await page.getByRole('textbox', { name: /^Currency/ }).fill('USD');
  await page.getByRole('textbox', { name: /^IBAN/ }).fill(iban);
  await page.getByRole('textbox', { name: /^BIC/ }).fill('BUKBGB22');
  await page.getByRole('button', { name: 'Save bank details' }).click();
  await expect(page.getByText('Bank details saved. Only their masked form is shown.')).toBeVisible();
  await expect(page.locator('.fact').filter({ hasText: 'IBAN' }).locator('dd')).toHaveText(/^[•*]+\s?\w{0,4}$/);
  expect(await page.content()).not.toContain(iban);
  await expect(page.getByRole('textbox', { name: /^IBAN/ })).toHaveCount(0);
  await creator.screen('creator-bank-details-masked');

  // Another creator's invoice, opened by its address, is simply not found.
  await page.goto(othersInvoice);
  await expect(page.getByRole('heading', { level: 1, name: 'Invoice not found' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('Not found');
  await creator.screen('creator-other-invoice-not-found');
  // And the admin's screens are not theirs.
  await page.goto('/app/batches');
  await expect(page.getByText('You are not allowed to see this page with your role.')).toBeVisible();
});
