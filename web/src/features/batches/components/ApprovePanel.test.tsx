import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, mockFetch, noContent, problem } from '@/test/fetchMock';
import { ADMIN, ADMIN2, renderAs } from '@/test/render';
import type { BatchView } from '../api/batches';
import { ApprovePanel } from './ApprovePanel';

afterEach(() => vi.unstubAllGlobals());

const BATCH: BatchView = { id: 'b-1', currency: 'USD', status: 'GENERATED', generatedBy: ADMIN.id, total: 2750, lines: [] };

describe('approving a batch', () => {
  it('refuses the generator as second approver, saying why in words', () => {
    mockFetch({});
    renderAs(ADMIN, <ApprovePanel batch={BATCH} me={ADMIN} onChanged={() => {}} />);
    expect(screen.getByText('You cannot approve this batch')).toBeInTheDocument();
    expect(screen.getByText(/You generated this batch, and the person who generates a batch cannot also approve it/)).toBeInTheDocument();
    const button = screen.getByRole('button', { name: 'Approve batch' });
    expect(button).toBeDisabled();
    expect(button).toHaveAccessibleDescription(/a second admin of your agency must check and approve it/);
  });

  it('lets a second admin approve, shows it working, then the outcome', async () => {
    const api = mockFetch({
      'POST /api/batches/b-1/approve': () => new Promise((resolve) => setTimeout(() => resolve(noContent()), 100)),
      'GET /api/batches/b-1': json({ ...BATCH, status: 'APPROVED', approvedBy: ADMIN2.id }),
    });
    const onChanged = vi.fn();
    renderAs(ADMIN2, <ApprovePanel batch={BATCH} me={ADMIN2} onChanged={onChanged} />);
    await userEvent.click(screen.getByRole('button', { name: 'Approve batch' }));
    expect(await screen.findByRole('button', { name: 'Approving…' })).toBeDisabled();
    await waitFor(() => expect(onChanged).toHaveBeenCalledWith(expect.objectContaining({ status: 'APPROVED' }),
      'Batch approved. It can now be exported.'));
    expect(api.last('POST', '/api/batches/b-1/approve')).toBeDefined();
  });

  it('explains a refusal the server makes (409) in words', async () => {
    mockFetch({ 'POST /api/batches/b-1/approve': problem(409, 'Conflict',
      { detail: 'the last editor of bank details this batch pays to cannot approve it' }) });
    renderAs(ADMIN2, <ApprovePanel batch={BATCH} me={ADMIN2} onChanged={() => {}} />);
    await userEvent.click(screen.getByRole('button', { name: 'Approve batch' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This cannot be done in its current state.');
    expect(alert).toHaveTextContent('the last editor of bank details this batch pays to cannot approve it');
  });
});
