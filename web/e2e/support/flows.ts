import { expect, type Person } from './people';

/** A creator submits an invoice through the console; returns its id (from the page it lands on). */
export async function submitInvoice(creator: Person, { amount, currency = 'USD', proof }: { amount: string; currency?: string; proof: string }):
  Promise<string> {
  const { page } = creator;
  await creator.open('Invoices');
  await page.getByRole('link', { name: 'Submit an invoice' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Submit an invoice' })).toBeVisible();
  await expect(page.getByText('Loading your campaigns…')).toHaveCount(0);
  const campaign = page.getByRole('combobox', { name: /^Campaign/ });
  const campaignRef = page.getByRole('textbox', { name: /^Campaign reference/ });
  await expect(campaign.or(campaignRef).first()).toBeVisible();
  if (await campaign.isVisible()) {
    const values = await campaign.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    const known = values.find((v) => v === 'demo-campaign-1') ?? values.find((v) => v && v !== '__other__');
    if (known) {
      await campaign.selectOption(known);
    } else {
      await campaign.selectOption('__other__');
      await page.getByRole('textbox', { name: /^Campaign reference/ }).fill('demo-campaign-1');
    }
  } else {
    await campaignRef.fill('demo-campaign-1');
  }
  await page.getByRole('textbox', { name: /^Amount/ }).fill(amount);
  await page.getByRole('textbox', { name: /^Currency/ }).fill(currency);
  await page.getByRole('textbox', { name: /^Proof 1 link/ }).fill(proof);
  await page.getByRole('button', { name: 'Submit invoice' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Invoice submitted' })).toBeVisible();
  const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
  expect(id).not.toBe('new');
  return id;
}

/** Someone who may decide invoices approves one, from the list of those waiting, by its reference link. */
export async function approveInvoice(reviewer: Person, invoiceId: string): Promise<void> {
  const { page } = reviewer;
  await reviewer.open('Invoices');
  await page.getByRole('combobox', { name: 'Status' }).selectOption('SUBMITTED');
  await page.locator(`a[href="/app/invoices/${encodeURIComponent(invoiceId)}"]`).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Invoice/ })).toBeVisible();
  await page.getByRole('button', { name: /^Approve invoice of/ }).click();
  await expect(page.getByRole('status').filter({ hasText: /approved\.$/ })).toBeVisible();
}

export const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;

/** A support engineer asks for read access to the demo tenant's payouts for a ticket, from the request form. */
export async function requestAccess(support: Person, ticket: string): Promise<void> {
  const s = support.page;
  await support.open('Staff access');
  const form = s.getByRole('form', { name: 'Request access' });
  await form.getByRole('textbox', { name: /^Tenant/ }).fill('demo');
  await form.getByRole('textbox', { name: /^Ticket/ }).fill(ticket);
  await form.getByRole('combobox', { name: 'Reason' }).selectOption('SUPPORT_TICKET');
  await form.getByRole('checkbox', { name: /^Payouts/ }).check();
  await form.getByRole('combobox', { name: 'Duration' }).selectOption('60');
  await form.getByRole('textbox', { name: /^Justification/ }).fill('The agency reports a batch total that looks wrong; I need to read its batches.');
  await form.getByRole('button', { name: 'Request access' }).click();
  await expect(s.getByRole('status').filter({ hasText: /sent to demo/ })).toBeVisible();
}
