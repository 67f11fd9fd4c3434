/**
 * ApiRequest: the one normalised request model. The tester builds it once from
 * the form and the catalog; snippets, the relay envelope, history and share
 * links are all derived from it. Nothing downstream re-parses a URL.
 */
import { splitPathTemplate, type PathTemplateParts } from '../catalog/pathTemplate';
import type { HttpMethod } from '../catalog/types';

export type AuthScheme = 'basic' | TokenScheme | 'none';

/** Schemes that send one token after a fixed prefix. */
export type TokenScheme = 'bearer' | 'agora-token';

/** What goes before the token in `Authorization` (Agora's Conversational AI: `agora token=<token>`). */
export const TOKEN_PREFIX: Record<TokenScheme, string> = { bearer: 'Bearer ', 'agora-token': 'agora token=' };

export interface ApiRequest {
  operationId: string;
  method: HttpMethod;
  /** Chosen catalog host, e.g. `api.agora.io`. */
  server: string;
  /** Path template from the catalog, e.g. `/v1/apps/{appid}/cloud_recording/acquire`. */
  pathTemplate: string;
  /** Raw (unencoded) path parameter values. */
  pathParams: Record<string, string>;
  /** Raw query values in catalog order; empty values are left out. */
  query: Record<string, string>;
  /** Non-credential headers (e.g. `X-Request-ID`), raw values. */
  headers: Record<string, string>;
  /** JSON body, `undefined` when the operation sends none. */
  body?: unknown;
  /** Which credential the call needs; the credential itself is never part of the model. */
  auth: AuthScheme;
}

export type Credentials =
  | { kind: 'basic'; customerId: string; customerSecret: string }
  | { kind: TokenScheme; token: string };

export class PathParamError extends Error {
  constructor(
    readonly param: string,
    message: string,
  ) {
    super(message);
    this.name = 'PathParamError';
  }
}

/**
 * Fill a path template. Each value is percent-encoded as one segment, so `/`,
 * `?`, `#` and `@` cannot change the URL's shape; `.` and `..` are refused
 * because they survive encoding and would walk the path.
 */
export function resolvePath(template: string, params: Record<string, string>): string {
  const { literals, names } = compiledTemplate(template);
  let path = literals[0];
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
    const value = params[name];
    if (value === undefined || value === '') {
      throw new PathParamError(name, `Path parameter "${name}" is required.`);
    }
    if (value === '.' || value === '..') {
      throw new PathParamError(name, `Path parameter "${name}" cannot be "${value}".`);
    }
    path += encodeURIComponent(value) + literals[i + 1];
  }
  return path;
}

// The templates are the catalog's paths, a few dozen: split each once (the relay fills one on every call).
// Capped all the same, so a caller with ever-new templates cannot grow it without bound.
const templates = new Map<string, PathTemplateParts>();
const MAX_TEMPLATES = 512;

function compiledTemplate(template: string): PathTemplateParts {
  let compiled = templates.get(template);
  if (!compiled) {
    compiled = splitPathTemplate(template);
    if (templates.size >= MAX_TEMPLATES) templates.clear();
    templates.set(template, compiled);
  }
  return compiled;
}

/** `?a=1&b=x%20y` (RFC 3986 encoding, spaces as %20), or '' when there is no query. */
export function buildQueryString(query: Record<string, string>): string {
  const pairs = Object.entries(query)
    .filter(([, value]) => value !== '')
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`);
  return pairs.length ? `?${pairs.join('&')}` : '';
}

/** Full URL against a base (`https://api.agora.io`, or a sandbox base such as `http://127.0.0.1:4010`). */
export function buildUrl(request: Pick<ApiRequest, 'pathTemplate' | 'pathParams' | 'query'>, baseUrl: string): string {
  const base = baseUrl.replace(/\/+$/, '');
  return `${base}${resolvePath(request.pathTemplate, request.pathParams)}${buildQueryString(request.query)}`;
}

/** UTF-8 safe base64 (btoa alone throws on non-Latin-1 input). */
export function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** The `Authorization` header value for a credential. */
export function authorizationHeader(credentials: Credentials): string {
  return credentials.kind === 'basic'
    ? `Basic ${base64(`${credentials.customerId}:${credentials.customerSecret}`)}`
    : `${TOKEN_PREFIX[credentials.kind]}${credentials.token}`;
}
