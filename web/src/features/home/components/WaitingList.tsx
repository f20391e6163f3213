import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ProblemMessage, Section } from '@/components';
import type { Waiting } from '../api/home';

/** One thing that waits on the person: a few items, a link to all of them, or what to do when there are none. */
export function WaitingList<T>({ title, query, item, empty, allTo, allLabel }: {
  title: string;
  query: UseQueryResult<Waiting<T>>;
  item: (t: T) => ReactNode;
  empty: ReactNode;
  allTo: string;
  allLabel: string;
}) {
  return (
    <Section title={title}>
      {query.isPending ? <p role="status">Loading…</p>
        : query.error ? <ProblemMessage error={query.error} />
          : (
            <>
              {query.data.items.length === 0 ? <p className="muted">{empty}</p> : (
                <ul className="waiting">{query.data.items.map((t, i) => <li key={i}>{item(t)}</li>)}</ul>
              )}
              <p><Link to={allTo}>{allLabel}{query.data.more ? ' (more waiting)' : ''}</Link></p>
            </>
          )}
    </Section>
  );
}
