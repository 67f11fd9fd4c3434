/** Forwarding hygiene: what may go upstream and what may come back. */
import { CUSTOM_LIMITS, customHeaderProblem, HEADER_TOKEN, isDangerousHeader } from '../../request/customParams';
import { clip, RelayError } from './errors';

/** Headers every call may carry, whatever the operation declares. */
const ALWAYS_ALLOWED = new Set(['authorization', 'content-type', 'accept', 'x-request-id']);

/** CR, LF and NUL are what split requests; obs-text is let through for declared headers, as before. */
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
 * Accept, X-Request-ID, and X-Sandbox-* to the sandbox), plus the reader's own
 * `X-` headers that pass `customHeaderProblem` (the rule the tester checks
 * before Send); an `X-` header that fails it is refused with its reason. Other
 * names (Cookie, Origin, connection headers, and any a `Connection` header
 * names) are dropped; names that override the method, URL or client address
 * are refused. Names or values with CR/LF (or any control character) are
 * refused, not cleaned: a client that sends them is attacking or broken.
 */
export function sanitizeRequestHeaders(input: Record<string, string>, policy: HeaderPolicy): Record<string, string> {
  const allowed = allowedHeaders(policy.declared);
  // Null prototype: a header called __proto__ is just a name.
  const out: Record<string, string> = Object.create(null);
  const seen = new Set<string>();
  let connection: string | undefined;
  // `for...in`: the envelope's header map has no prototype, so only its own names; no entry arrays per call.
  for (const name in input) {
    const value = input[name];
    if (!HEADER_TOKEN.test(name)) {
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
    if (lower === 'connection') connection = value;
    if (isDangerousHeader(lower)) {
      throw new RelayError(400, 'bad_header', `Header "${shown}" is not forwarded: it would change the method, URL or client address the upstream sees. Remove it.`);
    }
  }
  // Hop-by-hop: what a Connection header names is for the next hop only, never forwarded.
  const hopByHop = connectionTokens(connection);
  let custom = 0;
  for (const name in input) {
    const value = input[name];
    const lower = name.toLowerCase();
    if (names(hopByHop, lower)) continue;
    if (lower.startsWith('x-sandbox-')) {
      if (policy.allowSandboxHeaders) out[lower] = value;
    } else if (allowed.has(lower)) {
      out[lower] = value;
    } else if (lower.startsWith('x-')) {
      const problem = customHeaderProblem(name, value);
      if (problem) throw new RelayError(400, 'bad_header', `Header "${clip(name)}" is not forwarded: ${problem}`);
      custom += 1;
      if (custom > CUSTOM_LIMITS.count) {
        throw new RelayError(400, 'bad_header', `At most ${CUSTOM_LIMITS.count} custom X- headers are forwarded; remove some.`);
      }
      out[lower] = value;
    }
  }
  return out;
}

type Tokens = readonly string[] | ReadonlySet<string>;
const NO_TOKENS: Tokens = [];

/**
 * Lower-case names a `Connection` header value lists (`close`, `keep-alive` and any hop-by-hop header).
 * Usually one or two, kept as an array; a long list becomes a set, so a hostile one stays linear.
 */
function connectionTokens(value: string | undefined): Tokens {
  if (!value) return NO_TOKENS;
  // One token (`keep-alive`, `close`) is what nearly every answer carries: no split.
  if (!value.includes(',')) {
    const token = value.trim().toLowerCase();
    return token ? [token] : NO_TOKENS;
  }
  const tokens = value
    .split(',')
    .map((token) => token.trim().toLowerCase())
    .filter(Boolean);
  return tokens.length > 4 ? new Set(tokens) : tokens;
}

function names(tokens: Tokens, name: string): boolean {
  return Array.isArray(tokens) ? tokens.includes(name) : (tokens as ReadonlySet<string>).has(name);
}

// The relay passes the same `declared` array for every call of an operation, so the set is built once.
const allowedCache = new WeakMap<readonly string[], ReadonlySet<string>>();
function allowedHeaders(declared: readonly string[]): ReadonlySet<string> {
  let allowed = allowedCache.get(declared);
  if (!allowed) {
    allowed = new Set([...ALWAYS_ALLOWED, ...declared.map((name) => name.toLowerCase())]);
    allowedCache.set(declared, allowed);
  }
  return allowed;
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
  const connectionNamed = connectionTokens(headers.connection);
  const out: Record<string, string> = Object.create(null);
  for (const name in headers) {
    const value = headers[name];
    if (DROP_RESPONSE.has(name) || names(connectionNamed, name) || name.startsWith('access-control-')) continue;
    out[name] = value;
  }
  return out;
}
