import type { Page, Route } from '@playwright/test';

/**
 * A stand-in for the suite's `/api`, for checks that need no running suite: layout at 390 and 1280 px, axe, CSP
 * (vite preview sends the gateway's policy) and the 10,000-line benchmark. It answers in the services' shapes
 * (lists `{items, nextCursor}`, problems RFC 9457) from a small in-memory tenant.
 */
export type MockRole = 'ADMIN' | 'ADMIN2' | 'MANAGER' | 'CREATOR' | 'SUPPORT_ENGINEER' | 'SUPPORT_REVIEWER' | 'PLATFORM_ADMIN'
  | 'SECURITY_TRIAGE';

const ADMIN = '11111111-0000-4000-8000-000000000001';
const ADMIN2 = '11111111-0000-4000-8000-000000000002';
const MANAGER = '11111111-0000-4000-8000-000000000003';
const CREATOR1 = '11111111-0000-4000-8000-000000000004';
const CREATOR2 = '11111111-0000-4000-8000-000000000005';

const ME: Record<MockRole, object> = {
  ADMIN: { id: ADMIN, username: 'admin@demo.claraop.dev', tenantId: 'demo', roles: ['ADMIN'], staff: false, delegations: [] },
  ADMIN2: { id: ADMIN2, username: 'admin2@demo.claraop.dev', tenantId: 'demo', roles: ['ADMIN'], staff: false, delegations: [] },
  MANAGER: { id: MANAGER, username: 'manager@demo.claraop.dev', tenantId: 'demo', roles: ['MANAGER'], staff: false, delegations: [] },
  CREATOR: { id: CREATOR1, username: 'creator1@demo.claraop.dev', tenantId: 'demo', roles: ['CREATOR'], staff: false, delegations: [] },
  SUPPORT_ENGINEER: { id: '33333333-0000-4000-8000-000000000002', username: 'support@claraop.dev', tenantId: null, roles: ['SUPPORT_ENGINEER'], staff: true },
  SUPPORT_REVIEWER: { id: '33333333-0000-4000-8000-000000000003', username: 'reviewer@claraop.dev', tenantId: null, roles: ['SUPPORT_REVIEWER'], staff: true },
  PLATFORM_ADMIN: { id: '33333333-0000-4000-8000-000000000001', username: 'platform-admin@claraop.dev', tenantId: null, roles: ['PLATFORM_ADMIN'], staff: true },
  SECURITY_TRIAGE: { id: '33333333-0000-4000-8000-000000000004', username: 'security@claraop.dev', tenantId: null, roles: ['SECURITY_TRIAGE'], staff: true },
};

export interface MockOptions {
  role: MockRole;
  /** Lines of the big batch (`bench-batch`), paged 100 at a time like `GET /api/batches/{id}/lines`. */
  bigBatchLines?: number;
  /** Milliseconds each answer waits, to look like a network. */
  latencyMs?: number;
}

const now = Date.UTC(2025, 4, 14, 9, 30);
const iso = (minutesAgo: number) => new Date(now - minutesAgo * 60_000).toISOString();
const uuid = (n: number) => `${n.toString(16).padStart(8, '0')}-7c1e-4a2b-9d3f-${(n * 7919).toString(16).padStart(12, '0')}`;

function line(i: number, status = 'PENDING') {
  return {
    id: uuid(100_000 + i), creatorId: uuid(200_000 + i), creatorName: `Creator ${i + 1}`,
    amount: Number((100 + i / 100).toFixed(2)), currency: 'EUR', status, account: `••••${String(1000 + (i % 9000)).padStart(4, '0')}`,
  };
}

export async function mockApi(page: Page, options: MockOptions): Promise<void> {
  const bigLines = options.bigBatchLines ?? 10_000;
  const batches = [
    { id: 'b7a1c2d3-0000-4000-8000-000000000001', currency: 'USD', status: 'GENERATED', generatedBy: ADMIN, approvedBy: null,
      closedAt: null, total: 2750, purgedAt: null, generatedAt: iso(30), lineCount: 2,
      lines: [
        { id: 'l1', creatorId: CREATOR1, creatorName: 'Cleo Creator', amount: 1650, currency: 'USD', status: 'PENDING', account: '••••5555' },
        { id: 'l2', creatorId: CREATOR2, creatorName: 'Cody Maker', amount: 1100, currency: 'USD', status: 'PENDING', account: '••••6789' },
      ] },
    { id: 'bench-batch', currency: 'EUR', status: 'EXPORTED', generatedBy: ADMIN2, approvedBy: ADMIN, closedAt: null,
      total: 1_000_000 + bigLines * 0.5, purgedAt: null, generatedAt: iso(600), lineCount: bigLines },
    { id: 'c3d4e5f6-0000-4000-8000-000000000003', currency: 'USD', status: 'FULLY_PAID', generatedBy: ADMIN, approvedBy: ADMIN2,
      closedAt: iso(3000), total: 500, purgedAt: null, generatedAt: iso(3100), lineCount: 1,
      lines: [{ id: 'l9', creatorId: CREATOR1, creatorName: 'Cleo Creator', amount: 500, currency: 'USD', status: 'PAID', account: '••••5555' }] },
  ];
  const invoices = [
    { id: 'inv-0001-submitted', creatorId: CREATOR1, creatorName: 'Cleo Creator', campaignId: 'demo-campaign-1', amount: 320, currency: 'USD',
      status: 'SUBMITTED', submittedAt: iso(50), proofs: [{ url: 'https://video.example/watch/123', deliveredOn: '2025-05-10' }] },
    { id: 'demo-invoice-1', creatorId: CREATOR1, creatorName: 'Cleo Creator', campaignId: 'demo-campaign-1', amount: 1200, currency: 'USD',
      status: 'APPROVED', submittedAt: iso(900), decidedBy: ADMIN, decidedAt: iso(800), proofs: [] },
    { id: 'demo-invoice-3', creatorId: CREATOR2, creatorName: 'Cody Maker', campaignId: 'demo-campaign-1', amount: 800, currency: 'USD',
      status: 'REJECTED', submittedAt: iso(900), decidedBy: ADMIN, decidedAt: iso(700), rejectionReason: 'The post was removed before the campaign ended.', proofs: [] },
  ];
  const campaigns = [
    { id: 'demo-campaign-1', name: 'Summer glow launch', brand: 'Lumen Skincare', status: 'ACTIVE', source: 'MANUAL', cues: [], createdAt: iso(5000) },
    { id: 'demo-campaign-2', name: 'Trail running series', brand: 'Ridgeline Outdoor', status: 'ACTIVE', source: 'MANUAL', cues: [], createdAt: iso(4000) },
    { id: 'draft-1', name: 'Autumn capsule collab', brand: 'Northwind Apparel', status: 'DRAFT', source: 'INBOX', brandDomain: 'northwind.example',
      mailboxId: 'mb-1', threadId: 't-1', cues: ['sponsorship', 'rate card', 'deliverables'], detectedAt: iso(120), createdAt: iso(120) },
  ];
  const grants = [
    { id: 'g-pending-0001', tenantId: 'demo', requestedBy: '33333333-0000-4000-8000-000000000002', reason: 'SUPPORT_TICKET', ticketId: 'SUP-1042',
      scopes: ['PAYOUTS_READ'], status: 'PENDING', justification: 'The admin reports a batch total that looks wrong; I need to read it.',
      durationMinutes: 60, requestedAt: iso(10), decideBy: iso(-1430) },
    { id: 'g-active-0002', tenantId: 'demo', requestedBy: '33333333-0000-4000-8000-000000000002', approvedBy: ADMIN, reason: 'INCIDENT',
      ticketId: 'INC-77', scopes: ['PAYOUTS_READ', 'INVOICES_READ'], status: 'ACTIVE', expiresAt: iso(-50),
      justification: 'Investigating failed exports reported by the tenant.', durationMinutes: 120, requestedAt: iso(70) },
  ];
  const json = (route: Route, body: unknown, status = 200) =>
    route.fulfill({ status, contentType: status >= 400 ? 'application/problem+json' : 'application/json', body: JSON.stringify(body) });
  const problem = (route: Route, status: number, title: string, detail?: string) =>
    json(route, { type: 'about:blank', title, status, detail, requestId: 'req-mock-1' }, status);
  const page1 = <T,>(items: T[]) => ({ items, nextCursor: null });

  await page.route('**/api/**', async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    const path = url.pathname;
    const method = request.method();
    if (options.latencyMs) await new Promise((r) => setTimeout(r, options.latencyMs));
    if (method !== 'GET' && !request.headers()['x-xsrf-token']) return problem(route, 403, 'Forbidden', 'CSRF token missing');

    if (path === '/api/identity/me') return json(route, ME[options.role]);
    // batches
    if (path === '/api/batches' && method === 'GET') {
      return json(route, page1(batches.map((batch) => { const summary: Record<string, unknown> = { ...batch, linesHref: `/api/batches/${batch.id}/lines` }; delete summary.lines; return summary; })));
    }
    if (path === '/api/batches' && method === 'POST') return problem(route, 409, 'Conflict', 'no approved, unpaid invoice in EUR');
    let m = /^\/api\/batches\/([^/]+)$/.exec(path);
    if (m && method === 'GET') {
      const batch = batches.find((b) => b.id === m![1]);
      return batch ? json(route, batch) : problem(route, 404, 'Not found', 'batch');
    }
    m = /^\/api\/batches\/([^/]+)\/lines$/.exec(path);
    if (m) {
      const batch = batches.find((b) => b.id === m![1]);
      if (!batch) return problem(route, 404, 'Not found', 'batch');
      const limit = Number(url.searchParams.get('limit') ?? 100);
      const start = Number(url.searchParams.get('cursor') ?? 0);
      if (batch.id === 'bench-batch') {
        const items = Array.from({ length: Math.max(0, Math.min(limit, bigLines - start)) }, (_, k) => line(start + k, (start + k) % 17 === 0 ? 'PAID' : 'PENDING'));
        return json(route, { items, nextCursor: start + limit < bigLines ? String(start + limit) : null });
      }
      return json(route, page1(batch.lines ?? []));
    }
    if (/^\/api\/batches\/[^/]+\/(approve|cancel)$/.test(path) || /\/lines\/[^/]+\/(paid|failed)$/.test(path)) {
      return route.fulfill({ status: 204 });
    }
    // invoices and campaigns
    if (path === '/api/invoices' && method === 'GET') {
      const status = url.searchParams.get('status');
      const mine = options.role === 'CREATOR' ? invoices.filter((i) => i.creatorId === CREATOR1) : invoices;
      return json(route, page1(mine.filter((i) => !status || i.status === status)));
    }
    m = /^\/api\/invoices\/([^/]+)$/.exec(path);
    if (m && method === 'GET') {
      const invoice = invoices.find((i) => i.id === m![1]);
      return invoice ? json(route, invoice) : problem(route, 404, 'Not found', 'invoice');
    }
    if (path === '/api/invoices' && method === 'POST') {
      return problem(route, 400, 'Invalid request', 'amount must be at least 0.01');
    }
    if (path === '/api/my/payouts') {
      return json(route, page1([
        { lineId: 'l9', batchId: 'c3d4e5f6-0000-4000-8000-000000000003', batchReference: 'c3d4e5f6', amount: 500, currency: 'USD', status: 'PAID',
          account: '••••5555', batchStatus: 'FULLY_PAID', generatedAt: iso(3100), approvedAt: iso(3090), exportedAt: iso(3080),
          confirmedAt: iso(3000), approvedBy: 'an agency admin' },
        { lineId: 'l1', batchId: 'b7a1c2d3-0000-4000-8000-000000000001', batchReference: 'b7a1c2d3', amount: 1650, currency: 'USD', status: 'PENDING',
          account: '••••5555', batchStatus: 'GENERATED', generatedAt: iso(30) },
      ]));
    }
    if (path === '/api/campaigns' && method === 'GET') {
      return json(route, page1(options.role === 'CREATOR' ? campaigns.filter((c) => c.source === 'MANUAL') : campaigns));
    }
    // profiles
    m = /^\/api\/payout-profiles\/([^/]+)$/.exec(path);
    if (m && method === 'GET') {
      return json(route, { creatorId: m[1], accountHolder: 'Cleo Creator', country: 'GB', currency: 'USD', iban: '••••5555', bic: '••••GB22',
        lastEditedBy: m[1], updatedAt: iso(2000) });
    }
    if (m && method === 'PUT') {
      return json(route, { creatorId: m[1], accountHolder: 'Cleo Creator', country: 'GB', currency: 'USD', iban: '••••4321', updatedAt: iso(0) });
    }
    // identity
    if (path === '/api/identity/users' && method === 'GET') {
      return json(route, page1([
        { userId: ADMIN, email: 'admin@demo.claraop.dev', role: 'ADMIN', status: 'ACTIVE' },
        { userId: MANAGER, email: 'manager@demo.claraop.dev', role: 'MANAGER', status: 'ACTIVE' },
        { userId: CREATOR1, email: 'creator1@demo.claraop.dev', role: 'CREATOR', status: 'ACTIVE' },
        { userId: CREATOR2, email: 'creator2@demo.claraop.dev', role: 'CREATOR', status: 'INVITED' },
      ].filter((u) => !url.searchParams.get('role') || u.role === url.searchParams.get('role'))));
    }
    if (path === '/api/identity/pods') return json(route, page1([{ podId: 'pod-a', name: 'Pod A', managerId: MANAGER, creatorIds: [CREATOR1] }]));
    if (path === '/api/identity/delegations') {
      return json(route, page1([{ id: 'd-1', userId: '22222222-0000-4000-8000-000000000001', role: 'MANAGER', expiresAt: iso(-10000), status: 'ACTIVE' }]));
    }
    if (path === '/api/identity/account/deletion') return json(route, { status: 'ACTIVE', graceEndsAt: null });
    // support access, audit, inbox, retention, platform
    if (path === '/api/support-access/grants') {
      const status = url.searchParams.get('status');
      return json(route, page1(grants.filter((g) => !status || g.status === status)));
    }
    if (path === '/api/support-access/security-reports') {
      return json(route, page1([{ reference: 'SR-2025-0007', email: 'researcher@example.org', summary: 'Open redirect on /contact',
        details: 'The contact form accepts a return URL...\nSteps to reproduce: 1. ...', receivedAt: iso(300) }]));
    }
    if (path === '/api/audit/entries') {
      return json(route, { items: Array.from({ length: 12 }, (_, i) => ({ id: `e-${i}`, occurredAt: iso(i * 7), action: i % 3 ? 'payout.invoice.approved' : 'access.staff-read',
        actor: i % 3 ? { kind: 'USER', id: ADMIN } : { kind: 'STAFF', id: '33333333-0000-4000-8000-000000000002', grantId: 'g-active-0002' },
        resource: { type: i % 3 ? 'invoice' : 'batch', id: `r-${i}` }, outcome: 'SUCCEEDED', purpose: i % 3 ? null : 'support' })), nextCursor: 'c2' });
    }
    if (path === '/api/audit/verify') return json(route, { ok: true, entriesChecked: 1284, firstBrokenEntryId: null });
    if (path === '/api/audit/digests') return json(route, page1([]));
    if (path === '/api/audit/access-transparency') {
      return json(route, page1([{ who: '33333333-0000-4000-8000-000000000002', grantId: 'g-active-0002', reason: 'INCIDENT', ticketId: 'INC-77',
        approvedBy: ADMIN, action: 'access.staff-read', what: { type: 'batch', id: 'b7a1c2d3' }, method: 'GET', status: '200', outcome: 'SUCCEEDED', when: iso(20) }]));
    }
    if (path === '/api/inbox' && method === 'GET') {
      return json(route, [{ id: 'mb-1', status: 'CONNECTED', connectedBy: ADMIN, connectedAt: iso(200), lastSyncedAt: iso(5), lastSyncOutcome: '50 messages read, 3 campaigns detected' }]);
    }
    if (path === '/api/retention/runs') {
      return json(route, page1([{ id: 'run-1', trigger: 'SCHEDULED', scope: 'ALL', startedAt: iso(400), finishedAt: iso(399), due: ['x'], purged: ['x'], failed: [] },
        { id: 'run-2', trigger: 'MANUAL', scope: 'tenant demo', startedAt: iso(1800), finishedAt: iso(1799), due: [], purged: [], failed: [] }]));
    }
    if (path === '/api/retention/erasures') {
      return json(route, page1([{ erasureId: 'er-1', tenantId: 'demo', userId: CREATOR2, status: 'SCHEDULED', requestedAt: iso(100), graceEndsAt: iso(-43000),
        attempts: 0, confirmAttempts: 0, services: { 'payout-service': { confirmedAt: null }, 'gmail-ingest-service': { confirmedAt: null } } }]));
    }
    return problem(route, 404, 'Not found', `no mock for ${method} ${path}`);
  });
}
