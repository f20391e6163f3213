import { ActionStatus, Button, PageHeading, Section } from '@/components';
import { useAction } from '@/lib/action';
import { hasRole } from '@/lib/roles';
import { useMe } from '@/lib/session';
import { purgeNow, retentionKeys } from '../api/retention';
import { RunsTable } from '../components/RunsTable';

/** Payout PII purge: batches closed 30 days ago lose their bank details (names, amounts and statuses stay). */
export function RunsRoute() {
  const me = useMe();
  const everyone = hasRole(me, 'PLATFORM_ADMIN');
  const purge = useAction(purgeNow, {
    success: (run) => `Purge run finished: ${run.due?.length ?? 0} due, ${run.purged?.length ?? 0} purged, ${run.failed?.length ?? 0} failed.`,
    invalidate: [retentionKeys.runs()],
  });
  return (
    <>
      <PageHeading>Purge runs</PageHeading>
      <Section title="Purge now">
        <p>
          Bank details of a closed batch are kept 30 days after it closed, then crypto-shredded: the creator's name, the
          amount and the status stay. The purge runs daily at 03:00 UTC; purge now to do it at once
          {everyone ? ', for every tenant' : ' for your agency'}.
        </p>
        <Button variant="primary" busy={purge.pending} busyLabel="Purging…" onClick={() => purge.run(undefined)}>Purge now</Button>
        <ActionStatus action={purge} working="Purging the batches that are due…" />
      </Section>
      <Section title="Runs"><RunsTable /></Section>
    </>
  );
}
