import { useInfiniteQuery, type QueryKey } from '@tanstack/react-query';
import { itemsOf, nextCursorOf, type Page } from './page';

/**
 * A cursor-paged list: the first page, then each next one on demand ("Load more"), following `nextCursor`.
 * Only the pages asked for are fetched and rendered.
 */
export function usePagedList<T>(
  queryKey: QueryKey,
  fetchPage: (cursor: string | undefined, signal: AbortSignal) => Promise<Page<T>>,
  options: { enabled?: boolean } = {},
) {
  const query = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam, signal }) => fetchPage(pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: Page<T>) => nextCursorOf(last),
    enabled: options.enabled ?? true,
  });
  return {
    query,
    items: itemsOf(query.data?.pages),
    hasMore: query.hasNextPage,
    loadingMore: query.isFetchingNextPage,
    loadMore: () => void query.fetchNextPage(),
  };
}
