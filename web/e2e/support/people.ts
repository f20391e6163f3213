import { expect, test as base, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
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
  await serveLocalBuild(context);
  const page = await context.newPage();
  await page.goto(`${GATEWAY}/app/`);
  // Keycloak's login page (the gateway sends a browser without a session there).
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(PASSWORD);
  await page.locator('#kc-login').click();
  await page.waitForURL((url) => url.href.startsWith(`${GATEWAY}/app/`), { timeout: 60_000 });
  if (LOCAL_BUILD) await page.reload(); // the last redirect of the sign-in is not routed: load the local build
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
      const link = nav.getByRole('link', { name: place, exact: typeof place === 'string' });
      const here = (await link.getAttribute('aria-current')) === 'page';
      await link.click();
      // Focus moves to the new screen's heading (staying on the same screen moves nothing).
      if (!here) await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
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

/**
 * CLARAOP_E2E_LOCAL_BUILD=<dist folder>: the console's files come from that build instead of the gateway's copy,
 * while every /app request still passes the gateway's sign-in and every /api call goes to the suite. For trying a
 * build before the gateway is rebuilt with it; the Maven build never sets it.
 */
const LOCAL_BUILD = process.env.CLARAOP_E2E_LOCAL_BUILD ? resolve(process.env.CLARAOP_E2E_LOCAL_BUILD) : null;

async function serveLocalBuild(context: BrowserContext): Promise<void> {
  if (!LOCAL_BUILD) return;
  const dist = LOCAL_BUILD;
  await context.route(`${GATEWAY}/app/**`, async (route) => {
    const url = new URL(route.request().url());
    if (url.pathname.startsWith('/app/assets/')) {
      const file = join(dist, url.pathname.slice('/app/'.length));
      if (!existsSync(file)) return route.fulfill({ status: 404 });
      return route.fulfill({ status: 200, contentType: url.pathname.endsWith('.css') ? 'text/css' : 'text/javascript',
        body: readFileSync(file) });
    }
    if (route.request().method() !== 'GET') return route.continue();
    const response = await route.fetch({ maxRedirects: 0 });
    if (response.status() !== 200) return route.fulfill({ response });
    return route.fulfill({ response, body: readFileSync(join(dist, 'index.html'), 'utf8') });
  });
}
