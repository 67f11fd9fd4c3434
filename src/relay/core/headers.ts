/** Forwarding hygiene: what may go upstream and what may come back. */
import { clip, RelayError } from './errors';

/** Headers every call may carry, whatever the operation declares. */
const ALWAYS_ALLOWED = new Set(['authorization', 'content-type', 'accept', 'x-request-id']);

/**
 * Headers that ask a server or a proxy in front of it to act differently (another
 * method, another URL, another client address, a cookie). A client that sends
 * one is probing, so it is refused with a reason rather than quietly dropped.
 */
const DANGEROUS = new Set([
  'x-http-method-override',
  'x-http-method',
  'x-method-override',
  'x-original-url',
  'x-rewrite-url',
  'x-original-uri',
  'x-override-url',
  'true-client-ip',
  'cf-connecting-ip',
  'x-real-ip',
  'x-client-ip',
  'x-cluster-client-ip',
  'fastly-client-ip',
  'forwarded',
  'host',
  'set-cookie',
  'set-cookie2',
]);

function isDangerous(lower: string): boolean {
  return DANGEROUS.has(lower) || lower.startsWith('x-forwarded-');
}

/** RFC 9110 token characters: a header name is one token. */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Printable ASCII, tab and obs-text; CR, LF and NUL are what split requests. */
const SAFE_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

export interface HeaderPolicy {
  /** Forward `X-Sandbox-*` (sandbox environment only). */
  allowSandboxHeaders: boolean;
  /** Header names the catalog declares for the operation (`operation.headerParams`), any case. */
  declared: readonly string[];
}

/**
 * Validate the envelope's headers and return the ones that may go upstream: an
 * allowlist (the operation's declared headers, Authorization, Content-Type,
 * Accept, X-Request-ID, and X-Sandbox-* to the sandbox). Anything else is
 * dropped; names that override the method, URL or client address are refused.
 * Names or values with CR/LF (or any control character) are refused, not
 * cleaned: a client that sends them is attacking or broken.
 */
export function sanitizeRequestHeaders(input: Record<string, string>, policy: HeaderPolicy): Record<string, string> {
  const allowed = new Set([...ALWAYS_ALLOWED, ...policy.declared.map((name) => name.toLowerCase())]);
  // Null prototype: a header called __proto__ is just a name.
  const out: Record<string, string> = Object.create(null);
  const seen = new Set<string>();
  for (const [name, value] of Object.entries(input)) {
    if (!TOKEN.test(name)) {
      throw new RelayError(400, 'bad_header', `Header name ${JSON.stringify(clip(name))} is not a valid HTTP token (no spaces, colons or line breaks).`);
    }
    const shown = clip(name);
    if (!SAFE_VALUE.test(value)) {
      throw new RelayError(400, 'bad_header', `Header "${shown}" contains a line break or control character; remove it and try again.`);
    }
    const lower = name.toLowerCase();
    if (seen.has(lower)) {
      // Joining two Authorization values would let the upstream pick one of two credentials.
      throw new RelayError(400, 'bad_header', `Header "${shown}" is given twice (in two spellings); send it once.`);
    }
    seen.add(lower);
    if (isDangerous(lower)) {
      throw new RelayError(400, 'bad_header', `Header "${shown}" is not forwarded: it would change the method, URL or client address the upstream sees. Remove it.`);
    }
  }
  for (const [name, value] of Object.entries(input)) {
    const lower = name.toLowerCase();
    const sandboxOnly = lower.startsWith('x-sandbox-');
    if (sandboxOnly ? policy.allowSandboxHeaders : allowed.has(lower)) out[lower] = value;
  }
  return out;
}

/** Upstream response headers a browser-facing answer must not carry. */
const DROP_RESPONSE = new Set([
  'set-cookie',
  'set-cookie2',
  'content-encoding',
  'content-length',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'trailer',
  'upgrade',
  'te',
  'alt-svc',
  'strict-transport-security',
]);

/** The upstream's headers (lower-case names), minus cookies, CORS and framing headers. */
export function sanitizeResponseHeaders(headers: Record<string, string>): Record<string, string> {
  const connectionNamed = new Set(
    (headers.connection ?? '')
      .split(',')
      .map((token) => token.trim().toLowerCase())
      .filter(Boolean),
  );
  const out: Record<string, string> = Object.create(null);
  for (const [name, value] of Object.entries(headers)) {
    if (DROP_RESPONSE.has(name) || connectionNamed.has(name) || name.startsWith('access-control-')) continue;
    out[name] = value;
  }
  return out;
}

/** Case-insensitive lookup in a plain header object. */
export function findHeader(headers: Record<string, string>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === wanted) return value;
  return undefined;
}
