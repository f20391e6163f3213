import { ACTING_TENANT_HEADER, actingTenant } from './actingTenant';
import { browser, SIGN_IN_URL } from './browser';
import { CSRF_HEADER, csrfToken } from './cookies';
import { ProblemError, UNREACHABLE, type Problem } from './problem';
import { SUPPORT_GRANT_HEADER, supportGrant } from './supportGrant';

/**
 * The console's one HTTP client. Every feature's `api/` calls the services through it, and only through it.
 *
 * - Same-origin `/api/...` URLs with the gateway's session cookie (`credentials: 'same-origin'`): the browser
 *   holds no token; the gateway relays the signed-in user's.
 * - State-changing calls echo the `XSRF-TOKEN` cookie as `X-XSRF-TOKEN` (cookie-to-header CSRF).
 * - A selected support-access grant rides along as `X-Support-Grant` on every call; a delegated operator's chosen
 *   tenant as `X-Acting-Tenant`.
 * - Failures become a typed {@link ProblemError} (RFC 9457). A 401 means the session ended: the browser goes to
 *   `/app/`, which the gateway sends to the sign-in page.
 */

export type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue | QueryValue[]>;

export interface RequestOptions {
  query?: Query;
  /** Sent as JSON, or as-is when it is a Blob or FormData. */
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Calls about the staff member themself, not about the tenant's data, go without the grant: their access requests,
 * grants and tickets (under a grant the caller acts as the grant, which may not manage grants), and who they are.
 */
const NOT_UNDER_GRANT = ['/api/support-access/', '/api/identity/me'];

export function apiUrl(path: string, query?: Query): string {
  if (!path.startsWith('/api/')) throw new Error(`API paths start with /api/: ${path}`);
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) {
      if (v !== undefined && v !== null && v !== '') params.append(key, String(v));
    }
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

async function send(method: string, path: string, options: RequestOptions = {}): Promise<Response> {
  const headers = new Headers(options.headers);
  headers.set('Accept', 'application/json, application/problem+json');
  let body: BodyInit | undefined;
  if (options.body !== undefined) {
    if (options.body instanceof Blob || options.body instanceof FormData) {
      body = options.body;
    } else {
      headers.set('Content-Type', 'application/json');
      body = JSON.stringify(options.body);
    }
  }
  if (UNSAFE.has(method)) {
    const token = csrfToken();
    if (token) headers.set(CSRF_HEADER, token);
  }
  const grant = supportGrant.current();
  if (grant && !NOT_UNDER_GRANT.some((prefix) => path.startsWith(prefix))) headers.set(SUPPORT_GRANT_HEADER, grant.id);
  const acting = actingTenant.current();
  if (acting) headers.set(ACTING_TENANT_HEADER, acting);

  const url = apiUrl(path, options.query);
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      body,
      credentials: 'same-origin',
      cache: 'no-store',
      // The API never redirects; a redirect means the session is gone and the gateway wants a sign-in.
      redirect: 'manual',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ProblemError({ status: UNREACHABLE });
  }
  if (response.type === 'opaqueredirect' || response.status === 401) {
    browser.assign(SIGN_IN_URL);
    throw new ProblemError({ status: 401, title: 'Your session has ended' });
  }
  if (!response.ok) throw await problemOf(response);
  return response;
}

/** Reads a failed response as a problem; whatever the body is, only its known fields are kept. */
export async function problemOf(response: Response): Promise<ProblemError> {
  const headerId = response.headers.get('X-Request-Id') ?? undefined;
  const type = response.headers.get('Content-Type') ?? '';
  let problem: Problem = { status: response.status };
  if (type.includes('json')) {
    try {
      const body: unknown = await response.json();
      if (body && typeof body === 'object') {
        const b = body as Record<string, unknown>;
        problem = {
          status: typeof b.status === 'number' ? b.status : response.status,
          title: typeof b.title === 'string' ? b.title : undefined,
          detail: typeof b.detail === 'string' ? b.detail : undefined,
          type: typeof b.type === 'string' ? b.type : undefined,
          requestId: typeof b.requestId === 'string' ? b.requestId : undefined,
          errors: Array.isArray(b.errors)
            ? b.errors
                .filter((e): e is { field: unknown; message: unknown } => !!e && typeof e === 'object')
                .map((e) => ({ field: String(e.field ?? ''), message: String(e.message ?? '') }))
            : undefined,
        };
      }
    } catch {
      // not JSON after all: the status alone speaks
    }
  }
  return new ProblemError({ ...problem, status: response.status, requestId: problem.requestId ?? headerId });
}

async function json<T>(method: string, path: string, options?: RequestOptions): Promise<T> {
  const response = await send(method, path, options);
  if (response.status === 204 || response.headers.get('Content-Length') === '0') return undefined as T;
  const type = response.headers.get('Content-Type') ?? '';
  if (!type.includes('json')) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** A file the server answered: its bytes, the name it suggested, and its headers. */
export interface DownloadedFile {
  blob: Blob;
  fileName: string;
  headers: Headers;
}

export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(disposition);
  if (star?.[1]) return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
  return plain?.[1]?.trim() ?? fallback;
}

export const http = {
  get: <T>(path: string, options?: RequestOptions) => json<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => json<T>('POST', path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) => json<T>('PUT', path, { ...options, body }),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions) => json<T>('PATCH', path, { ...options, body }),
  delete: <T>(path: string, options?: RequestOptions) => json<T>('DELETE', path, options),
  /** A binary answer (a bank file, digests), fetched as a blob to be saved through {@link saveFile}. */
  async file(method: 'GET' | 'POST', path: string, body?: unknown, fallbackName = 'download'): Promise<DownloadedFile> {
    const response = await send(method, path, { body });
    return {
      blob: await response.blob(),
      fileName: fileNameOf(response.headers.get('Content-Disposition'), fallbackName),
      headers: response.headers,
    };
  },
};

/** Saves a blob as a file: an object URL clicked through `<a download>`, then released. */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
