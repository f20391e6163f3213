import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, mockFetch, problem } from '@/test/fetchMock';
import { CREATOR, renderAs } from '@/test/render';
import { BankDetailsRoute } from './BankDetailsRoute';

afterEach(() => vi.unstubAllGlobals());

const ON_FILE = { creatorId: CREATOR.id, accountHolder: 'Cleo Creator', country: 'GB', currency: 'USD', iban: '••••5555', bic: '••••GB22' };

describe('a creator’s bank details', () => {
  it('are never prefilled: the form starts empty even with details on file, which show only as a mask', async () => {
    mockFetch({ [`GET /api/payout-profiles/${CREATOR.id}`]: json(ON_FILE) });
    renderAs(CREATOR, <BankDetailsRoute />);
    expect(await screen.findByText('••••5555')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Replace bank details' }));
    for (const name of ['Account holder', 'Country', 'Currency', 'IBAN', 'BIC', 'Tax id']) {
      expect(screen.getByRole('textbox', { name: new RegExp(`^${name}`) })).toHaveValue('');
    }
  });

  it('show only the mask after saving, and the typed numbers are gone from the page', async () => {
    const api = mockFetch({
      [`GET /api/payout-profiles/${CREATOR.id}`]: problem(404, 'Not found'),
      [`PUT /api/payout-profiles/${CREATOR.id}`]: json({ ...ON_FILE, iban: '••••4321', bic: '••••DEFF' }),
    });
    renderAs(CREATOR, <BankDetailsRoute />);
    expect(await screen.findByText('No bank details on file yet.')).toBeInTheDocument();
    await userEvent.type(screen.getByRole('textbox', { name: /^Account holder/ }), 'Cleo Creator');
    await userEvent.type(screen.getByRole('textbox', { name: /^Country/ }), 'DE');
    await userEvent.type(screen.getByRole('textbox', { name: /^Currency/ }), 'EUR');
    await userEvent.type(screen.getByRole('textbox', { name: /^IBAN/ }), 'DE89370400440532014321');
    await userEvent.type(screen.getByRole('textbox', { name: /^BIC/ }), 'COBADEFFXXX');
    await userEvent.click(screen.getByRole('button', { name: 'Save bank details' }));

    await waitFor(() => expect(api.last('PUT', `/api/payout-profiles/${CREATOR.id}`)).toBeDefined());
    expect(await screen.findByText('••••4321')).toBeInTheDocument();
    expect(api.last('PUT', `/api/payout-profiles/${CREATOR.id}`)?.body).toMatchObject({ iban: 'DE89370400440532014321', country: 'DE' });
    expect(screen.getByText('Bank details saved. Only their masked form is shown.')).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: /^IBAN/ })).not.toBeInTheDocument();
    expect(document.body.innerHTML).not.toContain('DE89370400440532014321');
    expect(document.body.innerHTML).not.toContain('COBADEFFXXX');
  });

  it('show a refused field’s message beside that field', async () => {
    mockFetch({
      [`GET /api/payout-profiles/${CREATOR.id}`]: problem(404, 'Not found'),
      [`PUT /api/payout-profiles/${CREATOR.id}`]: problem(400, 'Invalid request', { errors: [{ field: 'iban', message: 'is not a valid IBAN' }] }),
    });
    renderAs(CREATOR, <BankDetailsRoute />);
    const iban = await screen.findByRole('textbox', { name: /^IBAN/ });
    await userEvent.type(iban, 'XX00');
    await userEvent.click(screen.getByRole('button', { name: 'Save bank details' }));
    await waitFor(() => expect(iban).toHaveAttribute('aria-invalid', 'true'));
    expect(iban).toHaveAccessibleDescription('is not a valid IBAN');
  });
});
