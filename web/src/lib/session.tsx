import { createContext, useContext, type ReactNode } from 'react';
import { http } from './http';
import type { Me } from './roles';

/** Who is signed in, as the gateway's identity route says (never from a decoded token). */
export const meQueryKey = ['me'] as const;

export function fetchMe(): Promise<Me> {
  return http.get<Me>('/api/identity/me');
}

const MeContext = createContext<Me | null>(null);

export function MeProvider({ me, children }: { me: Me; children: ReactNode }) {
  return <MeContext.Provider value={me}>{children}</MeContext.Provider>;
}

/** The signed-in person. Only inside the shell, which renders nothing before it knows. */
export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe() outside the signed-in shell');
  return me;
}
