import { Callout } from '@/components';
import type { ChainResult } from '../api/audit';

export function ChainResultView({ result, against }: { result: ChainResult; against?: number }) {
  if (result.ok) {
    return (
      <Callout title="The chain is intact">
        <p data-testid="chain-result">
          ok: {result.entriesChecked ?? 0} entries checked, every link holds
          {against !== undefined ? `, and it agrees with the ${against} digest${against === 1 ? '' : 's'} you kept` : ''}.
        </p>
      </Callout>
    );
  }
  return (
    <Callout tone="warn" title="The chain is broken">
      <p data-testid="chain-result">
        {result.entriesChecked ?? 0} entries checked before the break.
        {result.firstBrokenEntryId ? <> First broken entry: <code>{result.firstBrokenEntryId}</code>.</> : null}
      </p>
      {result.reason ? <p>{result.reason}</p> : null}
      <p>Someone changed the audit log outside the system. Tell your security contact.</p>
    </Callout>
  );
}
