import { useQuery } from '@tanstack/react-query';
import { http } from './http';
import type { Page } from './page';
import { isProblem } from './problem';
import { hasRole } from './roles';
import { useMe } from './session';

/** Who is who in the tenant, by user id: `GET /api/identity/users` (an admin reads everyone, a manager their creators). */
interface Member {
  userId?: string;
  email?: string;
}

async function directory(signal: AbortSignal): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  let cursor: string | undefined;
  try {
    do {
      const page = await http.get<Page<Member>>('/api/identity/users', { query: { cursor, limit: 100 }, signal });
      for (const m of page.items ?? []) if (m.userId && m.email) names.set(m.userId, m.email);
      cursor = page.nextCursor ?? undefined;
    } while (cursor && names.size < 5000);
  } catch (error) {
    // Not everyone may read the directory, and an older identity-service has no such list: ids then stand alone.
    if (!isProblem(error) || error.status === 401) throw error;
  }
  return names;
}

/** An id as people tell users apart: their e-mail when known, "You", or the id's start and end. */
export function useUserName(): (id: string | null | undefined) => string {
  const me = useMe();
  const names = useQuery({
    queryKey: ['people-directory'],
    queryFn: ({ signal }) => directory(signal),
    enabled: hasRole(me, 'ADMIN', 'MANAGER'),
    staleTime: 5 * 60_000,
  });
  return (id) => {
    if (!id) return '—';
    if (id === me.id) return 'You';
    const known = names.data?.get(id);
    if (known) return known;
    return id.length > 16 ? `${id.slice(0, 8)}…${id.slice(-4)}` : id;
  };
}
