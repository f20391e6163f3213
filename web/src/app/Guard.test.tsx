import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CREATOR, renderAs } from '@/test/render';
import { Guard } from './Guard';

describe('a screen outside the person’s role', () => {
  it('says so in words instead of showing the screen', () => {
    renderAs(CREATOR, <Guard place="batches"><p>the batches</p></Guard>);
    expect(screen.getByRole('heading', { level: 1, name: 'Batches' })).toBeInTheDocument();
    expect(screen.getByText('You are not allowed to see this page with your role.')).toBeInTheDocument();
    expect(screen.queryByText('the batches')).not.toBeInTheDocument();
  });

  it('shows the screen to a role that may open it', () => {
    renderAs(CREATOR, <Guard place="bankDetails"><p>the bank details</p></Guard>);
    expect(screen.getByText('the bank details')).toBeInTheDocument();
  });
});
