/**
 * Secrets inside a request: the fields the catalog marks `x-secret` (a
 * storage secret key, an STS token, an RTC token, an encryption key). They are
 * treated like credentials: history entries, share links and snippets are
 * derived from a request with them taken out. This is the one rule for that;
 * history, share and the snippet generators all call it. Pure and browser-safe.
 */
import { dottedPath, ITEMS, secretOf, walkSchema } from '../catalog/schemaWalk';
import type { OperationModel, ParamLocation } from '../catalog/types';
import type { ApiRequest } from './apiRequest';

/** One place in an operation's requests that holds a secret. */
export interface SecretPath {
  in: ParamLocation | 'body';
  /** The parameter's name, or the body's JSON path (`ITEMS` for each item of an array). */
  path: string[];
  /** As people read it: `clientRequest.storageConfig.secretKey`, or the parameter's name. */
  name: string;
  /** The environment variable a snippet reads the value from. */
  env: string;
}

/** The parts of a request that can carry a secret (an ApiRequest, a history entry, a share link). */
export type SecretBearing = Pick<ApiRequest, 'pathParams' | 'query' | 'headers'> & { body?: unknown };

// Operations are built once and cached by the catalog, so identity is a safe cache key.
const cache = new WeakMap<OperationModel, SecretPath[]>();

/** Every secret an operation's request may carry: marked parameters, then marked body fields. */
export function secretPaths(op: OperationModel): SecretPath[] {
  let paths = cache.get(op);
  if (paths) return paths;
  paths = [];
  for (const param of op.params) {
    const secret = secretOf(param.schema, param.name);
    if (secret) paths.push({ in: param.in, path: [param.name], name: param.name, env: secret.env });
  }
  for (const field of op.requestBody ? walkSchema(op.requestBody.schema) : []) {
    if (field.secret && field.secretEnv) paths.push({ in: 'body', path: field.path, name: dottedPath(field.path), env: field.secretEnv });
  }
  cache.set(op, paths);
  return paths;
}

type Holder = Record<string, unknown>;

function isObject(value: unknown): value is Holder {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A value worth hiding: an empty or absent field gives nothing away and is left as it is. */
function hasValue(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

/** Call `found` for every object holding a value at `path` (each item of an array at `ITEMS`). */
function visit(node: unknown, path: readonly string[], found: (holder: Holder, key: string) => void): void {
  const [segment, ...rest] = path;
  if (segment === undefined) return;
  if (segment === ITEMS) {
    if (Array.isArray(node)) for (const item of node) visit(item, rest, found);
    return;
  }
  if (!isObject(node) || !Object.hasOwn(node, segment)) return;
  if (rest.length === 0) {
    if (hasValue(node[segment])) found(node, segment);
  } else {
    visit(node[segment], rest, found);
  }
}

function paramsOf(request: SecretBearing, location: ParamLocation): Record<string, string> {
  if (location === 'path') return request.pathParams;
  return location === 'query' ? request.query : request.headers;
}

/** The secrets that hold a value in this request (what redacting it would take out). */
export function secretsPresent(request: SecretBearing, op: OperationModel): SecretPath[] {
  return secretPaths(op).filter((secret) => {
    if (secret.in !== 'body') return hasValue(paramsOf(request, secret.in)[secret.name]);
    let present = false;
    visit(request.body, secret.path, () => (present = true));
    return present;
  });
}

/**
 * A copy of `request` with every secret value replaced by `replace(secret)`:
 * `''` by default, so a restored form shows the field empty and the reader
 * types it again. Absent and empty secrets stay as they are; nothing else
 * changes, and `request` itself is never modified.
 */
export function redactSecrets<R extends SecretBearing>(request: R, op: OperationModel, replace: (secret: SecretPath) => unknown = () => ''): R {
  const present = secretsPresent(request, op);
  if (present.length === 0) return request;
  const out: R = {
    ...request,
    pathParams: { ...request.pathParams },
    query: { ...request.query },
    headers: { ...request.headers },
  };
  if (request.body !== undefined) out.body = structuredClone(request.body);
  for (const secret of present) {
    if (secret.in === 'body') {
      visit(out.body, secret.path, (holder, key) => (holder[key] = replace(secret)));
    } else {
      // A parameter is text: a replacement that is not (a snippet's marker) is written as the variable's name.
      const value = replace(secret);
      paramsOf(out, secret.in)[secret.name] = typeof value === 'string' ? value : `<${secret.env}>`;
    }
  }
  return out;
}
