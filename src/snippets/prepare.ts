/**
 * What every target needs, derived once from the ApiRequest: the URL, the
 * headers in a fixed order, the body and how credentials are supplied. The
 * targets only decide how to write these down.
 */
import { getOperation } from '../catalog';
import { authorizationHeader, buildQueryString, resolvePath, TOKEN_PREFIX, type ApiRequest } from '../request/apiRequest';
import { HEADER_TOKEN, PORTABLE_HEADER_VALUE } from '../request/customParams';
import { redactSecrets, secretsPresent } from '../request/secrets';
import { EnvRef } from './quote/envRef';
import { SnippetError, type SnippetOptions } from './types';

export const ENV = {
  customerId: 'AGORA_CUSTOMER_ID',
  customerSecret: 'AGORA_CUSTOMER_SECRET',
  token: 'AGORA_TOKEN',
} as const;

/** How the snippet authenticates. */
export type SnippetAuth =
  | { kind: 'none' }
  | { kind: 'env-basic' }
  /** The token from AGORA_TOKEN after its scheme's prefix (`Bearer `, `agora token=`). */
  | { kind: 'env-token'; prefix: string }
  | { kind: 'inline-basic'; customerId: string; customerSecret: string; header: string }
  | { kind: 'inline-token'; header: string };

export interface PreparedRequest {
  method: string;
  /** Base URL without a trailing slash. */
  base: string;
  /** Encoded path and query, appended to `base`. */
  pathAndQuery: string;
  url: string;
  /** Headers to write literally, in order; excludes Authorization and a generated X-Request-ID. */
  headers: Array<[string, string]>;
  /** True when the request model carries no X-Request-ID: the snippet makes one at run time. */
  generateRequestId: boolean;
  /** True when there is a JSON body. */
  hasBody: boolean;
  /** The body; its secret fields are `EnvRef`s unless the reader asked for them inline. */
  body: unknown;
  auth: SnippetAuth;
  /** Environment variables the body's secrets are read from, in body order, with the field each stands for. */
  secretEnv: Array<{ name: string; field: string }>;
  /** True when secret values are written into the code (`options.secrets`). */
  inlineSecrets: boolean;
}

// Header values are printable ASCII and tab (PORTABLE_HEADER_VALUE): curl would send other characters as
// UTF-8, fetch and requests as Latin-1, so the three snippets would disagree on the bytes.

export function prepare(typed: ApiRequest, options: SnippetOptions): PreparedRequest {
  const base = checkBaseUrl(options.baseUrl);
  // Secrets are kept out like credentials: the body reads them from the environment,
  // a secret parameter shows its variable's name as a placeholder.
  const op = getOperation(typed.operationId);
  const secrets = secretsPresent(typed, op);
  const inlineSecrets = options.secrets === true && secrets.length > 0;
  const request = inlineSecrets ? typed : redactSecrets(typed, op, (secret) => new EnvRef(secret.env, secret.name));
  const secretEnv: PreparedRequest['secretEnv'] = [];
  for (const secret of inlineSecrets ? [] : secrets) {
    if (secret.in === 'body' && !secretEnv.some((known) => known.name === secret.env)) secretEnv.push({ name: secret.env, field: secret.name });
  }
  const pathAndQuery = `${resolvePath(request.pathTemplate, request.pathParams)}${buildQueryString(request.query)}`;
  const hasBody = request.body !== undefined;

  const headers: Array<[string, string]> = [];
  if (hasBody && !hasHeader(request.headers, 'content-type')) headers.push(['Content-Type', 'application/json']);
  for (const [name, value] of Object.entries(request.headers)) {
    // Credentials never travel in `headers`; a stray one is dropped rather than pasted into code.
    if (name.toLowerCase() === 'authorization') continue;
    if (!HEADER_TOKEN.test(name)) throw new SnippetError(`Header name "${name}" is not a valid HTTP header name; use letters, digits and hyphens.`);
    if (!PORTABLE_HEADER_VALUE.test(value)) {
      throw new SnippetError(
        `Header "${name}" contains a line break or a non-ASCII character, which HTTP headers cannot carry portably. Use printable ASCII.`,
      );
    }
    headers.push([name, value]);
  }

  return {
    method: request.method,
    base,
    pathAndQuery,
    url: `${base}${pathAndQuery}`,
    headers,
    generateRequestId: !hasHeader(request.headers, 'x-request-id'),
    hasBody,
    body: request.body,
    auth: snippetAuth(request, options),
    secretEnv,
    inlineSecrets,
  };
}

function hasHeader(headers: Record<string, string>, lowerName: string): boolean {
  return Object.keys(headers).some((name) => name.toLowerCase() === lowerName);
}

function checkBaseUrl(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new SnippetError(`Base URL "${baseUrl}" is not an absolute URL; pass e.g. https://api.agora.io.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new SnippetError(`Base URL "${baseUrl}" must use http or https.`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new SnippetError(`Base URL "${baseUrl}" must not carry a query, fragment or credentials.`);
  }
  if (/\/api\/relay\/?$/.test(url.pathname)) {
    throw new SnippetError('Snippets call Agora (or the sandbox) directly; pass the chosen host, not the relay URL.');
  }
  return baseUrl.replace(/\/+$/, '');
}

function snippetAuth(request: ApiRequest, options: SnippetOptions): SnippetAuth {
  if (request.auth === 'none') return { kind: 'none' };
  const credentials = options.credentials;
  if (!credentials) return request.auth === 'basic' ? { kind: 'env-basic' } : { kind: 'env-token', prefix: TOKEN_PREFIX[request.auth] };
  if (credentials.kind !== request.auth) {
    throw new SnippetError(`The operation needs ${request.auth} credentials but ${credentials.kind} credentials were given.`);
  }
  const header = authorizationHeader(credentials);
  if (!PORTABLE_HEADER_VALUE.test(header)) {
    throw new SnippetError('The token contains a line break or a non-ASCII character; check what was pasted.');
  }
  return credentials.kind === 'basic'
    ? { kind: 'inline-basic', customerId: credentials.customerId, customerSecret: credentials.customerSecret, header }
    : { kind: 'inline-token', header };
}
