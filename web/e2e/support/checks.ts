import AxeBuilder from '@axe-core/playwright';
import { expect, type BrowserContext, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where screenshots of the main screens go: CLARAOP_SCREENSHOTS, else web/target/screenshots. */
export function screenshotsDir(): string {
  const web = join(dirname(fileURLToPath(import.meta.url)), '../..');
  return resolve(process.env.CLARAOP_SCREENSHOTS ?? join(web, 'target/screenshots'));
}

/** A JWT as it would leak: three base64url parts, the first a JSON header. */
export const JWT = /eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]+/;

export interface CspWatch {
  violations: string[];
}

/**
 * Records every CSP violation in the context's pages: `securitypolicyviolation` events, and console errors that
 * mention the Content Security Policy (what Chromium logs when it blocks something).
 */
export async function watchCsp(context: BrowserContext): Promise<CspWatch> {
  const watch: CspWatch = { violations: [] };
  await context.exposeBinding('__claraopCspViolation', (_source, text: string) => { watch.violations.push(text); });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __claraopCspViolation: (t: string) => void })
        .__claraopCspViolation(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  context.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) watch.violations.push(message.text());
  });
  return watch;
}

/** axe-core on the screen as it is now: no serious or critical violation. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = blocking.map((v) => `${v.impact} ${v.id}: ${v.help}\n    ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('\n    ')}`);
  expect(report, `axe on ${screen}`).toEqual([]);
}

/** The page itself never scrolls sideways (wide tables scroll inside their own box). */
export async function expectNoSideScroll(page: Page, screen: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${screen} scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = screenshotsDir();
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

/** No token anywhere page script can read: localStorage, sessionStorage, document.cookie. */
export async function expectNoTokenInReach(page: Page): Promise<void> {
  const reachable = await page.evaluate(() => {
    const values: string[] = [document.cookie];
    for (const storage of [window.localStorage, window.sessionStorage]) {
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i) ?? '';
        values.push(key, storage.getItem(key) ?? '');
      }
    }
    return values.join('\n');
  });
  expect(reachable, 'a JWT within reach of page scripts').not.toMatch(JWT);
}

/** The heading a screen is known by, once it is shown. */
export async function heading(page: Page, name: string | RegExp): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}
