import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Me } from '@/lib/roles';
import { supportGrant } from '@/lib/supportGrant';
import { json, mockFetch } from '@/test/fetchMock';
import { renderAs } from '@/test/render';
import { Shell } from './layout/Shell';

afterEach(() => vi.unstubAllGlobals());

const person = (roles: string[], staff = false): Me =>
  ({ id: 'u-1', username: 'someone@demo.claraop.dev', tenantId: staff ? null : 'demo', roles, staff });

function links(me: Me): string[] {
  mockFetch({ 'GET /api/*': json({ items: [] }) });
  renderAs(me, <Shell />);
  return within(screen.getByRole('navigation', { name: 'Main' })).getAllByRole('link').map((a) => a.textContent ?? '');
}

describe('the navigation shows what each role may do', () => {
  it('gives an admin the agency’s work and none of the creator’s or the staff’s', () => {
    const shown = links(person(['ADMIN']));
    expect(shown).toEqual(expect.arrayContaining(['Home', 'Invoices', 'Batches', 'Campaigns', 'Payout profiles',
      'Users and pods', 'Inbox', 'Staff access', 'Audit', 'Purge runs', 'My account']));
    expect(shown).not.toContain('Bank details');
    expect(shown).not.toContain('Tenants');
    expect(shown).not.toContain('Security reports');
  });

  it('gives a manager their pods, invoices, batches, campaigns and inbox, but no audit, purge or people', () => {
    const shown = links(person(['MANAGER']));
    expect(shown).toEqual(expect.arrayContaining(['Invoices', 'Batches', 'Campaigns', 'My pods', 'Inbox']));
    expect(shown).not.toContain('Audit');
    expect(shown).not.toContain('Purge runs');
    expect(shown).not.toContain('Users and pods');
  });

  it('gives a creator their invoices, bank details and payouts, and never batches or an inbox', () => {
    const shown = links(person(['CREATOR']));
    expect(shown).toEqual(expect.arrayContaining(['Invoices', 'Bank details', 'My payouts', 'My account']));
    expect(shown).not.toContain('Batches');
    expect(shown).not.toContain('Inbox');
    expect(shown).not.toContain('Audit');
  });

  it('shows a support engineer no tenant data until a grant is selected, then what its scopes cover', () => {
    expect(links(person(['SUPPORT_ENGINEER'], true))).toEqual(['Home', 'Staff access']);
  });

  it('adds batches and invoices for a support engineer working under a grant with those scopes', () => {
    supportGrant.select({ id: 'g-1', tenantId: 'demo', scopes: ['PAYOUTS_READ', 'INVOICES_READ'] });
    const shown = links(person(['SUPPORT_ENGINEER'], true));
    expect(shown).toEqual(expect.arrayContaining(['Batches', 'Invoices', 'Staff access']));
    expect(shown).not.toContain('Inbox');
    expect(screen.getByRole('region', { name: 'Support access in use' })).toHaveTextContent('for tenant demo');
  });

  it('gives a platform admin tenants, erasures and purge runs; security triage only the reports', () => {
    expect(links(person(['PLATFORM_ADMIN'], true))).toEqual(expect.arrayContaining(['Tenants', 'Erasures', 'Purge runs', 'Staff access']));
  });

  it('gives security triage only the security reports', () => {
    expect(links(person(['SECURITY_TRIAGE'], true))).toEqual(['Home', 'Security reports']);
  });
});

describe('sign-out', () => {
  it('is a real form post to /app/logout carrying the CSRF cookie as _csrf', () => {
    document.cookie = 'XSRF-TOKEN=csrf-abc; path=/';
    mockFetch({});
    const { container } = renderAs(person(['ADMIN']), <Shell />);
    const button = screen.getByRole('button', { name: 'Sign out' });
    const form = button.closest('form');
    expect(form).toHaveAttribute('method', 'post');
    expect(form).toHaveAttribute('action', '/app/logout');
    expect(container.querySelector('input[type="hidden"][name="_csrf"]')).toHaveValue('csrf-abc');
  });
});
