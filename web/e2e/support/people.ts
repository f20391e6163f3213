import { expect, test as base, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { expectAccessible, expectNoTokenInReach, screenshot, watchCsp, type CspWatch } from './checks';

/** The suite under test (CLARAOP_GATEWAY), its Keycloak (CLARAOP_KEYCLOAK) and the demo logins. */
export const GATEWAY = (process.env.CLARAOP_GATEWAY ?? 'https://localhost:8443').replace(/\/$/, '');
export const KEYCLOAK = (process.env.CLARAOP_KEYCLOAK ?? 'http://localhost:8180').replace(/\/$/, '');
export const PASSWORD = process.env.CLARAOP_DEMO_PASSWORD ?? 'Demo-Password-1!';

export const USERS = {
  admin: 'admin@demo.claraop.dev',
  admin2: 'admin2@demo.claraop.dev',
  manager: 'manager@demo.claraop.dev',
  creator1: 'creator1@demo.claraop.dev',
  creator2: 'creator2@demo.claraop.dev',
  otherAdmin: 'admin@other.claraop.dev',
  platformAdmin: 'platform-admin@claraop.dev',
  support: 'support@claraop.dev',
  reviewer: 'reviewer@claraop.dev',
  security: 'security@claraop.dev',
} as const;

/** One person signed in, in a browser context of their own. */
export interface Person {
  username: string;
  context: BrowserContext;
  page: Page;
  csp: CspWatch;
  signedOut: boolean;
  /** Checks the screen as it is now (axe: no serious or critical violation) and saves its screenshot. */
  screen(name: string): Promise<void>;
  /** Opens a place from the main navigation, as a person would. */
  open(place: string | RegExp): Promise<void>;
}

async function signIn(browser: Browser, username: string): Promise<Person> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true, acceptDownloads: true, baseURL: GATEWAY });
  const csp = await watchCsp(context);
  await localConsole(context, username); // LOCAL-DEV-ONLY
  const page = await context.newPage();
  if (process.env.CLARAOP_E2E_DEBUG) {
    page.on('console', (m) => console.log('console', m.type(), m.text().slice(0, 300)));
    page.on('requestfailed', (r) => console.log('failed', r.url(), r.failure()?.errorText));
    page.on('response', (r) => { if (r.status() >= 400) console.log('status', r.status(), r.url()); });
  }
  await page.goto(`${GATEWAY}/app/`);
  // Keycloak's login page (the gateway sends a browser without a session there).
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(PASSWORD);
  await page.locator('#kc-login').click();
  await page.waitForURL((url) => url.href.startsWith(`${GATEWAY}/app/`), { timeout: 60_000 });
  if (process.env.CLARAOP_E2E_LOCAL_CONSOLE) await page.reload(); // LOCAL-DEV-ONLY
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('.who-name')).toHaveText(username);
  const person: Person = {
    username, context, page, csp, signedOut: false,
    async screen(name) {
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.getByText(/^(Loading|Opening…|Signing you in)/)).toHaveCount(0, { timeout: 30_000 });
      await expectAccessible(page, name);
      await screenshot(page, name);
    },
    async open(place) {
      const nav = page.getByRole('navigation', { name: 'Main' });
      const menu = page.getByRole('button', { name: 'Menu' });
      if (await menu.isVisible()) await menu.click();
      await nav.getByRole('link', { name: place, exact: typeof place === 'string' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
    },
  };
  return person;
}

/**
 * What every journey checks of each person's browser when it ends: no JWT within reach of page scripts, a POST
 * with the session but without the CSRF header refused (403) while the same POST with it is not, and no CSP
 * violation reported.
 */
async function checkBrowser(person: Person): Promise<void> {
  const { page } = person;
  await expectNoTokenInReach(page);
  if (!person.signedOut) {
    const [without, withToken] = await page.evaluate(async () => {
      const token = document.cookie.split(';').map((c) => c.trim()).find((c) => c.startsWith('XSRF-TOKEN='))?.slice(11) ?? '';
      const post = (headers: Record<string, string>) => fetch('/api/identity/me', {
        method: 'POST', credentials: 'same-origin', body: '{}', headers: { 'Content-Type': 'application/json', ...headers },
      }).then((r) => r.status);
      return [await post({}), await post({ 'X-XSRF-TOKEN': decodeURIComponent(token) })];
    });
    expect(without, `${person.username}: a session POST without the CSRF header`).toBe(403);
    expect(withToken, `${person.username}: the same POST with the CSRF header passes the CSRF check`).not.toBe(403);
  }
  expect(person.csp.violations, `${person.username}: CSP violations`).toEqual([]);
}

export const test = base.extend<{ signIn: (username: string) => Promise<Person> }>({
  signIn: async ({ browser }, use) => {
    const people: Person[] = [];
    await use(async (username) => {
      const person = await signIn(browser, username);
      people.push(person);
      return person;
    });
    for (const person of people) {
      await checkBrowser(person);
      await person.context.close();
    }
  },
});

export { expect };

/** Reads the value beside a label in a screen's facts (`<dt>Lines</dt><dd>2</dd>`). */
export async function fact(page: Page, label: string): Promise<string> {
  return (await page.locator('.fact').filter({ has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) }).locator('dd').innerText()).trim();
}

// LOCAL-DEV-ONLY (to be removed): serve web/dist over the real gateway and stub /api/identity/me.
import { readFileSync, existsSync } from 'node:fs';
const IDS: Record<string, [string, string | null, string[], boolean]> = {
  'admin@demo.claraop.dev': ['11111111-0000-4000-8000-000000000001', 'demo', ['ADMIN'], false],
  'admin2@demo.claraop.dev': ['11111111-0000-4000-8000-000000000002', 'demo', ['ADMIN'], false],
  'manager@demo.claraop.dev': ['11111111-0000-4000-8000-000000000003', 'demo', ['MANAGER'], false],
  'creator1@demo.claraop.dev': ['11111111-0000-4000-8000-000000000004', 'demo', ['CREATOR'], false],
  'creator2@demo.claraop.dev': ['11111111-0000-4000-8000-000000000005', 'demo', ['CREATOR'], false],
  'support@claraop.dev': ['33333333-0000-4000-8000-000000000002', null, ['SUPPORT_ENGINEER'], true],
};
async function localConsole(context: BrowserContext, username: string) {
  if (!process.env.CLARAOP_E2E_LOCAL_CONSOLE) return;
  const dist = new URL('../../dist/', import.meta.url);
  await context.route(`${GATEWAY}/app/**`, async (route) => {
    const url = new URL(route.request().url());
    if (process.env.CLARAOP_E2E_DEBUG) console.log('route', route.request().method(), url.href);
    if (url.pathname.startsWith('/app/assets/')) {
      const file = new URL(url.pathname.slice('/app/'.length), dist);
      if (!existsSync(file)) return route.fulfill({ status: 404 });
      const type = url.pathname.endsWith('.css') ? 'text/css' : 'text/javascript';
      return route.fulfill({ status: 200, contentType: type, body: readFileSync(file) });
    }
    if (route.request().method() !== 'GET' || url.pathname === '/app/logout') return route.continue();
    const response = await route.fetch({ maxRedirects: 0 });
    if (response.status() !== 200) return route.fulfill({ response });
    return route.fulfill({ response, body: readFileSync(new URL('index.html', dist), 'utf8') });
  });
  if (process.env.CLARAOP_E2E_STUB_ME) {
    await context.route(`${GATEWAY}/api/identity/me`, async (route) => {
      if (route.request().method() !== 'GET') return route.continue();
      const [id, tenantId, roles, staff] = IDS[username]!;
      return route.fulfill({ contentType: 'application/json', body: JSON.stringify({ id, username, tenantId, roles, staff, delegations: [] }) });
    });
  }
}
