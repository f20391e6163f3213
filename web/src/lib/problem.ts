/** One field the server refused, as RFC 9457 problems from the services name them (`errors[]`). */
export interface FieldError {
  field: string;
  message: string;
}

/** An RFC 9457 problem document, as the services and the gateway answer errors. */
export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
}

/**
 * Every failed call becomes one of these: the status, the problem's words, the request id to quote, and the
 * field errors a form shows beside its fields. Never holds a stack trace or a raw body.
 */
export class ProblemError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail?: string;
  readonly type?: string;
  readonly requestId?: string;
  readonly errors: FieldError[];

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title ?? defaultTitle(problem.status));
    this.name = 'ProblemError';
    this.status = problem.status;
    this.title = problem.title ?? defaultTitle(problem.status);
    this.detail = problem.detail;
    this.type = problem.type;
    this.requestId = problem.requestId;
    this.errors = problem.errors ?? [];
  }

  /** The message for one field (`amount`, `proofs[0].url`), if the server named it. */
  fieldError(field: string): string | undefined {
    return this.errors.find((e) => e.field === field)?.message;
  }

  get isValidation(): boolean {
    return this.status === 400 || this.status === 422;
  }
}

export function isProblem(error: unknown): error is ProblemError {
  return error instanceof ProblemError;
}

/** Status 0: the request never got an answer (network down, gateway unreachable). */
export const UNREACHABLE = 0;

function defaultTitle(status: number): string {
  switch (status) {
    case UNREACHABLE:
      return 'The server could not be reached';
    case 400:
      return 'Some of what you entered was not accepted';
    case 401:
      return 'Your session has ended';
    case 403:
      return 'Forbidden';
    case 404:
      return 'Not found';
    case 409:
      return 'Not possible in the current state';
    case 413:
      return 'Too large';
    case 422:
      return 'Not accepted';
    case 429:
      return 'Too many requests';
    default:
      return status >= 500 ? 'Something went wrong on our side' : `Request failed (${status})`;
  }
}

/**
 * What a person reads about a failure, in words: never raw JSON, never a stack trace.
 * `headline` is the sentence; `requestId` is shown beside server errors so support can find them.
 */
export function describeProblem(error: unknown): { headline: string; detail?: string; requestId?: string } {
  if (!isProblem(error)) {
    return { headline: 'Something went wrong in the console. Reload the page and try again.' };
  }
  const { status } = error;
  if (status === UNREACHABLE) {
    return { headline: 'The server could not be reached. Check your connection and try again.' };
  }
  if (status === 401) return { headline: 'Your session has ended. Taking you to the sign-in page…' };
  if (status === 403) return { headline: 'You are not allowed to do this.', detail: sentence(error.detail) };
  if (status === 404) {
    return { headline: 'Not found: it does not exist, or it is not yours to see.', detail: sentence(error.detail) };
  }
  if (status === 409) {
    return {
      headline: 'This cannot be done in its current state.',
      detail: sentence(error.detail) ?? 'Someone may have changed it meanwhile: reload and check.',
    };
  }
  if (status === 429) return { headline: 'Too many requests. Wait a moment, then try again.' };
  if (status >= 500) {
    return { headline: error.title, detail: 'Try again shortly. If it keeps failing, quote the request id to support.',
      requestId: error.requestId };
  }
  if (status === 400 || status === 422) {
    const unplaced = error.errors.map((e) => `${e.field}: ${e.message}`).join('; ');
    return { headline: error.title, detail: sentence(error.detail) ?? (unplaced || undefined) };
  }
  return { headline: error.title, detail: sentence(error.detail), requestId: error.requestId };
}

function sentence(text: string | undefined): string | undefined {
  if (!text) return undefined;
  // A body that looks like a dump (JSON, a stack trace) is never shown as it is.
  if (/^\s*[[{]/.test(text) || /\bat [\w.$]+\(/.test(text)) return undefined;
  return text;
}
