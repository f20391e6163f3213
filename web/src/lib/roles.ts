/** Tenant roles and staff roles (DESIGN §3). The server decides every call; the console only mirrors it. */
export const ROLES = [
  'ADMIN',
  'MANAGER',
  'CREATOR',
  'SUPPORT_ENGINEER',
  'SUPPORT_REVIEWER',
  'PLATFORM_ADMIN',
  'SECURITY_TRIAGE',
] as const;

export type Role = (typeof ROLES)[number];

/** `GET /api/identity/me`: who the caller is for this request (identity-service's MeView). */
export interface Me {
  id: string;
  username: string | null;
  tenantId: string | null;
  roles: string[];
  staff: boolean;
  /** The delegation this request acts under (X-Acting-Tenant), null when acting as themself. */
  delegationId?: string | null;
  /** The tenants the caller may act in as a delegated operator, with the one role and until when. */
  delegations?: { tenantId?: string; role?: string; expiresAt?: string }[];
}

export function hasRole(me: Pick<Me, 'roles'> | null | undefined, ...roles: Role[]): boolean {
  return !!me && roles.some((role) => me.roles.includes(role));
}

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: 'Admin',
  MANAGER: 'Manager',
  CREATOR: 'Creator',
  SUPPORT_ENGINEER: 'Support engineer',
  SUPPORT_REVIEWER: 'Support reviewer',
  PLATFORM_ADMIN: 'Platform admin',
  SECURITY_TRIAGE: 'Security triage',
};
