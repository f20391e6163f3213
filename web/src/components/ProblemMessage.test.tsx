import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ProblemError } from '@/lib/problem';
import { ProblemMessage } from './ProblemMessage';

describe('a problem shown to a person', () => {
  it('explains a 409 in words, with the server’s reason', () => {
    render(<ProblemMessage error={new ProblemError({ status: 409, title: 'Conflict', detail: 'line l-1 is already paid' })} />);
    expect(screen.getByRole('alert')).toHaveTextContent('This cannot be done in its current state.line l-1 is already paid');
  });

  it('shows a 5xx’s title and request id, never raw JSON or a stack trace', () => {
    render(<ProblemMessage error={new ProblemError({ status: 500, title: 'Internal error',
      detail: '{"trace":"java.lang.IllegalStateException at dev.claraop.Foo(Foo.java:3)"}', requestId: 'req-42' })} />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Internal error');
    expect(alert).toHaveTextContent('Request id: req-42');
    expect(alert).not.toHaveTextContent('trace');
    expect(alert).not.toHaveTextContent('{');
  });

  it('says a 403 is not allowed', () => {
    render(<ProblemMessage error={new ProblemError({ status: 403, title: 'Forbidden' })} />);
    expect(screen.getByRole('alert')).toHaveTextContent('You are not allowed to do this.');
  });
});
