/**
 * The one request builder. Every ApiRequest the site makes comes from here:
 * the tester's initial form and what its form sends, a restored share link or
 * history entry, the reference page's example and the requests the snippet
 * execution tests run. So the tests run exactly what a reader's Send runs.
 *
 * A form holds `RequestValues` (every catalog parameter, as text); an
 * ApiRequest holds only what is sent.
 */
import type { OperationModel, ParamModel } from '../catalog/types';
import type { ApiRequest } from './apiRequest';
import { customFromRequest, sendableCustom, type CustomParam } from './customParams';

/** What a form edits: every catalog parameter as text (`''` when empty), the body value and the reader's own headers and query parameters. */
export interface RequestValues {
  server: string;
  path: Record<string, string>;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
  /** Headers and query parameters the catalog does not declare (see customParams.ts); rows with a problem are not sent. */
  custom: CustomParam[];
}

/** What a share link or history entry brings back; method, path and auth always come from the catalog. */
export type RestorableRequest = Pick<ApiRequest, 'server' | 'pathParams' | 'query' | 'headers'> & { body?: unknown };

/** Values to send instead of the defaults. */
export interface RequestOverrides {
  server?: string;
  pathParams?: Record<string, string>;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  /** Replaces the default body (pass `undefined` to send none). */
  body?: unknown;
}

/**
 * The value a fresh request carries for a parameter: the catalog example
 * (known to work in the sandbox), else the schema default, else '' (a chained
 * id such as `resourceid` stays empty until an earlier call provides it).
 */
export function paramDefault(param: ParamModel): string {
  const found = [param.example, param.schema.default, param.schema.examples?.[0]].find((value) => value !== undefined && value !== null);
  if (found === undefined) return '';
  return typeof found === 'object' ? JSON.stringify(found) : String(found);
}

function defaults(params: ParamModel[]): Record<string, string> {
  return Object.fromEntries(params.map((param) => [param.name, paramDefault(param)]));
}

function defaultValues(op: OperationModel): RequestValues {
  return {
    server: op.servers[0]?.host ?? '',
    path: defaults(op.pathParams),
    query: defaults(op.queryParams),
    headers: defaults(op.headerParams),
    // A copy, so editing the request never edits the catalog; `{}` gives the form something to fill.
    body: op.requestBody ? structuredClone(op.requestBody.example ?? {}) : undefined,
    custom: [],
  };
}

/**
 * Non-empty values: the declared parameters in catalog order, then any the
 * catalog does not declare. Only code adds those here (tests send
 * `X-Sandbox-Fault`); a reader's own go in `custom`, and restoring moves
 * undeclared ones there (`valuesFromRequest`).
 */
function sent(params: ParamModel[], values: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const param of params) {
    const value = values[param.name];
    if (value) out[param.name] = value;
  }
  for (const [name, value] of Object.entries(values)) if (value && !(name in out)) out[name] = value;
  return out;
}

/** Form values -> the ApiRequest they send: the catalog's parameters first, then the custom rows that pass the relay's rules. */
export function requestFromValues(op: OperationModel, values: RequestValues): ApiRequest {
  const query = sent(op.queryParams, values.query);
  const headers = sent(op.headerParams, values.headers);
  for (const row of sendableCustom(op, values.custom ?? [])) (row.in === 'header' ? headers : query)[row.name] = row.value;
  return {
    operationId: op.id,
    method: op.method,
    server: values.server || op.servers[0]?.host || '',
    pathTemplate: op.path,
    // Path values are kept even when empty so resolvePath can name the missing one.
    pathParams: Object.fromEntries(op.pathParams.map((param) => [param.name, values.path[param.name] ?? ''])),
    query,
    headers,
    body: op.requestBody ? values.body : undefined,
    auth: op.security[0] ?? 'none',
  };
}

/**
 * A request (share link, history entry, saved form) -> form values. The
 * catalog's parameters fill the form; the rest become custom rows, which the
 * form checks against the relay's rules like typed ones. An unknown server
 * falls back to the primary. A query value the request leaves out was empty
 * (requests omit empty ones); a missing path or header value gets its default.
 */
export function valuesFromRequest(op: OperationModel, request: RestorableRequest): RequestValues {
  const start = defaultValues(op);
  const pick = (params: ParamModel[], values: Record<string, string>, fallback: Record<string, string>) =>
    Object.fromEntries(params.map((param) => [param.name, values[param.name] ?? fallback[param.name] ?? '']));
  return {
    server: op.servers.some((server) => server.host === request.server) ? request.server : start.server,
    path: pick(op.pathParams, request.pathParams, start.path),
    query: pick(op.queryParams, request.query, {}),
    headers: pick(op.headerParams, request.headers, start.headers),
    body: op.requestBody ? request.body : undefined,
    custom: customFromRequest(op, request),
  };
}

/** The request a fresh tester sends (catalog examples and defaults), with `overrides` applied as a reader would type them. */
export function defaultRequest(op: OperationModel, overrides: RequestOverrides = {}): ApiRequest {
  const values = defaultValues(op);
  return requestFromValues(op, {
    server: overrides.server ?? values.server,
    path: { ...values.path, ...overrides.pathParams },
    query: { ...values.query, ...overrides.query },
    headers: { ...values.headers, ...overrides.headers },
    body: 'body' in overrides ? overrides.body : values.body,
    custom: [],
  });
}
