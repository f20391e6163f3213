import { vi } from 'vitest';

/** One request the console made, as the boundary saw it. */
export interface SeenRequest {
  method: string;
  url: string;
  headers: Headers;
  body: unknown;
  credentials?: RequestCredentials;
}

type Answer = Response | ((request: SeenRequest) => Response | Promise<Response>);

/**
 * Stubs `fetch`, the console's only boundary: answers by "METHOD /path" (the path without the query; a trailing
 * `*` matches a prefix) and records every request. Unanswered requests are a 404 problem.
 */
export function mockFetch(routes: Record<string, Answer>) {
  const seen: SeenRequest[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input);
    const method = (init.method ?? 'GET').toUpperCase();
    const path = url.split('?')[0] ?? url;
    const body = typeof init.body === 'string' ? JSON.parse(init.body) : init.body;
    const request: SeenRequest = { method, url, headers: new Headers(init.headers), body, credentials: init.credentials };
    seen.push(request);
    const key = Object.keys(routes).find((k) => {
      const [m, p = ''] = k.split(' ');
      return m === method && (p.endsWith('*') ? path.startsWith(p.slice(0, -1)) : p === path);
    });
    const answer = key ? routes[key] : problem(404, 'Not Found');
    return typeof answer === 'function' ? answer(request) : (answer as Response).clone();
  });
  vi.stubGlobal('fetch', fetch);
  return { fetch, seen, last: (method: string, path: string) => [...seen].reverse().find((r) => r.method === method && r.url.startsWith(path)) };
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

export function problem(status: number, title: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ type: 'about:blank', title, status, ...extra }),
    { status, headers: { 'Content-Type': 'application/problem+json', ...headers } });
}

export function noContent(): Response {
  return new Response(null, { status: 204 });
}
