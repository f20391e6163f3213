import { expect, test } from '@playwright/test';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expectAccessible, expectNoSideScroll, expectNoTokenInReach, screenshot, watchCsp } from '../support/checks';
import { mockApi, type MockRole } from '../support/mockApi';

// Screens against the stand-in API keep their screenshots apart from the journeys' (which run against the suite).
process.env.CLARAOP_SCREENSHOTS = join(dirname(fileURLToPath(import.meta.url)), '../../target/screenshots/preview');

const SCREENS: Record<MockRole, string[]> = {
  ADMIN: ['/', '/invoices', '/invoices/inv-0001-submitted', '/batches', '/batches/b7a1c2d3-0000-4000-8000-000000000001',
    '/batches/bench-batch', '/batches/c3d4e5f6-0000-4000-8000-000000000003', '/campaigns', '/payout-profiles', '/people',
    '/inbox', '/access', '/audit', '/audit?view=integrity', '/audit?view=transparency', '/retention', '/account'],
  ADMIN2: ['/batches/b7a1c2d3-0000-4000-8000-000000000001'],
  MANAGER: ['/', '/invoices', '/my-pods', '/batches', '/campaigns', '/inbox'],
  CREATOR: ['/', '/invoices', '/invoices/new', '/bank-details', '/payouts', '/campaigns', '/account'],
  SUPPORT_ENGINEER: ['/', '/access'],
  SUPPORT_REVIEWER: ['/', '/access'],
  PLATFORM_ADMIN: ['/', '/platform/tenants', '/retention', '/retention/erasures', '/access'],
  SECURITY_TRIAGE: ['/', '/platform/security-reports'],
};

const slug = (path: string) => path.replace(/^\/$/, 'home').replace(/^\//, '').replace(/[^a-z0-9]+/gi, '-').slice(0, 60);

for (const [role, paths] of Object.entries(SCREENS) as [MockRole, string[]][]) {
  for (const width of [1280, 390]) {
    test(`${role} screens at ${width} px are accessible, fit the width and keep the CSP`, async ({ browser }) => {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const csp = await watchCsp(context);
      const page = await context.newPage();
      await mockApi(page, { role });
      for (const path of paths) {
        await page.goto(`/app${path}`);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await expect(page.getByText(/^Loading|Opening…|Signing you in/)).toHaveCount(0, { timeout: 10_000 });
        await expectAccessible(page, `${role} ${path} at ${width}px`);
        await expectNoSideScroll(page, `${role} ${path} at ${width}px`);
        if (width === 1280 || path === '/' || path.startsWith('/batches/')) {
          await screenshot(page, `${role.toLowerCase()}-${slug(path)}-${width}`);
        }
      }
      await expectNoTokenInReach(page);
      expect(csp.violations, 'CSP violations').toEqual([]);
      await context.close();
    });
  }
}

test('the menu opens from the keyboard at 390 px and focus moves to each new screen’s heading', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await mockApi(page, { role: 'ADMIN' });
  await page.goto('/app/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const menu = page.getByRole('button', { name: 'Menu' });
  await menu.focus();
  await page.keyboard.press('Enter');
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Batches' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Payout batches' })).toBeFocused();
  await context.close();
});
