/**
 * Turning a SandboxResult into a Fetch Response, and the sandbox's CORS rule:
 * JavaScript copied from the docs works in a browser against a standalone
 * sandbox, but a foreign page cannot drive it on a visitor's behalf.
 */
import type { SandboxResult } from './types';

/** Request headers a browser may send (Authorization is never covered by `*`). */
const ALLOWED_HEADERS = ['Authorization', 'Content-Type', 'X-Request-ID', 'X-Sandbox-Fault', 'X-Sandbox-Down'];
const EXPOSED_HEADERS = [
  'X-Request-ID',
  'X-Resource-ID',
  'X-RateLimit-Limit',
  'X-RateLimit-Remaining',
  'X-RateLimit-Reset',
  'Retry-After',
  'X-Sandbox-Fault-Injected',
];
const CALL_METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS';
const READ_METHODS = 'GET, HEAD, OPTIONS';

/** CORS for a call it is allowed for. No credentials mode (no cookies), so the origin can stay `*`. */
export const CORS_HEADERS: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': EXPOSED_HEADERS.join(', '),
};

/** `/__sandbox/...`: creating, describing, resetting and deleting projects (admin.ts). */
export function isAdministrative(pathname: string): boolean {
  return pathname.split('/').includes('__sandbox');
}

/**
 * Whether a cross-origin page may read the answer to a call: reads, and calls
 * that carry a project's credentials (a page that has them could call Agora
 * itself). A state-changing call without credentials, and anything
 * administrative, gets no CORS, so a foreign page cannot use a visitor's
 * browser to act on a local sandbox.
 */
export function corsAllowed(pathname: string, method: string, hasAuthorization: boolean): boolean {
  if (isAdministrative(pathname)) return false;
  return method === 'GET' || method === 'HEAD' || hasAuthorization;
}

/** `response` with CORS headers when `request` may have them (the sandbox builds its responses, so headers are mutable). */
export function withCors(request: Request, response: Response): Response {
  if (corsAllowed(new URL(request.url).pathname, request.method, request.headers.has('authorization'))) {
    for (const [name, value] of Object.entries(CORS_HEADERS)) response.headers.set(name, value);
  }
  return response;
}

/**
 * An administrative call from another site is refused outright: CORS only hides
 * the answer, and a cross-site form post needs no preflight, so without this a
 * foreign page could still reset a visitor's local sandbox. Null when allowed.
 */
export function refuseCrossSite(request: Request): Response | null {
  const url = new URL(request.url);
  if (!isAdministrative(url.pathname)) return null;
  const fetchSite = request.headers.get('sec-fetch-site');
  const origin = request.headers.get('origin');
  let crossSite = fetchSite === 'cross-site' || fetchSite === 'same-site';
  if (origin !== null) {
    try {
      crossSite ||= new URL(origin).host !== url.host;
    } catch {
      crossSite = true; // `Origin: null` (sandboxed frame, file:) is never the site.
    }
  }
  if (!crossSite) return null;
  return new Response(
    JSON.stringify({ error: { code: 'cross_site_refused', message: 'Administrative sandbox paths (/__sandbox/...) only accept calls from the same origin or from tools such as curl.' } }),
    { status: 403, statusText: 'Forbidden', headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' } },
  );
}

/** Answer a CORS preflight the way `corsAllowed` would answer the call it announces; otherwise no CORS, so the browser stops. */
export function preflight(request: Request): Response {
  const askedHeaders = (request.headers.get('access-control-request-headers') ?? '').split(',').map((name) => name.trim()).filter(Boolean);
  const method = (request.headers.get('access-control-request-method') ?? '').toUpperCase();
  const withAuthorization = askedHeaders.some((name) => name.toLowerCase() === 'authorization');
  if (!corsAllowed(new URL(request.url).pathname, method, withAuthorization)) {
    return new Response(null, { status: 204, statusText: 'No Content', headers: { 'Cache-Control': 'no-store' } });
  }
  const asked = askedHeaders.filter((name) => /^x-sandbox-[a-z0-9-]+$/i.test(name));
  const allowed = [...new Set([...ALLOWED_HEADERS, ...asked])];
  return new Response(null, {
    status: 204,
    statusText: 'No Content',
    headers: {
      ...CORS_HEADERS,
      'Access-Control-Allow-Methods': withAuthorization ? CALL_METHODS : READ_METHODS,
      'Access-Control-Allow-Headers': allowed.join(', '),
      'Access-Control-Max-Age': '600',
      // The answer depends on what was asked, so a cache must key on it.
      Vary: 'Access-Control-Request-Method, Access-Control-Request-Headers',
    },
  });
}

/** Reason phrases, so a Node adapter writes `HTTP/1.1 429 Too Many Requests` rather than a bare code. */
const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export function toResponse(result: SandboxResult, common: Record<string, string>): Response {
  // CORS is added by withCors, which sees the request.
  const headers = new Headers();
  for (const [name, value] of Object.entries(common)) headers.set(name, value);
  for (const [name, value] of Object.entries(result.headers ?? {})) headers.set(name, value);
  let body: string | null = null;
  if (result.body !== undefined) {
    body = JSON.stringify(result.body);
    headers.set('Content-Type', 'application/json; charset=utf-8');
  }
  return new Response(body, { status: result.status, statusText: STATUS_TEXT[result.status] ?? '', headers });
}
