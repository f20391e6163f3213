import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, mockFetch, problem } from '@/test/fetchMock';
import { CREATOR, renderAs } from '@/test/render';
import { SubmitInvoiceForm } from './SubmitInvoiceForm';

afterEach(() => vi.unstubAllGlobals());

const campaigns = json({ items: [{ id: 'demo-campaign-1', name: 'Summer glow launch', brand: 'Lumen Skincare', status: 'ACTIVE', source: 'MANUAL' }] });

describe('submitting an invoice', () => {
  it('shows each field error of a 400 beside its field', async () => {
    mockFetch({
      'GET /api/campaigns': campaigns,
      'POST /api/invoices': problem(400, 'Invalid request', { errors: [
        { field: 'amount', message: 'must be at least 0.01' }, { field: 'proofs[0].url', message: 'must be an https link' }] }),
    });
    renderAs(CREATOR, <SubmitInvoiceForm onSubmitted={() => {}} />);
    await userEvent.selectOptions(await screen.findByRole('combobox', { name: /^Campaign/ }), 'demo-campaign-1');
    await userEvent.type(screen.getByRole('textbox', { name: /^Amount/ }), '0');
    await userEvent.type(screen.getByRole('textbox', { name: /^Proof 1 link/ }), 'http://insecure.example/post');
    await userEvent.click(screen.getByRole('button', { name: 'Submit invoice' }));

    const amount = screen.getByRole('textbox', { name: /^Amount/ });
    await waitFor(() => expect(amount).toHaveAttribute('aria-invalid', 'true'));
    expect(amount).toHaveAccessibleDescription(/must be at least 0.01/);
    const proof = screen.getByRole('textbox', { name: /^Proof 1 link/ });
    expect(proof).toHaveAttribute('aria-invalid', 'true');
    expect(proof).toHaveAccessibleDescription('must be an https link');
    expect(screen.getByRole('textbox', { name: /^Currency/ })).not.toHaveAttribute('aria-invalid');
  });

  it('sends the invoice with its proofs and hands back what the server made', async () => {
    const made = { id: 'inv-9', campaignId: 'demo-campaign-1', amount: 250, currency: 'USD', status: 'SUBMITTED' };
    const api = mockFetch({ 'GET /api/campaigns': campaigns, 'POST /api/invoices': json(made, 201) });
    const onSubmitted = vi.fn();
    renderAs(CREATOR, <SubmitInvoiceForm onSubmitted={onSubmitted} />);
    await userEvent.selectOptions(await screen.findByRole('combobox', { name: /^Campaign/ }), 'demo-campaign-1');
    await userEvent.type(screen.getByRole('textbox', { name: /^Amount/ }), '250.00');
    await userEvent.type(screen.getByRole('textbox', { name: /^Proof 1 link/ }), 'https://video.example/watch/1');
    await userEvent.click(screen.getByRole('button', { name: 'Submit invoice' }));
    await waitFor(() => expect(onSubmitted).toHaveBeenCalledWith(made));
    expect(api.last('POST', '/api/invoices')?.body).toEqual({ campaignId: 'demo-campaign-1', amount: 250, currency: 'USD',
      proofs: [{ url: 'https://video.example/watch/1' }] });
  });
});
