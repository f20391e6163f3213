import { useState } from 'react';
import { PageHeading, Section, SelectField } from '@/components';
import { humanize } from '@/lib/format';
import { TENANT_ROLES } from '../api/identity';
import { DelegationsSection } from '../components/DelegationsSection';
import { InviteForm, MembersList } from '../components/MembersSection';
import { PodsSection } from '../components/PodsSection';

/** An admin's people: members and invitations, pods, delegated operators. */
export function PeopleRoute() {
  const [role, setRole] = useState('');
  return (
    <>
      <PageHeading>Users and pods</PageHeading>
      <Section title="Invite a user"><InviteForm /></Section>
      <Section title="Members">
        <SelectField label="Role" name="roleFilter" value={role} onChange={(e) => setRole(e.target.value)}
          options={[{ value: '', label: 'All roles' }, ...TENANT_ROLES.map((r) => ({ value: r, label: humanize(r) }))]} />
        <MembersList role={role || undefined} />
      </Section>
      <Section title="Pods"><PodsSection /></Section>
      <Section title="Delegated operators"><DelegationsSection /></Section>
    </>
  );
}
