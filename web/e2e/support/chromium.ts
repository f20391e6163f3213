import type { LaunchOptions } from '@playwright/test';

/**
 * Debian's Chromium, never a downloaded one (`npx playwright install` cannot reach its CDN here). CHROMIUM_PATH
 * overrides the path.
 */
export const chromium: LaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-dev-shm-usage',
  ],
};
