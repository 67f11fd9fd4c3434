/** Forwarding hygiene: what may go upstream and what may come back. */
import { RelayError } from './errors';

/** RFC 9110 section 7.6.1 hop-by-hop headers, plus framing headers the relay sets itself. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'content-length',
  'expect',
  'host',
  'origin',
  'referer',
  'cookie',
  'cookie2',
  'forwarded',
  'x-real-ip',
  'x-client-ip',
]);

/** RFC 9110 token characters: a header name is one token. */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Printable ASCII, tab and obs-text; CR, LF and NUL are what split requests. */
const SAFE_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

export interface HeaderPolicy {
  /** Forward `X-Sandbox-*` (sandbox environment only). */
  allowSandboxHeaders: boolean;
}

/**
 * Validate the envelope's headers and return the ones that may go upstream.
 * Names or values with CR/LF (or any control character) are refused, not cleaned:
 * a client that sends them is attacking or broken.
 */
export function sanitizeRequestHeaders(input: Record<string, string>, policy: HeaderPolicy): Record<string, string> {
  // Null prototype: a header called __proto__ is just a name.
  const out: Record<string, string> = Object.create(null);
  const connectionNamed = new Set<string>();
  for (const [name, value] of Object.entries(input)) {
    if (!TOKEN.test(name)) {
      throw new RelayError(400, 'bad_header', `Header name ${JSON.stringify(name)} is not a valid HTTP token (no spaces, colons or line breaks).`);
    }
    if (!SAFE_VALUE.test(value)) {
      throw new RelayError(400, 'bad_header', `Header "${name}" contains a line break or control character; remove it and try again.`);
    }
    if (name.toLowerCase() === 'connection') {
      for (const token of value.split(',')) connectionNamed.add(token.trim().toLowerCase());
    }
  }
  for (const [name, value] of Object.entries(input)) {
    const lower = name.toLowerCase();
    if (HOP_BY_HOP.has(lower) || connectionNamed.has(lower)) continue;
    if (lower.startsWith('proxy-') || lower.startsWith('x-forwarded-') || lower.startsWith('sec-')) continue;
    if (lower.startsWith('x-sandbox-') && !policy.allowSandboxHeaders) continue;
    // Two spellings of one name (X-A and x-a) are joined, as HTTP would.
    out[lower] = lower in out ? `${out[lower]}, ${value}` : value;
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
