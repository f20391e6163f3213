import { hasRole, type Me } from '@/lib/roles';
import { grantCovers, type SelectedGrant } from '@/lib/supportGrant';

/**
 * What each person may open, by role (DESIGN §3, issue 17's screens). The navigation shows only these; the
 * routes check the same rule, and the services still decide every call.
 */
export interface Place {
  to: string;
  label: string;
  allowed: (me: Me, grant: SelectedGrant | null) => boolean;
}

const tenantMember = (me: Me) => hasRole(me, 'ADMIN', 'MANAGER', 'CREATOR');

export const PLACES = {
  home: { to: '/', label: 'Home', allowed: () => true },
  campaigns: { to: '/campaigns', label: 'Campaigns', allowed: (me) => hasRole(me, 'ADMIN', 'MANAGER', 'CREATOR') },
  invoices: {
    to: '/invoices', label: 'Invoices',
    allowed: (me, grant) => hasRole(me, 'ADMIN', 'MANAGER', 'CREATOR') || grantCovers(grant, 'INVOICES_READ'),
  },
  batches: {
    to: '/batches', label: 'Batches',
    allowed: (me, grant) => hasRole(me, 'ADMIN', 'MANAGER') || grantCovers(grant, 'PAYOUTS_READ'),
  },
  bankDetails: { to: '/bank-details', label: 'Bank details', allowed: (me) => hasRole(me, 'CREATOR') },
  payouts: { to: '/payouts', label: 'My payouts', allowed: (me) => hasRole(me, 'CREATOR') },
  payoutProfiles: { to: '/payout-profiles', label: 'Payout profiles', allowed: (me) => hasRole(me, 'ADMIN') },
  people: { to: '/people', label: 'Users and pods', allowed: (me) => hasRole(me, 'ADMIN') },
  myPods: { to: '/my-pods', label: 'My pods', allowed: (me) => hasRole(me, 'MANAGER') },
  inbox: {
    to: '/inbox', label: 'Inbox',
    allowed: (me, grant) => hasRole(me, 'ADMIN', 'MANAGER') || grantCovers(grant, 'EMAIL_METADATA_READ'),
  },
  audit: { to: '/audit', label: 'Audit', allowed: (me) => hasRole(me, 'ADMIN') },
  access: {
    to: '/access', label: 'Staff access',
    allowed: (me) => hasRole(me, 'ADMIN', 'SUPPORT_ENGINEER', 'SUPPORT_REVIEWER', 'PLATFORM_ADMIN'),
  },
  retention: { to: '/retention', label: 'Purge runs', allowed: (me) => hasRole(me, 'ADMIN', 'PLATFORM_ADMIN') },
  erasures: { to: '/retention/erasures', label: 'Erasures', allowed: (me) => hasRole(me, 'PLATFORM_ADMIN') },
  tenants: { to: '/platform/tenants', label: 'Tenants', allowed: (me) => hasRole(me, 'PLATFORM_ADMIN') },
  securityReports: {
    to: '/platform/security-reports', label: 'Security reports', allowed: (me) => hasRole(me, 'SECURITY_TRIAGE'),
  },
  account: { to: '/account', label: 'My account', allowed: (me) => tenantMember(me) },
} satisfies Record<string, Place>;

export type PlaceName = keyof typeof PLACES;

/** The order of the navigation. */
const ORDER: PlaceName[] = [
  'home', 'invoices', 'batches', 'campaigns', 'bankDetails', 'payouts', 'payoutProfiles', 'myPods', 'people',
  'inbox', 'access', 'audit', 'retention', 'erasures', 'tenants', 'securityReports', 'account',
];

export function navigationFor(me: Me, grant: SelectedGrant | null): Place[] {
  return ORDER.map((name) => PLACES[name]).filter((place) => place.allowed(me, grant));
}
