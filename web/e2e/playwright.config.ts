import { defineConfig } from '@playwright/test';
import { chromium } from './support/chromium';

/**
 * The journeys (web/e2e/journeys) against a running suite: CLARAOP_GATEWAY (default https://localhost:8443, its
 * self-signed certificate accepted), CLARAOP_KEYCLOAK, screenshots to CLARAOP_SCREENSHOTS. One worker: the
 * journeys share the demo tenant and this machine has two cores.
 */
export default defineConfig({
  testDir: './journeys',
  timeout: 300_000,
  expect: { timeout: 20_000 },
  workers: 1,
  fullyParallel: false,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never', outputFolder: '../target/playwright-report' }]],
  outputDir: '../target/test-results/journeys',
  use: {
    ignoreHTTPSErrors: true,
    acceptDownloads: true,
    launchOptions: chromium,
    viewport: { width: 1280, height: 900 },
    actionTimeout: 30_000,
    navigationTimeout: 60_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
