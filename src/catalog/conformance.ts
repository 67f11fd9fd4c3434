/**
 * Conformance of the catalog to Agora's published OpenAPI files. Agora's files
 * are reduced once, by `scripts/agora-facts.ts`, to facts (paths, methods,
 * parameters, body fields, response fields, auth) kept beside each family as
 * `agora.facts.json`; this module reduces our operation models to the same
 * facts, with the same schema walker, and lists every difference as data.
 * Pure and browser-safe: no file access, no catalog import.
 */
import { dottedPath, ITEMS, limitsOf, primaryType, walkSchema } from './schemaWalk';
import type { JsonSchema, OperationModel, SecurityKind } from './types';

/** A kind as scripts/agora-facts.ts names it: the HTTP scheme, else the OpenAPI scheme type. */
const FACT_AUTH: Record<SecurityKind, string> = { basic: 'basic', bearer: 'bearer', 'agora-token': 'apiKey' };

/** What a schema says about one value: its type and limits. Prose (descriptions, examples) is never a fact. */
export interface ValueFacts {
  type?: string;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  default?: unknown;
}

/** One field of a request body: its dotted path (`layoutConfig[].x_axis`, `privileges[]` for scalar items) and facts. */
export interface BodyFieldFacts extends ValueFacts {
  path: string;
  required: boolean;
}

/** One field of a response body. */
export interface ResponseFieldFacts {
  path: string;
  type?: string;
  required: boolean;
}

export type ParamIn = 'path' | 'query' | 'header' | 'cookie';

export interface ParamFacts {
  name: string;
  in: ParamIn;
  required: boolean;
  schema: ValueFacts;
}

/**
 * One documented answer. `status` is a number, a range such as `4XX`, or
 * `default` (which also stands for a source's own words for "any other
 * status", e.g. a localised "non-2XX").
 */
export interface ResponseFacts {
  status: number | string;
  fields: ResponseFieldFacts[];
}

export interface OperationFacts {
  method: string;
  path: string;
  /** Accepted schemes, sorted (`basic`, `bearer`, ...); empty when the operation needs none. */
  auth: string[];
  params: ParamFacts[];
  body?: { required: boolean; fields: BodyFieldFacts[] };
  responses: ResponseFacts[];
}

/** Where a facts file's facts were read: a file of a repository at one commit. */
export interface FactsSource {
  repo: string;
  path: string;
  commit: string;
}

/** A family's `agora.facts.json`. */
export interface FactsFile {
  sources: FactsSource[];
  operations: OperationFacts[];
}

export type DifferenceKind =
  | 'missing-operation'
  | 'extra-operation'
  | 'param-missing'
  | 'param-extra'
  | 'param-required'
  | 'param-type'
  | 'param-enum'
  | 'param-range'
  | 'body-field-missing'
  | 'body-field-extra'
  | 'body-required'
  | 'body-type'
  | 'body-enum'
  | 'body-range'
  | 'status-missing'
  | 'status-extra'
  | 'response-field-missing'
  | 'auth';

/** One way our catalog differs from Agora's published facts; `key` is stable, for recording intended deviations. */
export interface Difference {
  /** `<METHOD> <path>` as Agora writes it (ours for an extra operation). */
  operation: string;
  kind: DifferenceKind;
  /** The parameter name, field path or status concerned; empty for a whole operation or its auth. */
  subject: string;
  /** Agora's value (`null` when Agora does not have it). */
  agora: unknown;
  /** Our value (`null` when we do not have it). */
  ours: unknown;
  key: string;
}

/** The subject of a difference about the request body as a whole (its presence or required flag). */
export const WHOLE_BODY = '(request body)';

/** The limits compared as one "range": bounds on a number, a string's length and pattern, an array's length. */
const RANGE_KEYS = ['minimum', 'maximum', 'minLength', 'maxLength', 'pattern', 'minItems', 'maxItems'] as const;

/** A schema's default is a fact only when it is a value of the schema's type; otherwise it is a description in disguise. */
function defaultFits(type: string | undefined, value: unknown): boolean {
  if (value === undefined) return false;
  switch (type) {
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number';
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'array':
      return Array.isArray(value);
    case 'object':
      return value !== null && typeof value === 'object' && !Array.isArray(value);
    default:
      return true;
  }
}

/**
 * A schema's type, or the one type all its `allOf` parts agree on: Agora often
 * writes `allOf: [$ref]` to reuse an object, which is that object's type.
 */
function typeOf(schema: JsonSchema): string | undefined {
  const own = primaryType(schema);
  if (own !== undefined || !schema.allOf?.length) return own;
  const types = new Set(schema.allOf.map(typeOf));
  return types.size === 1 ? [...types][0] : undefined;
}

/** The facts a schema states about one value; keys a schema leaves open are absent. */
export function valueFacts(schema: JsonSchema | undefined): ValueFacts {
  if (!schema) return {};
  const limits = limitsOf(schema);
  const type = typeOf(schema);
  const facts: ValueFacts = {};
  if (type !== undefined) facts.type = type;
  const values = limits.enum ?? (limits.const !== undefined ? [limits.const] : undefined);
  if (values) facts.enum = [...values];
  for (const key of RANGE_KEYS) {
    const value = limits[key];
    if (value !== undefined) Object.assign(facts, { [key]: value });
  }
  if (defaultFits(type, limits.default)) facts.default = limits.default;
  return facts;
}

/**
 * Every field of a body schema, parents first, as facts: the walker's fields,
 * plus one `<array>[]` entry for the items of an array of scalars (so an enum
 * on `privileges` items is compared like any other field's).
 */
export function bodyFieldFacts(schema: JsonSchema | undefined): BodyFieldFacts[] {
  if (!schema) return [];
  const out: BodyFieldFacts[] = [];
  for (const field of walkSchema(schema)) {
    out.push({ path: dottedPath(field.path), required: field.required, ...valueFacts(field.schema) });
    if (field.type === 'array' && field.children === 'none' && field.schema.items) {
      out.push({ path: dottedPath([...field.path, ITEMS]), required: false, ...valueFacts(field.schema.items) });
    }
  }
  return out;
}

/** Every field of a response schema as path, type and required flag. */
export function responseFieldFacts(schema: JsonSchema | undefined): ResponseFieldFacts[] {
  return bodyFieldFacts(schema).map(({ path, type, required }) => (type === undefined ? { path, required } : { path, type, required }));
}

/** Our operation model reduced to the facts Agora's files are reduced to. */
export function factsOfOperation(model: OperationModel): OperationFacts {
  const body = model.requestBody;
  return {
    method: model.method,
    path: model.path,
    auth: [...new Set(model.security.map((kind) => FACT_AUTH[kind]))].sort(),
    params: model.params.map((param) => ({ name: param.name, in: param.in, required: param.required, schema: valueFacts(param.schema) })),
    ...(body ? { body: { required: body.required, fields: bodyFieldFacts(body.schema) } } : {}),
    responses: model.responses.map((response) => ({ status: response.status, fields: responseFieldFacts(response.schema) })),
  };
}

/** `<METHOD> <path>`, the name of an operation in differences and keys. */
export function operationName(op: { method: string; path: string }): string {
  return `${op.method.toUpperCase()} ${op.path}`;
}

/** The stable id of a difference, as recorded in a family's `conformance.yaml`. */
export function differenceKey(operation: string, kind: DifferenceKind, subject: string): string {
  return subject ? `${operation} ${kind} ${subject}` : `${operation} ${kind}`;
}

function difference(operation: string, kind: DifferenceKind, subject: string, agora: unknown, ours: unknown): Difference {
  return { operation, kind, subject, agora: agora ?? null, ours: ours ?? null, key: differenceKey(operation, kind, subject) };
}

/** Order-insensitive equality of two enums (values compared as JSON). */
function sameEnum(a: unknown[] | undefined, b: unknown[] | undefined): boolean {
  if (!a || !b) return a === b;
  const left = new Set(a.map((value) => JSON.stringify(value)));
  const right = new Set(b.map((value) => JSON.stringify(value)));
  return left.size === right.size && [...left].every((value) => right.has(value));
}

function rangeOf(facts: ValueFacts): Partial<Record<(typeof RANGE_KEYS)[number], unknown>> {
  const out: Partial<Record<(typeof RANGE_KEYS)[number], unknown>> = {};
  for (const key of RANGE_KEYS) if (facts[key] !== undefined) out[key] = facts[key];
  return out;
}

/**
 * Type, enum and range differences of one value. Every fact either side
 * states must match: a limit only we impose is a difference too, because our
 * validator would refuse what Agora's description accepts.
 */
function compareValue(
  operation: string,
  subject: string,
  agora: ValueFacts,
  ours: ValueFacts,
  kinds: { type: DifferenceKind; enum: DifferenceKind; range: DifferenceKind },
): Difference[] {
  const out: Difference[] = [];
  if (agora.type !== ours.type) out.push(difference(operation, kinds.type, subject, agora.type, ours.type));
  if (!sameEnum(agora.enum, ours.enum)) out.push(difference(operation, kinds.enum, subject, agora.enum, ours.enum));
  const agoraRange = rangeOf(agora);
  const ourRange = rangeOf(ours);
  // Key by key, so that the order keys were written in never matters.
  if (RANGE_KEYS.some((key) => agoraRange[key] !== ourRange[key])) {
    out.push(difference(operation, kinds.range, subject, agoraRange, ourRange));
  }
  return out;
}

/** HTTP header names are case-insensitive; path and query names are compared exactly as Agora writes them. */
function paramId(param: ParamFacts): string {
  return param.in === 'header' ? `header:${param.name.toLowerCase()}` : `${param.in}:${param.name}`;
}

function compareParams(operation: string, agora: ParamFacts[], ours: ParamFacts[]): Difference[] {
  const out: Difference[] = [];
  const ourById = new Map(ours.map((param) => [paramId(param), param]));
  const agoraIds = new Set(agora.map(paramId));
  for (const param of agora) {
    const mine = ourById.get(paramId(param));
    if (!mine) {
      out.push(difference(operation, 'param-missing', param.name, param, null));
      continue;
    }
    if (param.required !== mine.required) out.push(difference(operation, 'param-required', param.name, param.required, mine.required));
    out.push(...compareValue(operation, param.name, param.schema, mine.schema, { type: 'param-type', enum: 'param-enum', range: 'param-range' }));
  }
  for (const param of ours) {
    if (!agoraIds.has(paramId(param))) out.push(difference(operation, 'param-extra', param.name, null, param));
  }
  return out;
}

/** True when `path` lies under one of `roots` (a missing object is reported once, not once per descendant). */
function underAny(path: string, roots: readonly string[]): boolean {
  return roots.some((root) => path.startsWith(`${root}.`) || path.startsWith(`${root}[]`));
}

function bodyState(body: OperationFacts['body']): 'required' | 'optional' | 'none' {
  if (!body) return 'none';
  return body.required ? 'required' : 'optional';
}

function compareBody(operation: string, agora: OperationFacts['body'], ours: OperationFacts['body']): Difference[] {
  const out: Difference[] = [];
  if (bodyState(agora) !== bodyState(ours)) out.push(difference(operation, 'body-required', WHOLE_BODY, bodyState(agora), bodyState(ours)));
  const agoraFields = agora?.fields ?? [];
  const ourFields = ours?.fields ?? [];
  const ourByPath = new Map(ourFields.map((field) => [field.path, field]));
  const agoraByPath = new Map(agoraFields.map((field) => [field.path, field]));
  const missing: string[] = [];
  for (const field of agoraFields) {
    const mine = ourByPath.get(field.path);
    if (!mine) {
      if (!underAny(field.path, missing)) out.push(difference(operation, 'body-field-missing', field.path, field, null));
      missing.push(field.path);
      continue;
    }
    if (field.required !== mine.required) out.push(difference(operation, 'body-required', field.path, field.required, mine.required));
    out.push(...compareValue(operation, field.path, field, mine, { type: 'body-type', enum: 'body-enum', range: 'body-range' }));
  }
  const extra: string[] = [];
  for (const field of ourFields) {
    if (agoraByPath.has(field.path)) continue;
    if (!underAny(field.path, extra)) out.push(difference(operation, 'body-field-extra', field.path, null, field));
    extra.push(field.path);
  }
  return out;
}

/** True when Agora's responses cover `status`: listed exactly, by a range (`4XX`) or by `default`. */
function covers(responses: ResponseFacts[], status: number): boolean {
  return responses.some(
    (response) =>
      response.status === status ||
      response.status === 'default' ||
      (typeof response.status === 'string' && response.status.toUpperCase() === `${String(status)[0]}XX`),
  );
}

function compareResponses(operation: string, agora: ResponseFacts[], ours: ResponseFacts[]): Difference[] {
  const out: Difference[] = [];
  const ourByStatus = new Map(ours.map((response) => [response.status, response]));
  for (const response of agora) {
    // Ranges and `default` name no status of ours to compare with; they only cover ours (below).
    if (typeof response.status !== 'number') continue;
    const mine = ourByStatus.get(response.status);
    if (!mine) {
      out.push(difference(operation, 'status-missing', String(response.status), response.status, null));
      continue;
    }
    const ourPaths = new Set(mine.fields.map((field) => field.path));
    const missing: string[] = [];
    for (const field of response.fields) {
      if (ourPaths.has(field.path)) continue;
      if (!underAny(field.path, missing)) out.push(difference(operation, 'response-field-missing', `${response.status} ${field.path}`, field, null));
      missing.push(field.path);
    }
  }
  for (const response of ours) {
    if (typeof response.status === 'number' && !covers(agora, response.status)) {
      out.push(difference(operation, 'status-extra', String(response.status), null, response.status));
    }
  }
  return out;
}

/** Every difference between Agora's facts for one operation and our model of it (matched by the caller). */
export function compareOperation(facts: OperationFacts, model: OperationModel): Difference[] {
  const ours = factsOfOperation(model);
  const operation = operationName(facts);
  const out: Difference[] = [];
  const agoraAuth = [...new Set(facts.auth)].sort();
  if (agoraAuth.join(',') !== ours.auth.join(',')) out.push(difference(operation, 'auth', '', agoraAuth, ours.auth));
  out.push(...compareParams(operation, facts.params, ours.params));
  out.push(...compareBody(operation, facts.body, ours.body));
  out.push(...compareResponses(operation, facts.responses, ours.responses));
  return out;
}

/**
 * Every difference between a family's facts file and its operations. Operations
 * match on method and path template, parameter names included, so a renamed
 * path parameter shows as one missing and one extra operation. The guide's
 * illustrative calls are not Agora APIs and are never compared.
 */
export function compareFamily(factsFile: FactsFile, operations: readonly OperationModel[]): Difference[] {
  const real = operations.filter((op) => !op.guideExample);
  const ourByName = new Map(real.map((op) => [operationName(op), op]));
  const agoraNames = new Set(factsFile.operations.map(operationName));
  const out: Difference[] = [];
  for (const facts of factsFile.operations) {
    const name = operationName(facts);
    const model = ourByName.get(name);
    if (model) out.push(...compareOperation(facts, model));
    else out.push(difference(name, 'missing-operation', '', name, null));
  }
  for (const op of real) {
    const name = operationName(op);
    if (!agoraNames.has(name)) out.push(difference(name, 'extra-operation', '', null, op.id));
  }
  return out;
}

/** A family's `conformance.yaml`: whether it is enforced yet, and the differences it keeps on purpose. */
export interface ConformanceRecord {
  /** `pending`: not yet brought to conformance, differences are only counted. `enforced`: every difference must be fixed or listed. */
  status: 'pending' | 'enforced';
  deviations: Array<{ key: string; reason: string }>;
}

/** A reason is a sentence: a capital letter first, three words or more, a full stop (or ! or ?) last. */
function isSentence(text: string): boolean {
  return /^[A-Z]/.test(text) && /[.!?]$/.test(text) && text.split(/\s+/).length >= 3;
}

/** A parsed `conformance.yaml` checked for shape; throws with what to fix. */
export function parseConformanceRecord(value: unknown, file: string): ConformanceRecord {
  const problem = (what: string): never => {
    throw new Error(`${file}: ${what}`);
  };
  if (value === null || typeof value !== 'object' || Array.isArray(value)) problem('expected a mapping with `status` and `deviations`.');
  const { status, deviations = [], ...rest } = value as Record<string, unknown>;
  if (Object.keys(rest).length) problem(`unknown key(s) ${Object.keys(rest).join(', ')}; only \`status\` and \`deviations\` are allowed.`);
  if (status !== 'pending' && status !== 'enforced') problem('`status` must be `pending` or `enforced`.');
  if (!Array.isArray(deviations)) problem('`deviations` must be a list of { key, reason }.');
  const seen = new Set<string>();
  const list = (deviations as unknown[]).map((entry, index) => {
    const { key, reason } = (entry ?? {}) as Record<string, unknown>;
    if (typeof key !== 'string' || !key.trim()) problem(`deviation ${index + 1} needs a \`key\` (the difference's key).`);
    if (seen.has(key as string)) problem(`deviation "${key}" is listed twice.`);
    seen.add(key as string);
    if (typeof reason !== 'string' || !isSentence(reason.trim())) {
      problem(`deviation "${key}" needs a \`reason\` written as a sentence (capital letter, three words or more, full stop).`);
    }
    return { key: key as string, reason: (reason as string).trim() };
  });
  return { status: status as ConformanceRecord['status'], deviations: list };
}

/** How a family's differences stand against its record. */
export interface ConformanceVerdict {
  /** Differences the record lists as intended. */
  intended: Difference[];
  /** Differences neither fixed nor listed (a failure once the family is enforced). */
  unlisted: Difference[];
  /** Listed keys that no longer occur (always a failure: the list must say what is true). */
  stale: string[];
}

/** Sorts a family's differences into intended, unlisted and stale by the keys its record lists. */
export function judgeConformance(differences: readonly Difference[], record: ConformanceRecord): ConformanceVerdict {
  const listed = new Set(record.deviations.map((deviation) => deviation.key));
  const occurring = new Set(differences.map((d) => d.key));
  return {
    intended: differences.filter((d) => listed.has(d.key)),
    unlisted: differences.filter((d) => !listed.has(d.key)),
    stale: record.deviations.map((deviation) => deviation.key).filter((key) => !occurring.has(key)),
  };
}
