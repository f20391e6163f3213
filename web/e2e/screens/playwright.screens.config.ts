import { defineConfig } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { chromium } from '../support/chromium';

/**
 * Every screen of every role against `vite preview` (which sends the gateway's CSP) with the API stood in by
 * e2e/support/mockApi.ts: axe, no sideways scroll at 390 and 1280 px, no CSP violation, screenshots.
 * Needs no running suite: `npm run build && npm run e2e:screens`.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  timeout: 240_000,
  expect: { timeout: 20_000 },
  retries: 1,
  workers: 1,
  reporter: [['list']],
  outputDir: '../../target/test-results/screens',
  use: {
    baseURL: 'http://127.0.0.1:4173',
    launchOptions: chromium,
    viewport: { width: 1280, height: 900 },
  },
  webServer: {
    command: 'npx vite preview --host 127.0.0.1 --port 4173 --strictPort',
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
    url: 'http://127.0.0.1:4173/app/',
    reuseExistingServer: true,
    timeout: 60_000,
  },
});
