import { Suspense, useEffect, useId, useState } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { Button, ErrorBoundary, Loading } from '@/components';
import { actingTenant, useActingTenant } from '@/lib/actingTenant';
import { csrfToken } from '@/lib/cookies';
import { formatDateTime, shortId } from '@/lib/format';
import { ROLE_LABELS, type Role } from '@/lib/roles';
import { useMe } from '@/lib/session';
import { supportGrant, useSelectedGrant } from '@/lib/supportGrant';
import { navigationFor } from '../navigation';
import './Shell.css';

/** The frame of every screen: who is signed in, the navigation their roles allow, sign-out, and the screen. */
export function Shell() {
  const me = useMe();
  const grant = useSelectedGrant();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const navId = useId();
  const places = navigationFor(me, grant);

  useEffect(() => setMenuOpen(false), [location.pathname]);

  const roles = me.roles.filter((r): r is Role => r in ROLE_LABELS).map((r) => ROLE_LABELS[r]);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">Skip to main content</a>
      <header className="shell-header">
        <p className="brand"><NavLink to="/">ClaraOP</NavLink></p>
        <Button className="menu-toggle" aria-expanded={menuOpen} aria-controls={navId}
          onClick={() => setMenuOpen((open) => !open)}>
          Menu
        </Button>
        <div className="who">
          <span className="who-name">{me.username ?? 'Signed in'}</span>
          <span className="who-role">
            {roles.join(', ') || 'No role'}
            {me.tenantId ? ` · ${me.tenantId}` : ''}
          </span>
        </div>
        <ActingAs />
        <SignOut />
      </header>
      {grant ? <GrantBanner /> : null}
      <div className="shell-body">
        <nav id={navId} className={menuOpen ? 'shell-nav open' : 'shell-nav'} aria-label="Main">
          <ul>
            {places.map((place) => (
              <li key={place.to}>
                <NavLink to={place.to} end={place.to === '/'}>{place.label}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" className="shell-main" tabIndex={-1}>
          <ErrorBoundary resetKey={location.pathname}>
            <Suspense fallback={<Loading what="Opening…" />}>
              <Outlet />
            </Suspense>
          </ErrorBoundary>
        </main>
      </div>
    </div>
  );
}

/** A delegated operator picks the tenant they act in (with the one role its admin approved). */
function ActingAs() {
  const me = useMe();
  const acting = useActingTenant();
  const id = useId();
  const delegations = me.delegations ?? [];
  if (delegations.length === 0 && !acting) return null;
  return (
    <div className="acting">
      <label htmlFor={id}>Acting in</label>
      <select id={id} value={acting ?? ''} onChange={(e) => actingTenant.select(e.target.value || null)}>
        <option value="">My own account</option>
        {delegations.map((d) => (
          <option key={d.tenantId} value={d.tenantId}>
            {d.tenantId} as {d.role?.toLowerCase()}{d.expiresAt ? `, until ${formatDateTime(d.expiresAt)}` : ''}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * Signing out is a real form post to the gateway (which ends its session and Keycloak's), carrying the CSRF
 * cookie's value as `_csrf`.
 */
function SignOut() {
  const [token, setToken] = useState(() => csrfToken() ?? '');
  return (
    <form method="post" action="/app/logout" className="sign-out" onSubmit={() => setToken(csrfToken() ?? '')}>
      <input type="hidden" name="_csrf" value={token} readOnly />
      <Button type="submit" onFocus={() => setToken(csrfToken() ?? '')}>Sign out</Button>
    </form>
  );
}

/** A staff member working under a grant always sees which, for whom, and until when; and can stop. */
function GrantBanner() {
  const grant = useSelectedGrant();
  if (!grant) return null;
  return (
    <div className="grant-banner" role="region" aria-label="Support access in use">
      <p>
        Working under grant <code>{shortId(grant.id)}</code> for tenant <strong>{grant.tenantId}</strong>
        {grant.ticketId ? <> (ticket {grant.ticketId})</> : null}: {grant.scopes.join(', ')}
        {grant.expiresAt ? <>, until {formatDateTime(grant.expiresAt)}</> : null}. Every read is recorded and shown
        to the tenant.
      </p>
      <Button onClick={() => supportGrant.select(null)}>
        Stop using this grant
      </Button>
    </div>
  );
}
