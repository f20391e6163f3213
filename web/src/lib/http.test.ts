import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, mockFetch, noContent, problem } from '@/test/fetchMock';
import { browser } from './browser';
import { http } from './http';
import { ProblemError } from './problem';
import { supportGrant } from './supportGrant';

afterEach(() => vi.unstubAllGlobals());

describe('the HTTP client', () => {
  it('sends the CSRF cookie as X-XSRF-TOKEN on a POST', async () => {
    document.cookie = 'XSRF-TOKEN=token-123; path=/';
    const api = mockFetch({ 'POST /api/batches': json({ id: 'b1' }, 201) });
    await http.post('/api/batches', { currency: 'USD' });
    expect(api.last('POST', '/api/batches')?.headers.get('X-XSRF-TOKEN')).toBe('token-123');
  });

  it('sends it on PUT and DELETE too, and never on a GET', async () => {
    document.cookie = 'XSRF-TOKEN=token-456; path=/';
    const api = mockFetch({ 'GET /api/batches': json({ items: [] }), 'PUT /api/x': json({}), 'DELETE /api/x': noContent() });
    await http.get('/api/batches');
    await http.put('/api/x', {});
    await http.delete('/api/x');
    expect(api.last('GET', '/api/batches')?.headers.has('X-XSRF-TOKEN')).toBe(false);
    expect(api.last('PUT', '/api/x')?.headers.get('X-XSRF-TOKEN')).toBe('token-456');
    expect(api.last('DELETE', '/api/x')?.headers.get('X-XSRF-TOKEN')).toBe('token-456');
  });

  it('uses the session cookie, not a token: same-origin credentials and no Authorization header', async () => {
    const api = mockFetch({ 'GET /api/identity/me': json({ id: 'u' }) });
    await http.get('/api/identity/me');
    expect(api.seen[0]?.credentials).toBe('same-origin');
    expect(api.seen[0]?.headers.has('Authorization')).toBe(false);
  });

  it('turns a 400 problem into a typed error with its field errors', async () => {
    mockFetch({ 'POST /api/invoices': problem(400, 'Invalid request', {
      detail: 'amount must be at least 0.01', requestId: 'req-1',
      errors: [{ field: 'amount', message: 'must be at least 0.01' }, { field: 'proofs[0].url', message: 'must be an https link' }],
    }) });
    const error = await http.post('/api/invoices', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProblemError);
    const problemError = error as ProblemError;
    expect(problemError.status).toBe(400);
    expect(problemError.fieldError('amount')).toBe('must be at least 0.01');
    expect(problemError.fieldError('proofs[0].url')).toBe('must be an https link');
    expect(problemError.requestId).toBe('req-1');
  });

  it('takes the request id from X-Request-Id when the problem has none', async () => {
    mockFetch({ 'GET /api/batches': problem(503, 'Service unavailable', {}, { 'X-Request-Id': 'req-from-header' }) });
    const error = (await http.get('/api/batches').catch((e: unknown) => e)) as ProblemError;
    expect(error.status).toBe(503);
    expect(error.requestId).toBe('req-from-header');
  });

  it('reads a body that is not a problem as a status alone, never showing it', async () => {
    mockFetch({ 'GET /api/batches': new Response('<html>stack trace at dev.claraop.X(Y.java:1)</html>', { status: 500, headers: { 'Content-Type': 'text/html' } }) });
    const error = (await http.get('/api/batches').catch((e: unknown) => e)) as ProblemError;
    expect(error.status).toBe(500);
    expect(error.title).toBe('Something went wrong on our side');
    expect(error.detail).toBeUndefined();
  });

  it('sends the browser to /app/ when the session has ended (401)', async () => {
    const assign = vi.spyOn(browser, 'assign').mockImplementation(() => {});
    mockFetch({ 'GET /api/batches': problem(401, 'Unauthorized') });
    await expect(http.get('/api/batches')).rejects.toMatchObject({ status: 401 });
    expect(assign).toHaveBeenCalledWith('/app/');
  });

  it('sends X-Support-Grant on every call for tenant data while a grant is selected, and stops when it is not', async () => {
    const api = mockFetch({ 'GET /api/batches': json({ items: [] }), 'GET /api/invoices': json({ items: [] }) });
    supportGrant.select({ id: 'grant-9', tenantId: 'demo', scopes: ['PAYOUTS_READ'] });
    await http.get('/api/batches');
    await http.get('/api/invoices');
    supportGrant.select(null);
    await http.get('/api/batches');
    expect(api.seen.map((r) => r.headers.get('X-Support-Grant'))).toEqual(['grant-9', 'grant-9', null]);
  });

  it('keeps the grant out of the staff member’s own calls: support access itself, and who they are', async () => {
    const api = mockFetch({ 'POST /api/support-access/tickets/T-1/close': json({}), 'GET /api/identity/me': json({}) });
    supportGrant.select({ id: 'grant-9', tenantId: 'demo', scopes: ['PAYOUTS_READ'] });
    await http.post('/api/support-access/tickets/T-1/close');
    await http.get('/api/identity/me');
    expect(api.seen.map((r) => r.headers.get('X-Support-Grant'))).toEqual([null, null]);
  });

  it('reports an unreachable server as status 0, not as an exception from fetch', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('Failed to fetch'); }));
    await expect(http.get('/api/batches')).rejects.toMatchObject({ status: 0 });
  });

  it('downloads a file as a blob with the name the server gave it', async () => {
    mockFetch({ 'POST /api/batches/b1/export': new Response('<Document/>', {
      status: 200, headers: { 'Content-Type': 'application/xml', 'Content-Disposition': 'attachment; filename="pain001-b1.xml"' } }) });
    const file = await http.file('POST', '/api/batches/b1/export', { purpose: 'p', format: 'PAIN_001' });
    expect(file.fileName).toBe('pain001-b1.xml');
    expect(await file.blob.text()).toBe('<Document/>');
  });

  it('refuses a path outside /api', async () => {
    await expect(http.get('https://evil.example/api/x')).rejects.toThrow(/start with \/api/);
  });
});
