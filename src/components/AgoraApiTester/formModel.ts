/**
 * Form state for one tester, derived from the catalog's OperationModel. Pure:
 * every update returns a new state, so React can compare by reference.
 *
 * The body lives twice on purpose: `bodyText` is what the JSON view shows (it
 * may be half-typed and not parse), `body` is the last value that parsed, which
 * the form view edits. Editing either side rewrites the other.
 */
import { ITEMS, primaryType, walkSchema, type PathSegment } from '../../catalog/schemaWalk';
import type { JsonSchema, OperationModel, ParamLocation, ParamModel } from '../../catalog/types';
import { valueFromText } from '../../catalog/validate';
import { defaultRequest, valuesFromRequest, type RequestValues, type RestorableRequest } from '../../request/build';
import type { CustomLocation, CustomParam } from '../../request/customParams';

/** The request's values (see `src/request/build.ts`, which turns them into the ApiRequest) plus the JSON view's text. */
export interface FormState extends RequestValues {
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

export function formatJson(value: unknown): string {
  return value === undefined ? '' : JSON.stringify(value, null, 2);
}

/** A ready-to-send form: the request builder's default request, so the form sends what the execution tests run. */
export function initialForm(op: OperationModel): FormState {
  return formFromRequest(op, defaultRequest(op));
}

/** The form key of a custom row's inline messages: `custom.0`. */
export function customKey(index: number): FieldKey {
  return `custom.${index}`;
}

/** Add an empty custom header or query row at the end. */
export function addCustom(state: FormState, location: CustomLocation): FormState {
  return { ...state, custom: [...state.custom, { in: location, name: '', value: '' }] };
}

/** Change a custom row's location, name or value. */
export function setCustom(state: FormState, index: number, change: Partial<CustomParam>): FormState {
  return { ...state, custom: state.custom.map((row, at) => (at === index ? { ...row, ...change } : row)) };
}

export function removeCustom(state: FormState, index: number): FormState {
  return { ...state, custom: state.custom.filter((_, at) => at !== index) };
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

function leafKind(schema: JsonSchema): LeafKind {
  if (schema.enum && schema.enum.length > 0) return 'enum';
  const type = primaryType(schema);
  if (type === 'string' || type === 'integer' || type === 'number' || type === 'boolean') return type;
  return 'json';
}

/**
 * The body schema as a tree the form view renders: objects become fieldsets,
 * the rest inputs. The fields come from the catalog's schema walker; the form
 * stops at arrays (a list is edited as one JSON input), so item fields are left out.
 */
export function bodyTree(schema: JsonSchema): BodyNode {
  const fields = walkSchema(schema).filter((field) => !field.path.includes(ITEMS));
  if (fields.length === 0) return { kind: leafKind(schema), name: '', path: [], schema, required: true };
  const root: BodyNode = { kind: 'object', name: '', path: [], schema, required: true, children: [] };
  const objects = new Map<string, BodyNode & { kind: 'object' }>([['', root]]);
  for (const field of fields) {
    const parent = objects.get(field.path.slice(0, -1).join('.'));
    if (!parent) continue; // unreachable: the walk lists parents first
    const base = { name: field.name, path: field.path, schema: field.schema, required: field.required };
    const node: BodyNode = field.children === 'properties' ? { ...base, kind: 'object', children: [] } : { ...base, kind: leafKind(field.schema) };
    if (node.kind === 'object') objects.set(field.path.join('.'), node);
    parent.children.push(node);
  }
  return root;
}

/** What decides whether a group of body fields starts open (see `groupStartsOpen`). */
export interface GroupState {
  /** The group's own object is required where it stands. */
  required: boolean;
  /** Nesting depth in the form (1: a top-level property of the body). */
  depth: number;
  /** The current body sets something inside it. */
  filled: boolean;
  /** A message is shown about it or about a field inside it. */
  flagged: boolean;
}

/**
 * A group of body fields starts open when the reader needs to see inside it:
 * it holds a value or a message, or it is required and near the top. Other
 * groups start closed, and the form renders a closed group's fields only once
 * it is opened: a large body (Conversational AI's start-agent has 103 fields
 * in 31 groups) then costs the page its few open fields, not all of them.
 */
export function groupStartsOpen({ required, depth, filled, flagged }: GroupState): boolean {
  return filled || flagged || (required && depth < 3);
}

/** Whether a body value counts as set for `GroupState.filled`: anything but undefined and an empty object. */
export function isFilled(value: unknown): boolean {
  if (value === undefined) return false;
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const _ in value) return true;
    return false;
  }
  return true;
}

/** Whether `errors` holds a message about the field `key` or any field inside it. */
export function hasMessageWithin(errors: Record<string, string[]>, key: FieldKey): boolean {
  const prefix = `${key}.`;
  for (const name in errors) if ((name === key || name.startsWith(prefix)) && errors[name].length > 0) return true;
  return false;
}

// Form keys of the fields the form view renders, per body schema (schemas are read-only and long-lived).
const renderedKeys = new WeakMap<JsonSchema, Set<FieldKey>>();

/**
 * The form field that shows a message about a body path: the field itself, or
 * the nearest enclosing field the form renders (a list item's problem shows
 * under the list's JSON input; an unknown property's under its object); `body`
 * when none encloses it.
 */
export function bodyFieldKey(schema: JsonSchema, path: readonly PathSegment[]): FieldKey {
  let keys = renderedKeys.get(schema);
  if (!keys) {
    keys = new Set(walkSchema(schema).filter((field) => !field.path.includes(ITEMS)).map((field) => bodyKey(field.path)));
    renderedKeys.set(schema, keys);
  }
  const names: string[] = [];
  for (const segment of path) {
    if (typeof segment === 'number' || segment === ITEMS) break;
    names.push(segment);
  }
  for (let length = names.length; length > 0; length -= 1) {
    const key = bodyKey(names.slice(0, length));
    if (keys.has(key)) return key;
  }
  return 'body';
}

/** What an input's text becomes in the body (the catalog's one text-to-value rule); '' removes the field. */
export function coerceLeaf(kind: LeafKind, schema: JsonSchema, text: string): unknown {
  if (kind === 'json') return text === '' ? undefined : text;
  return valueFromText(kind === 'enum' ? schema : { ...schema, type: kind }, text);
}

/** A form from a request (share link, history entry); only what the catalog describes is taken (`valuesFromRequest`). */
export function formFromRequest(op: OperationModel, request: RestorableRequest): FormState {
  const values = valuesFromRequest(op, request);
  return { ...values, bodyText: formatJson(values.body), bodyParseError: null };
}
