import { useSyncExternalStore } from 'react';

/**
 * A delegated operator (DESIGN §3: a user outside a tenant whom its ADMIN approved, with one role and an expiry)
 * chooses the tenant they act in; every call then carries `X-Acting-Tenant`, and the services check the delegation.
 * Kept in memory only, like the support grant.
 */
type Listener = () => void;
let acting: string | null = null;
const listeners = new Set<Listener>();

export const actingTenant = {
  current(): string | null {
    return acting;
  },
  select(tenantId: string | null): void {
    acting = tenantId;
    listeners.forEach((listener) => listener());
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export const ACTING_TENANT_HEADER = 'X-Acting-Tenant';

export function useActingTenant(): string | null {
  return useSyncExternalStore(actingTenant.subscribe, actingTenant.current, actingTenant.current);
}
