import { defineConfig } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { chromium } from '../support/chromium';

/**
 * The 10,000-line batch benchmark (not part of the journeys). Against `vite preview` with the stand-in API by
 * default; against a running suite when CLARAOP_BENCH_BATCH names a batch there (with CLARAOP_GATEWAY).
 */
const live = !!process.env.CLARAOP_BENCH_BATCH;
export default defineConfig({
  testDir: '.',
  testMatch: '*.bench.ts',
  timeout: 600_000,
  workers: 1,
  reporter: [['list']],
  outputDir: '../../target/test-results/bench',
  use: {
    baseURL: live ? (process.env.CLARAOP_GATEWAY ?? 'https://localhost:8443') : 'http://127.0.0.1:4173',
    ignoreHTTPSErrors: true,
    launchOptions: chromium,
    viewport: { width: 1280, height: 900 },
  },
  webServer: live ? undefined : {
    command: 'npx vite preview --host 127.0.0.1 --port 4173 --strictPort',
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
    url: 'http://127.0.0.1:4173/app/',
    reuseExistingServer: true,
    timeout: 60_000,
  },
});
