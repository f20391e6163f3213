import { EmptyState, PageHeading, Pager, ProblemMessage, Section, Time } from '@/components';
import { usePagedList } from '@/lib/paged';
import { listSecurityReports, platformKeys, type SecurityReportView } from '../api/platform';
import './platform.css';

/** Security triage reads what the public security-report form received (sensitive content was refused there). */
export function SecurityReportsRoute() {
  const reports = usePagedList<SecurityReportView>(platformKeys.reports(), (cursor, signal) => listSecurityReports(cursor, signal));
  return (
    <>
      <PageHeading>Security reports</PageHeading>
      <Section title="Received reports">
        {reports.query.isPending ? <p role="status">Loading reports…</p>
          : reports.query.error ? <ProblemMessage error={reports.query.error} />
            : reports.items.length === 0 ? (
              <EmptyState title="No security report received."><p>Reports sent through the public form at /security appear here.</p></EmptyState>
            ) : (
              <>
                <ol className="reports">
                  {reports.items.map((r) => (
                    <li key={r.reference} className="report">
                      <h3>{r.summary}</h3>
                      <p className="muted">Reference <code>{r.reference}</code> · received <Time value={r.receivedAt} /> · from {r.email}</p>
                      <p className="report-details">{r.details}</p>
                    </li>
                  ))}
                </ol>
                <Pager shown={reports.items.length} hasMore={reports.hasMore} loading={reports.loadingMore} onMore={reports.loadMore} noun="reports" />
              </>
            )}
      </Section>
    </>
  );
}
