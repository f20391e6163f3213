import { Link, useSearchParams } from 'react-router';
import { PageHeading, Section } from '@/components';
import { AccessTransparency } from '../components/AccessTransparency';
import { AuditLog } from '../components/AuditLog';
import { Integrity } from '../components/Integrity';
import '../components/audit.css';

const VIEWS = [
  { view: 'log', label: 'Log' },
  { view: 'integrity', label: 'Integrity' },
  { view: 'transparency', label: 'Access transparency' },
] as const;

/** The tenant's audit trail: the log, its integrity, and what our staff did with the tenant's data. */
export function AuditRoute() {
  const [params] = useSearchParams();
  const view = VIEWS.find((v) => v.view === params.get('view'))?.view ?? 'log';
  const label = VIEWS.find((v) => v.view === view)?.label ?? 'Log';
  return (
    <>
      <PageHeading title={`Audit: ${label}`}>Audit</PageHeading>
      <nav aria-label="Audit views" className="subnav">
        <ul>
          {VIEWS.map((v) => (
            <li key={v.view}>
              <Link to={`/audit?view=${v.view}`} aria-current={v.view === view ? 'page' : undefined}>{v.label}</Link>
            </li>
          ))}
        </ul>
      </nav>
      {view === 'log' ? <Section title="Log"><AuditLog /></Section> : null}
      {view === 'integrity' ? <Section title="Integrity"><Integrity /></Section> : null}
      {view === 'transparency' ? <Section title="Access transparency"><AccessTransparency /></Section> : null}
    </>
  );
}
