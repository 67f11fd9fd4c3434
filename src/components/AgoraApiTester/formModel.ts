/**
 * Form state for one tester, derived from the catalog's OperationModel. Pure:
 * every update returns a new state, so React can compare by reference.
 *
 * The body lives twice on purpose: `bodyText` is what the JSON view shows (it
 * may be half-typed and not parse), `body` is the last value that parsed, which
 * the form view edits. Editing either side rewrites the other.
 */
import type { JsonSchema, OperationModel, ParamLocation, ParamModel } from '../../catalog/types';

export interface FormState {
  server: string;
  path: Record<string, string>;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
  bodyText: string;
  /** Why `bodyText` does not parse, or null. */
  bodyParseError: string | null;
}

/** The form key of a parameter or body field, e.g. `path.appid`, `body.player.uid`. */
export type FieldKey = string;

export const locationKey: Record<ParamLocation, 'path' | 'query' | 'headers'> = {
  path: 'path',
  query: 'query',
  header: 'headers',
};

/** `path.appid`, `query.pageSize`, `header.X-Request-ID`. */
export function paramKey(param: Pick<ParamModel, 'in' | 'name'>): FieldKey {
  return `${param.in}.${param.name}`;
}

/** `body.player.uid` for the JSON path ['player', 'uid']; `body` for the root. */
export function bodyKey(path: readonly string[]): FieldKey {
  return ['body', ...path].join('.');
}

/** The value a form pre-fills: the catalog example (known to work in the sandbox), else the default. */
export function paramInitialValue(param: ParamModel): string {
  const candidates = [param.example, param.schema.default, param.schema.examples?.[0]];
  const found = candidates.find((value) => value !== undefined && value !== null);
  return found === undefined ? '' : String(found);
}

export function formatJson(value: unknown): string {
  return value === undefined ? '' : JSON.stringify(value, null, 2);
}

function paramValues(params: ParamModel[]): Record<string, string> {
  return Object.fromEntries(params.map((param) => [param.name, paramInitialValue(param)]));
}

/** A ready-to-send form: every value the catalog knows is filled in. */
export function initialForm(op: OperationModel): FormState {
  const body = op.requestBody ? structuredClone(op.requestBody.example ?? {}) : undefined;
  return {
    server: op.servers[0]?.host ?? '',
    path: paramValues(op.pathParams),
    query: paramValues(op.queryParams),
    headers: paramValues(op.headerParams),
    body,
    bodyText: formatJson(body),
    bodyParseError: null,
  };
}

export function setServer(state: FormState, server: string): FormState {
  return { ...state, server };
}

export function setParam(state: FormState, location: ParamLocation, name: string, value: string): FormState {
  const key = locationKey[location];
  return { ...state, [key]: { ...state[key], [name]: value } };
}

/** The JSON view typed something: keep the text, adopt the value only when it parses. */
export function setBodyText(state: FormState, text: string): FormState {
  if (text.trim() === '') return { ...state, bodyText: text, body: undefined, bodyParseError: null };
  try {
    return { ...state, bodyText: text, body: JSON.parse(text), bodyParseError: null };
  } catch (error) {
    return { ...state, bodyText: text, bodyParseError: (error as Error).message };
  }
}

/** Replace the whole body value (form view, history, share link). */
export function setBody(state: FormState, body: unknown): FormState {
  return { ...state, body, bodyText: formatJson(body), bodyParseError: null };
}

export function getAt(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Set (or, with `undefined`, remove) one field of an object tree without
 * mutating it. Objects left empty by a removal are removed too, so clearing
 * every field of `clientRequest` does not send `"clientRequest": {}`.
 */
export function setAt(root: unknown, path: readonly string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  const source = isPlainObject(root) ? root : {};
  const child = setAt(source[head], rest, value);
  const next: Record<string, unknown> = { ...source };
  if (child === undefined || (rest.length > 0 && isPlainObject(child) && Object.keys(child).length === 0)) {
    delete next[head];
  } else {
    next[head] = child;
  }
  return next;
}

/** The form view changed one field. */
export function setBodyField(state: FormState, path: readonly string[], value: unknown): FormState {
  const body = setAt(isPlainObject(state.body) ? state.body : {}, path, value);
  return setBody(state, body);
}

export type LeafKind = 'string' | 'integer' | 'number' | 'boolean' | 'enum' | 'json';

export type BodyNode =
  | { kind: 'object'; name: string; path: string[]; schema: JsonSchema; required: boolean; children: BodyNode[] }
  | { kind: LeafKind; name: string; path: string[]; schema: JsonSchema; required: boolean };

function schemaType(schema: JsonSchema): string | undefined {
  if (Array.isArray(schema.type)) return schema.type.find((type) => type !== 'null');
  return schema.type;
}

/** Properties of an object schema, including those declared only inside `oneOf`/`anyOf`/`allOf` branches. */
export function objectProperties(schema: JsonSchema): Record<string, JsonSchema> {
  const merged: Record<string, JsonSchema> = {};
  for (const branch of [...(schema.allOf ?? []), ...(schema.oneOf ?? []), ...(schema.anyOf ?? [])]) {
    Object.assign(merged, objectProperties(branch));
  }
  return { ...merged, ...(schema.properties ?? {}) };
}

function leafKind(schema: JsonSchema): LeafKind {
  if (schema.enum && schema.enum.length > 0) return 'enum';
  const type = schemaType(schema);
  if (type === 'string' || type === 'integer' || type === 'number' || type === 'boolean') return type;
  return 'json';
}

/** The body schema as a tree the form view renders: objects become fieldsets, the rest inputs. */
export function bodyTree(schema: JsonSchema, path: string[] = [], name = '', required = true): BodyNode {
  const properties = objectProperties(schema);
  const isObject = schemaType(schema) === 'object' || (schema.type === undefined && Object.keys(properties).length > 0);
  if (isObject && Object.keys(properties).length > 0) {
    const requiredNames = new Set(schema.required ?? []);
    const children = Object.entries(properties).map(([childName, childSchema]) =>
      bodyTree(childSchema, [...path, childName], childName, requiredNames.has(childName)),
    );
    return { kind: 'object', name, path, schema, required, children };
  }
  return { kind: leafKind(schema), name, path, schema, required };
}

/** What an input's text becomes in the body: numbers stay numbers when they parse; '' removes the field. */
export function coerceLeaf(kind: LeafKind, schema: JsonSchema, text: string): unknown {
  if (text === '') return undefined;
  if (kind === 'integer' || kind === 'number') {
    const number = Number(text);
    return text.trim() !== '' && Number.isFinite(number) ? number : text;
  }
  if (kind === 'boolean') return text === 'true' ? true : text === 'false' ? false : text;
  if (kind === 'enum') {
    const match = schema.enum?.find((option) => String(option) === text);
    return match === undefined ? text : match;
  }
  return text;
}

/** A parameter's text as a typed value, so validation can check `integer`, ranges and enums. */
export function coerceParam(param: ParamModel, text: string): unknown {
  return coerceLeaf(leafKind(param.schema), param.schema, text);
}

/** What a share link or history entry restores (see share.ts). */
export interface RestorableRequest {
  server: string;
  pathParams: Record<string, string>;
  query: Record<string, string>;
  headers: Record<string, string>;
  body?: unknown;
}

function known(params: ParamModel[], values: Record<string, string>, fallback: Record<string, string>): Record<string, string> {
  return Object.fromEntries(params.map((param) => [param.name, values[param.name] ?? (param.in === 'query' ? '' : fallback[param.name] ?? '')]));
}

/**
 * A form from a restored request. Only what the catalog describes is taken:
 * unknown parameters are dropped, an unknown server falls back to the primary.
 */
export function formFromRequest(op: OperationModel, request: RestorableRequest): FormState {
  const start = initialForm(op);
  const server = op.servers.some((candidate) => candidate.host === request.server) ? request.server : start.server;
  const form: FormState = {
    ...start,
    server,
    path: known(op.pathParams, request.pathParams, start.path),
    query: known(op.queryParams, request.query, start.query),
    headers: known(op.headerParams, request.headers, start.headers),
  };
  return op.requestBody ? setBody(form, request.body) : form;
}
