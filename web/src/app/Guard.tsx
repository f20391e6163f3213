import type { ReactNode } from 'react';
import { Callout, PageHeading } from '@/components';
import { useMe } from '@/lib/session';
import { useSelectedGrant } from '@/lib/supportGrant';
import { PLACES, type PlaceName } from './navigation';

/** A screen the person's roles do not include says so in words (the server would refuse its calls anyway). */
export function Guard({ place, children }: { place: PlaceName; children: ReactNode }) {
  const me = useMe();
  const grant = useSelectedGrant();
  if (PLACES[place].allowed(me, grant)) return <>{children}</>;
  return (
    <>
      <PageHeading>{PLACES[place].label}</PageHeading>
      <Callout tone="warn">
        <p>You are not allowed to see this page with your role.</p>
        {me.staff ? <p>Staff see tenant data only under an active support-access grant: pick one under Staff access.</p> : null}
      </Callout>
    </>
  );
}

export function NotFound() {
  return (
    <>
      <PageHeading>Page not found</PageHeading>
      <p>There is no page at this address. Use the navigation to find your way.</p>
    </>
  );
}
