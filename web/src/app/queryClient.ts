import { QueryClient } from '@tanstack/react-query';
import { isProblem, UNREACHABLE } from '@/lib/problem';
import { actingTenant } from '@/lib/actingTenant';
import { supportGrant } from '@/lib/supportGrant';

/** Server state lives here, not in a global store. A 4xx is an answer, not a glitch: only outages are retried. */
export function createQueryClient(): QueryClient {
  const client = new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failures, error) =>
          failures < 1 && isProblem(error) && (error.status === UNREACHABLE || error.status >= 502),
        refetchOnWindowFocus: false,
        staleTime: 10_000,
      },
      mutations: { retry: false },
    },
  });
  // What was read under one grant (or none) is never shown under another.
  supportGrant.subscribe(() => client.removeQueries({ predicate: (query) => query.queryKey[0] !== 'me' }));
  // Acting in another tenant changes who the caller is: everything is read again, starting with `me`.
  actingTenant.subscribe(() => void client.resetQueries());
  return client;
}
