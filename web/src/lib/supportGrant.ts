import { useSyncExternalStore } from 'react';

/**
 * The support-access grant a staff member works under, kept in memory only (never in storage): a reload
 * forgets it, and the person picks it again. While one is selected every API call carries `X-Support-Grant`.
 */
export interface SelectedGrant {
  id: string;
  tenantId: string;
  scopes: string[];
  expiresAt?: string;
  ticketId?: string;
}

type Listener = () => void;
let selected: SelectedGrant | null = null;
const listeners = new Set<Listener>();

export const supportGrant = {
  current(): SelectedGrant | null {
    return selected;
  },
  select(grant: SelectedGrant | null): void {
    selected = grant;
    listeners.forEach((listener) => listener());
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export const SUPPORT_GRANT_HEADER = 'X-Support-Grant';

export function useSelectedGrant(): SelectedGrant | null {
  return useSyncExternalStore(supportGrant.subscribe, supportGrant.current, supportGrant.current);
}

/** Whether the selected grant lets its holder read this kind of data. */
export function grantCovers(grant: SelectedGrant | null, scope: string): boolean {
  return grant !== null && grant.scopes.includes(scope);
}
