/**
 * Share links: the request (never credentials) in the URL hash, as
 * `#try=1.<base64url JSON>`. The method, path template and auth scheme are not
 * stored: on restore they come from the catalog, so a link cannot make a
 * tester send something the catalog does not describe.
 */
import type { ApiRequest } from '../../request/apiRequest';

export const SHARE_VERSION = 1;
const PREFIX = 'try=';

/** The part of a request a link carries. */
export interface SharedRequest {
  operationId: string;
  server: string;
  pathParams: Record<string, string>;
  query: Record<string, string>;
  headers: Record<string, string>;
  body?: unknown;
}

/** Header names that may hold a secret: never written to a link, history or storage. */
const SECRET_HEADERS = /^(authorization|proxy-authorization|cookie|x-api-key|x-sandbox-fault)$/i;

export function withoutSecrets(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !SECRET_HEADERS.test(name)));
}

export function toShared(request: ApiRequest): SharedRequest {
  const shared: SharedRequest = {
    operationId: request.operationId,
    server: request.server,
    pathParams: request.pathParams,
    query: request.query,
    headers: withoutSecrets(request.headers),
  };
  if (request.body !== undefined) shared.body = request.body;
  return shared;
}

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
}

/** `try=1.eyJv…` (without the leading `#`). */
export function encodeShare(request: ApiRequest): string {
  const shared = toShared(request);
  // Short keys keep links compact; empty maps are left out.
  const payload: Record<string, unknown> = { o: shared.operationId, s: shared.server };
  if (Object.keys(shared.pathParams).length) payload.p = shared.pathParams;
  if (Object.keys(shared.query).length) payload.q = shared.query;
  if (Object.keys(shared.headers).length) payload.h = shared.headers;
  if (shared.body !== undefined) payload.b = shared.body;
  return `${PREFIX}${SHARE_VERSION}.${toBase64Url(JSON.stringify(payload))}`;
}

function stringRecord(value: unknown): Record<string, string> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return {};
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean')
      .map(([key, item]) => [key, String(item)]),
  );
}

/** Read a hash (`#try=1.…` or `try=1.…`); null when it is not a share link or is damaged. */
export function decodeShare(hash: string): SharedRequest | null {
  const text = hash.replace(/^#/, '');
  if (!text.startsWith(PREFIX)) return null;
  const [version, data] = text.slice(PREFIX.length).split('.', 2);
  if (version !== String(SHARE_VERSION) || !data) return null;
  try {
    const payload = JSON.parse(fromBase64Url(data)) as Record<string, unknown>;
    if (typeof payload.o !== 'string') return null;
    const shared: SharedRequest = {
      operationId: payload.o,
      server: typeof payload.s === 'string' ? payload.s : '',
      pathParams: stringRecord(payload.p),
      query: stringRecord(payload.q),
      headers: withoutSecrets(stringRecord(payload.h)),
    };
    if ('b' in payload) shared.body = payload.b;
    return shared;
  } catch {
    return null;
  }
}
