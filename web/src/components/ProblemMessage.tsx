import { describeProblem, isProblem } from '@/lib/problem';
import './components.css';

/**
 * A failure in words: 403 "You are not allowed to do this.", a 409's reason, a 5xx's title with the request id.
 * Announced to screen readers (role="alert"). Field errors are shown beside their fields, not here, unless
 * `fieldsShownElsewhere` is false.
 */
export function ProblemMessage({ error, fieldsShownElsewhere = true }: { error: unknown; fieldsShownElsewhere?: boolean }) {
  if (!error) return null;
  const { headline, detail, requestId } = describeProblem(error);
  const fieldErrors = !fieldsShownElsewhere && isProblem(error) ? error.errors : [];
  const fieldsBeside = fieldsShownElsewhere && isProblem(error) && error.errors.length > 0;
  return (
    <div className="problem" role="alert">
      <p className="problem-headline">{headline}</p>
      {detail && !fieldsBeside ? <p>{detail}</p> : null}
      {fieldsBeside ? <p>Check the fields marked below.</p> : null}
      {fieldErrors.length > 0 ? (
        <ul>{fieldErrors.map((e) => <li key={e.field}>{e.field}: {e.message}</li>)}</ul>
      ) : null}
      {requestId ? <p className="problem-request">Request id: <code>{requestId}</code></p> : null}
    </div>
  );
}
