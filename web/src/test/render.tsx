import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import type { Me } from '@/lib/roles';
import { MeProvider } from '@/lib/session';

export const ADMIN: Me = { id: 'admin-1', username: 'admin@demo.claraop.dev', tenantId: 'demo', roles: ['ADMIN'], staff: false };
export const ADMIN2: Me = { id: 'admin-2', username: 'admin2@demo.claraop.dev', tenantId: 'demo', roles: ['ADMIN'], staff: false };
export const CREATOR: Me = { id: 'creator-1', username: 'creator1@demo.claraop.dev', tenantId: 'demo', roles: ['CREATOR'], staff: false };

/** Renders a screen or part as the shell would: a signed-in person, a query cache, a router at `path`. */
export function renderAs(me: Me, ui: ReactElement, { path = '/', route = '*' }: { path?: string; route?: string } = {}) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const router = createMemoryRouter([{ path: route, element: <MeProvider me={me}>{ui}</MeProvider> }], { initialEntries: [path] });
  return { client, router, ...render(<QueryClientProvider client={client}><RouterProvider router={router} /></QueryClientProvider>) };
}
