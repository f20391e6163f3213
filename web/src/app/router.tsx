import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { Guard, NotFound } from './Guard';
import type { PlaceName } from './navigation';
import { SignedIn } from './SignedIn';

/** Each feature is its own chunk, loaded when one of its screens is first opened. */
function screen<M extends Record<string, unknown>, K extends keyof M>(
  load: () => Promise<M>, name: K): LazyExoticComponent<ComponentType> {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}

const home = () => import('@/features/home/routes');
const campaigns = () => import('@/features/campaigns/routes');
const invoices = () => import('@/features/invoices/routes');
const batches = () => import('@/features/batches/routes');
const profiles = () => import('@/features/profiles/routes');
const identity = () => import('@/features/identity/routes');
const audit = () => import('@/features/audit/routes');
const access = () => import('@/features/access/routes');
const inbox = () => import('@/features/inbox/routes');
const retention = () => import('@/features/retention/routes');
const platform = () => import('@/features/platform/routes');

const screens: [path: string, place: PlaceName, Screen: LazyExoticComponent<ComponentType>][] = [
  ['', 'home', screen(home, 'HomeRoute')],
  ['campaigns', 'campaigns', screen(campaigns, 'CampaignsRoute')],
  ['invoices', 'invoices', screen(invoices, 'InvoicesRoute')],
  ['invoices/new', 'invoices', screen(invoices, 'NewInvoiceRoute')],
  ['invoices/:invoiceId', 'invoices', screen(invoices, 'InvoiceRoute')],
  ['batches', 'batches', screen(batches, 'BatchesRoute')],
  ['batches/:batchId', 'batches', screen(batches, 'BatchRoute')],
  ['payouts', 'payouts', screen(batches, 'MyPayoutsRoute')],
  ['bank-details', 'bankDetails', screen(profiles, 'BankDetailsRoute')],
  ['payout-profiles', 'payoutProfiles', screen(profiles, 'PayoutProfilesRoute')],
  ['people', 'people', screen(identity, 'PeopleRoute')],
  ['my-pods', 'myPods', screen(identity, 'MyPodsRoute')],
  ['account', 'account', screen(identity, 'AccountRoute')],
  ['audit', 'audit', screen(audit, 'AuditRoute')],
  ['access', 'access', screen(access, 'AccessRoute')],
  ['inbox', 'inbox', screen(inbox, 'InboxRoute')],
  ['retention', 'retention', screen(retention, 'RunsRoute')],
  ['retention/erasures', 'erasures', screen(retention, 'ErasuresRoute')],
  ['platform/tenants', 'tenants', screen(platform, 'TenantsRoute')],
  ['platform/security-reports', 'securityReports', screen(platform, 'SecurityReportsRoute')],
];

export const routes: RouteObject[] = [
  {
    element: <SignedIn />,
    children: [
      ...screens.map(([path, place, Screen]): RouteObject => ({
        ...(path === '' ? { index: true } : { path }),
        element: <Guard place={place}><Screen /></Guard>,
      })),
      { path: '*', element: <NotFound /> },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes, { basename: '/app' });
}
