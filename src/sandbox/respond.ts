/**
 * Turning a SandboxResult into a Fetch Response with the headers every answer
 * carries: X-Request-ID, the plan's X-RateLimit-* and CORS, so JavaScript
 * copied from the docs works in a browser against a standalone sandbox.
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

/** CORS for simple and actual requests. No credentials mode: the origin can stay `*`. */
export const CORS_HEADERS: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': EXPOSED_HEADERS.join(', '),
};

/** Answer a CORS preflight: any origin, the methods Agora uses, the headers above plus any X-Sandbox-*. */
export function preflight(request: Request): Response {
  const asked = (request.headers.get('access-control-request-headers') ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => /^x-sandbox-[a-z0-9-]+$/i.test(name));
  const allowed = [...new Set([...ALLOWED_HEADERS, ...asked])];
  return new Response(null, {
    status: 204,
    statusText: 'No Content',
    headers: {
      ...CORS_HEADERS,
      'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
      'Access-Control-Allow-Headers': allowed.join(', '),
      'Access-Control-Max-Age': '600',
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
  const headers = new Headers(CORS_HEADERS);
  for (const [name, value] of Object.entries(common)) headers.set(name, value);
  for (const [name, value] of Object.entries(result.headers ?? {})) headers.set(name, value);
  let body: string | null = null;
  if (result.body !== undefined) {
    body = JSON.stringify(result.body);
    headers.set('Content-Type', 'application/json; charset=utf-8');
  }
  return new Response(body, { status: result.status, statusText: STATUS_TEXT[result.status] ?? '', headers });
}
