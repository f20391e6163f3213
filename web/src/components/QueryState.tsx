import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Loading } from './Loading';
import { ProblemMessage } from './ProblemMessage';

/** Loading, then the problem or the content: the three states of every read. */
export function QueryState<T>({ query, loading, children }: {
  query: Pick<UseQueryResult<T>, 'isPending' | 'error' | 'data'>;
  loading?: string;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <Loading what={loading} />;
  if (query.error) return <ProblemMessage error={query.error} fieldsShownElsewhere={false} />;
  if (query.data === undefined) return <Loading what={loading} />;
  return <>{children(query.data)}</>;
}
