import type { Action } from '@/lib/action';
import { ProblemMessage } from './ProblemMessage';
import './components.css';

/**
 * Where an action says what it is doing and what came of it. The live region is always in the page, so a change
 * to it is announced; a failure is an alert.
 */
export function ActionStatus({ action, working = 'Working…', fieldsShownElsewhere = true }: {
  action: Action; working?: string; fieldsShownElsewhere?: boolean }) {
  return (
    <>
      <p className="action-status" role="status" aria-live="polite">
        {action.pending ? working : action.message && !action.error ? action.message : ''}
      </p>
      {action.error ? <ProblemMessage error={action.error} fieldsShownElsewhere={fieldsShownElsewhere} /> : null}
    </>
  );
}
