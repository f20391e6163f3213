import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mockApi } from '../support/mockApi';

/**
 * Opens the batches screen and a 10,000-line batch, and reports:
 * - the time until the batches screen is usable (its list shown, the batch's link clickable),
 * - the time until the batch's first page of lines is shown,
 * - the main thread's long tasks (> 50 ms) while opening, and the longest,
 * - how quickly "Load more" answers, five times (the page stays responsive as lines accumulate),
 * - how quickly a key press is handled meanwhile (input delay, measured in the page).
 */
const LIVE_BATCH = process.env.CLARAOP_BENCH_BATCH;
const LINES = Number(process.env.CLARAOP_BENCH_LINES ?? 10_000);

async function signInLive(page: Page): Promise<void> {
  await page.goto('/app/');
  await page.locator('#username').fill(process.env.CLARAOP_BENCH_USER ?? 'admin@demo.claraop.dev');
  await page.locator('#password').fill(process.env.CLARAOP_DEMO_PASSWORD ?? 'Demo-Password-1!');
  await page.locator('#kc-login').click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 60_000 });
}

test(LIVE_BATCH ? 'the chosen batch opens without freezing the page' : `a ${LINES.toLocaleString('en')}-line batch opens without freezing the page`, async ({ page }) => {
  const batchId = LIVE_BATCH ?? 'bench-batch';
  await page.addInitScript((id) => {
    const w = window as unknown as { __longTasks: number[]; __usableAt?: number };
    w.__longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__longTasks.push(e.duration)))
      .observe({ type: 'longtask', buffered: true });
    // When the batch's link first appears on the batches screen, in ms since this navigation started.
    const watch = new MutationObserver(() => {
      if (w.__usableAt === undefined && document.querySelector(`a[href="/app/batches/${id}"]`)) {
        w.__usableAt = performance.now();
        watch.disconnect();
      }
    });
    document.addEventListener('DOMContentLoaded', () => watch.observe(document.body, { childList: true, subtree: true }));
  }, batchId);
  if (LIVE_BATCH) await signInLive(page);
  else await mockApi(page, { role: 'ADMIN', bigBatchLines: LINES, latencyMs: 40 });

  // The batches screen, from navigation to usable (timed in the page, from navigation start).
  await page.goto('/app/batches');
  const link = page.locator(`a[href="/app/batches/${batchId}"]`);
  await expect(link).toBeVisible({ timeout: 120_000 });
  await expect(link).toBeEnabled();
  const batchesUsable = Math.round(await page.evaluate(() => (window as unknown as { __usableAt: number }).__usableAt));

  // In the page: click, then resolve once the rows reach `count` and a frame has been painted.
  const timed = (selector: string, count: number) => page.evaluate(({ selector, count }) => new Promise<number>((resolve) => {
    const start = performance.now();
    const rows = () => document.querySelectorAll('[aria-label="Batch lines"] tbody tr').length;
    const done = () => requestAnimationFrame(() => resolve(Math.round(performance.now() - start)));
    const watch = new MutationObserver(() => { if (rows() >= count) { watch.disconnect(); done(); } });
    watch.observe(document.body, { childList: true, subtree: true });
    (document.querySelector(selector) as HTMLElement).click();
  }), { selector, count });

  // The batch: its facts and first page of lines.
  const firstLines = await timed(`a[href="/app/batches/${batchId}"]`, 1);
  const rows = page.getByRole('region', { name: 'Batch lines' }).locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  const firstCount = await rows.count();

  // "Load more", five times (or as long as there are more lines).
  const loadMore: number[] = [];
  for (let i = 0; i < 5; i++) {
    const more = page.getByRole('button', { name: 'Load more' });
    if (!(await more.isVisible())) break;
    const before = await rows.count();
    await expect(more).toBeEnabled();
    const total = Number(await page.locator('.fact').filter({ hasText: /^Lines/ }).locator('dd').innerText());
    loadMore.push(await timed('.pager button', Math.min(before + 100, total)));
  }
  const inputDelay = await page.evaluate(() => new Promise<number>((resolve) => {
    const start = performance.now();
    document.addEventListener('keydown', () => resolve(performance.now() - start), { once: true });
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab' }));
  }));
  const longTasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
  const totalLines = Number(await page.locator('.fact').filter({ hasText: /^Lines/ }).locator('dd').innerText());

  const report = {
    mode: LIVE_BATCH ? `live (${process.env.CLARAOP_GATEWAY ?? 'https://localhost:8443'})` : 'vite preview + stand-in API (40 ms per call)',
    batchLines: totalLines,
    batchesScreenUsableMs: batchesUsable,
    firstPageOfLinesMs: firstLines,
    linesRenderedAtFirst: firstCount,
    loadMoreMs: loadMore,
    linesRenderedAtEnd: await rows.count(),
    longTasks: { count: longTasks.length, longestMs: Math.round(Math.max(0, ...longTasks)), totalMs: Math.round(longTasks.reduce((a, b) => a + b, 0)) },
    keyPressHandledMs: Math.round(inputDelay * 10) / 10,
  };
  console.log(JSON.stringify(report, null, 2));
  const out = join(dirname(fileURLToPath(import.meta.url)), '../../target/bench');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'batch-bench.json'), JSON.stringify(report, null, 2) + '\n');

  expect(totalLines).toBe(LIVE_BATCH ? totalLines : LINES);
  expect(firstCount, 'lines rendered at first: one page, never all').toBeLessThanOrEqual(100);
  expect(report.longTasks.longestMs, 'no main-thread task long enough to freeze the page').toBeLessThan(500);
});
