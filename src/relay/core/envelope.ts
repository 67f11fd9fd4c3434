/** Parse and validate the POST /api/relay envelope, with messages a person can act on. */
import type { OperationModel } from '../../catalog/types';
import { CUSTOM_LIMITS, customQueryProblem } from '../../request/customParams';
import type { RelayEnvironment } from '../contract';
import { clip, RelayError } from './errors';
import { MAX_JSON_DEPTH, scanJson, type ScanProblem } from './jsonScan';

export interface ParsedEnvelope {
  operationId: string;
  environment: RelayEnvironment;
  server?: string;
  path: Record<string, string>;
  query: Record<string, string>;
  headers: Record<string, string>;
  /** `undefined` when the envelope has no `body` field. */
  body: unknown;
  hasBody: boolean;
  retry: boolean;
}

const FIELDS = ['operationId', 'environment', 'server', 'path', 'query', 'headers', 'body', 'retry'];
const FIELD_SET: ReadonlySet<string> = new Set(FIELDS);

/** Max envelope `headers` size (names + values), answered with 431 beyond it. */
export const MAX_ENVELOPE_HEADER_BYTES = 8 * 1024;

function bad(message: string): RelayError {
  return new RelayError(400, 'bad_envelope', message);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The refusal for what JSON.parse accepted but the relay cannot forward faithfully. */
function scanRefusal(problem: ScanProblem): RelayError {
  const field = clip(problem.path, 128);
  switch (problem.kind) {
    case 'depth':
      return bad(`The envelope nests deeper than ${MAX_JSON_DEPTH} levels (at "${field}"). Agora's bodies are a few levels deep; flatten the value.`);
    case 'number':
      return bad(
        `The number ${clip(problem.token, 40)} at "${field}" cannot be forwarded exactly (it is out of range or has more digits than a double keeps). Send it as a string, or a number within ±2^53.`,
      );
    case 'duplicate-key':
      return problem.path.startsWith('headers')
        ? new RelayError(400, 'bad_header', `Header "${field.replace(/^headers\.?/, '')}" appears twice; send it once (two Authorization values are ambiguous credentials).`)
        : bad(`The field "${field}" appears twice in one object; send it once.`);
    case 'surrogate': {
      // A lone surrogate cannot be encoded as UTF-8, so no URL, header or body can carry it.
      const message = `The text at "${field}" contains a lone UTF-16 surrogate (e.g. "\\ud800" without its pair); send valid Unicode text.`;
      if (problem.path.startsWith('path')) return new RelayError(400, 'bad_path_param', message);
      if (problem.path.startsWith('headers')) return new RelayError(400, 'bad_header', message);
      return bad(message);
    }
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

/** A `{name: scalar}` map; numbers (and booleans where allowed) become strings. */
function stringMap(field: string, value: unknown, allowBoolean: boolean): Record<string, string> {
  if (value === undefined) return {};
  if (!isPlainObject(value)) throw bad(`"${field}" must be an object of name/value pairs, not ${describe(value)}.`);
  // Null prototype: a key called __proto__ stays an ordinary (and later refused) name.
  const out: Record<string, string> = Object.create(null);
  // `for...in` over JSON.parse's own keys (its objects inherit no enumerable ones): no entry arrays per call.
  for (const key in value) {
    const item = value[key];
    if (typeof item === 'string') out[key] = item;
    else if (typeof item === 'number' && Number.isFinite(item)) out[key] = String(item);
    else if (allowBoolean && typeof item === 'boolean') out[key] = String(item);
    else throw bad(`"${field}.${clip(key)}" must be a string${allowBoolean ? ', number or boolean' : ' or number'}, not ${describe(item)}.`);
  }
  return out;
}

/** Step 1: the JSON shape, before the operation is known. */
export function parseEnvelope(text: string): ParsedEnvelope {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw bad(`The request body is not valid JSON (${clip((error as Error).message, 160)}). Send {"operationId": ..., "environment": ...}.`);
  }
  // After JSON.parse, so the scan may assume valid JSON; before anything walks the value recursively.
  const problem = scanJson(text);
  if (problem) throw scanRefusal(problem);
  if (!isPlainObject(raw)) throw bad(`The envelope must be a JSON object, not ${describe(raw)}.`);
  for (const key in raw) {
    if (!FIELD_SET.has(key)) {
      throw bad(`Unknown envelope field "${clip(key)}". Allowed fields: ${FIELDS.join(', ')}. The relay builds the URL from the catalog; clients never send one.`);
    }
  }
  const { operationId, environment, server, retry } = raw;
  if (typeof operationId !== 'string' || operationId === '') throw bad('"operationId" is required and must be a non-empty string, e.g. "acquire".');
  if (environment !== 'sandbox' && environment !== 'live') throw bad('"environment" must be "sandbox" or "live".');
  if (server !== undefined && typeof server !== 'string') throw bad(`"server" must be a catalog host name string, not ${describe(server)}.`);
  if (retry !== undefined && typeof retry !== 'boolean') throw bad(`"retry" must be true or false, not ${describe(retry)}.`);
  const headers = stringMap('headers', raw.headers, false);
  let headerBytes = 0;
  for (const name in headers) headerBytes += name.length + headers[name].length + 4;
  if (headerBytes > MAX_ENVELOPE_HEADER_BYTES) {
    throw new RelayError(431, 'headers_too_large', `The envelope's headers total ${headerBytes} bytes; the limit is ${MAX_ENVELOPE_HEADER_BYTES}. Send fewer or shorter headers.`);
  }
  return {
    operationId,
    environment,
    server,
    path: stringMap('path', raw.path, false),
    query: stringMap('query', raw.query, true),
    headers,
    body: raw.body,
    hasBody: 'body' in raw,
    retry: retry ?? true,
  };
}

/** What step 2 reads from an operation, built once per operation (the catalog caches operations, so identity is stable). */
interface OperationNames {
  hosts: string[];
  pathNames: ReadonlySet<string>;
  queryNames: ReadonlySet<string>;
}
const namesCache = new WeakMap<OperationModel, OperationNames>();
function namesOf(op: OperationModel): OperationNames {
  let names = namesCache.get(op);
  if (!names) {
    names = {
      hosts: op.servers.map((server) => server.host),
      pathNames: new Set(op.pathParams.map((param) => param.name)),
      queryNames: new Set(op.queryParams.map((param) => param.name)),
    };
    namesCache.set(op, names);
  }
  return names;
}

/** Step 2: check the envelope against the operation (names, host). Returns the chosen host. */
export function checkAgainstOperation(envelope: ParsedEnvelope, op: OperationModel): string {
  const { hosts, pathNames, queryNames } = namesOf(op);
  const host = envelope.server ?? hosts[0];
  if (!host || !hosts.includes(host)) {
    throw new RelayError(
      400,
      'host_not_allowed',
      `"${clip(envelope.server ?? '')}" is not a host of ${op.id}. Use one of: ${hosts.join(', ')} (bare host names; no scheme, port or user info).`,
    );
  }
  for (const name of Object.keys(envelope.path)) {
    if (!pathNames.has(name)) {
      throw new RelayError(400, 'bad_path_param', `${op.id} has no path parameter "${clip(name)}". Its path parameters: ${[...pathNames].join(', ') || 'none'}.`);
    }
  }
  // Query parameters the catalog does not declare are the reader's own: forwarded when they pass the tester's rule.
  let custom = 0;
  for (const [name, value] of Object.entries(envelope.query)) {
    if (queryNames.has(name)) continue;
    const problem = customQueryProblem(name, value);
    if (problem) {
      throw bad(`Query parameter "${clip(name)}" is not forwarded: ${problem} ${op.id}'s own query parameters: ${[...queryNames].join(', ') || 'none'}.`);
    }
    custom += 1;
    if (custom > CUSTOM_LIMITS.count) throw bad(`At most ${CUSTOM_LIMITS.count} custom query parameters are forwarded; remove some.`);
  }
  if (envelope.hasBody && envelope.body !== undefined && envelope.body !== null && !op.requestBody) {
    throw bad(`${op.id} (${op.method}) takes no request body; remove "body".`);
  }
  return host;
}

/**
 * The query the relay sends: the catalog's parameters in catalog order (stable
 * URLs and snippets), then the reader's own in the order given. Call after
 * `checkAgainstOperation`, which refused any that may not be sent.
 */
export function orderedQuery(op: OperationModel, query: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  for (const param of op.queryParams) if (Object.hasOwn(query, param.name)) out[param.name] = query[param.name];
  for (const [name, value] of Object.entries(query)) if (!Object.hasOwn(out, name)) out[name] = value;
  return out;
}
