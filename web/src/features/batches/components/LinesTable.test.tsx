import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { json, mockFetch } from '@/test/fetchMock';
import { ADMIN, renderAs } from '@/test/render';
import { resetLinesRoute, type BatchView } from '../api/batches';
import { LinesTable } from './LinesTable';

beforeEach(() => resetLinesRoute());
afterEach(() => vi.unstubAllGlobals());

const TOTAL = 10_000;
const BIG: BatchView = { id: 'big', currency: 'EUR', status: 'EXPORTED', generatedBy: 'x', total: 1, lineCount: TOTAL };
const lines = (from: number, count: number) => Array.from({ length: count }, (_, k) => ({
  id: `l-${from + k}`, creatorName: `Creator ${from + k}`, amount: 10, currency: 'EUR', status: 'PENDING' as const, account: '••••0001' }));

describe('a batch’s lines', () => {
  it('open a 10,000-line batch a page (100) at a time, following the cursor on “Load more”', { timeout: 20_000 }, async () => {
    const api = mockFetch({
      'GET /api/batches/big/lines': (request) => {
        const cursor = Number(new URL(request.url, 'https://x').searchParams.get('cursor') ?? 0);
        return json({ items: lines(cursor, 100), nextCursor: cursor + 100 < TOTAL ? String(cursor + 100) : null });
      },
    });
    renderAs(ADMIN, <LinesTable batch={BIG} canAct loadBatch={async () => BIG} onChanged={() => {}} />);
    const table = await screen.findByRole('region', { name: 'Batch lines' });
    expect(table.querySelectorAll('tbody tr')).toHaveLength(100);
    expect(screen.getByText('Showing 100 lines.')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByText('Showing 200 lines.')).toBeInTheDocument();
    expect(table.querySelectorAll('tbody tr')).toHaveLength(200);
    expect(api.seen.map((r) => new URL(r.url, 'https://x').searchParams.get('cursor'))).toEqual([null, '100']);
    expect(api.seen.every((r) => new URL(r.url, 'https://x').searchParams.get('limit') === '100')).toBe(true);
  });

  it('page the batch’s own lines when the lines route is not deployed', async () => {
    const small: BatchView = { ...BIG, id: 'small', lineCount: 150, lines: lines(0, 150) };
    mockFetch({ 'GET /api/batches/small/lines': json({ type: 'about:blank', title: 'Not Found', status: 404 }, 404) });
    renderAs(ADMIN, <LinesTable batch={small} canAct={false} loadBatch={async () => small} onChanged={() => {}} />);
    expect(await screen.findByText('Showing 100 lines.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByText('Showing 150 lines (all).')).toBeInTheDocument();
  });
});
