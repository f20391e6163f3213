import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Pager } from './Pager';

describe('the pager', () => {
  it('offers the next page while the server has one, and asks for it', async () => {
    const onMore = vi.fn();
    render(<Pager shown={50} hasMore loading={false} onMore={onMore} noun="invoices" />);
    expect(screen.getByRole('status')).toHaveTextContent('Showing 50 invoices.');
    await userEvent.click(screen.getByRole('button', { name: 'Load more' }));
    expect(onMore).toHaveBeenCalledOnce();
  });

  it('shows it is working while the next page loads', () => {
    render(<Pager shown={50} hasMore loading onMore={() => {}} noun="invoices" />);
    expect(screen.getByRole('button', { name: 'Loading…' })).toBeDisabled();
    expect(screen.getByRole('status')).toHaveTextContent('Loading more invoices…');
  });

  it('says when everything is shown and offers no more', () => {
    render(<Pager shown={7} hasMore={false} loading={false} onMore={() => {}} noun="runs" />);
    expect(screen.getByRole('status')).toHaveTextContent('Showing 7 runs (all).');
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });
});
