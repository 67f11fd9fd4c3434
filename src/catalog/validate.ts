/**
 * The one request validator. Given an operation and a request's parts (path,
 * query and header values as text, the parsed JSON body), it returns
 * structured issues: where, which field, what kind of rule, the limits
 * involved, and plain words saying what to fix. The tester shows them under
 * its form fields, the sandbox answers the first one in Agora's error body;
 * both call this module, so they judge every request the same way.
 *
 * The schema engine is passed in as a `CompileSchema` rather than imported:
 * the sandbox passes `compileSchema` from `./ajv` (Ajv at run time), the
 * browser an operation's checks compiled ahead of time (`checksFor` in
 * ./checks.ts), so it never loads Ajv. Without one, only the checks that need
 * no schema engine run (missing values).
 */
import type { ErrorObject } from 'ajv/dist/2020';
import { dottedPath, exactlyOneOf, primaryType, type PathSegment } from './schemaWalk';
import type { JsonSchema, OperationModel, ParamLocation, ParamModel } from './types';

export type IssueLocation = ParamLocation | 'body';

export type IssueKind =
  | 'required'
  | 'type'
  | 'enum'
  | 'const'
  | 'pattern'
  | 'format'
  /** minimum, maximum and their exclusive forms */
  | 'range'
  /** minLength, maxLength */
  | 'length'
  /** minItems, maxItems */
  | 'items'
  /** minProperties, maxProperties */
  | 'properties'
  | 'unique'
  | 'oneOf-exactly-one'
  | 'additionalProperties'
  /** any other rule (a oneOf/anyOf of shapes, `not`, ...) */
  | 'schema';

/** The limits an issue is about, e.g. `{ maximum: 600 }` or `{ alternatives: ['uid', 'account'] }`. */
export interface IssueLimits {
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  minProperties?: number;
  maxProperties?: number;
  /** Allowed values (enum, const). */
  allowed?: readonly unknown[];
  /** Allowed JSON types. */
  types?: string[];
  pattern?: string;
  format?: string;
  /** Fields of which exactly one must be given. */
  alternatives?: string[];
}

export interface RequestIssue {
  location: IssueLocation;
  /**
   * JSON path of the value at fault inside `location`: a parameter's name; for
   * the body, property names and array indices (numbers), `[]` being the body
   * itself. A missing field's path is where it should be.
   */
  path: PathSegment[];
  kind: IssueKind;
  limits: IssueLimits;
  /** The fields to point at: `[path]`, or for "exactly one of" each alternative's path. */
  fields: PathSegment[][];
  /** Dotted name of the first of `fields` (`player.uid`, `pageSize`), '' for the body itself. */
  field: string;
  /** The refused value, when a value is at fault (not for a missing field or a choice between fields). */
  received?: unknown;
  /** What to fix, without naming the field, for "field: reason" displays: `must be at most 600.` */
  reason: string;
  /** The same as a sentence that names the field: `player.idleTimeout must be at most 600.` */
  message: string;
}

/** A compiled schema, as Ajv's `ValidateFunction` is: call it, then read `errors`. */
export interface SchemaCheck {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

export type CompileSchema = (schema: JsonSchema) => SchemaCheck;

/** The parts of a request the catalog describes; values as they travel (text), the body parsed. */
export interface RequestParts {
  path?: Readonly<Record<string, string | undefined>>;
  query?: Readonly<Record<string, string | undefined>>;
  /** Header values by name; names match case-insensitively. */
  headers?: Readonly<Record<string, string | undefined>>;
  /** The parsed JSON body; `undefined` when none was sent. */
  body?: unknown;
}

/**
 * A parameter's text as the value its schema describes, so `integer`, ranges
 * and enums can be checked: numbers stay numbers when they parse, `true`/`false`
 * become booleans, an enum member becomes that member; '' is no value.
 */
export function valueFromText(schema: JsonSchema, text: string): unknown {
  if (text === '') return undefined;
  const member = schema.enum?.find((option) => String(option) === text);
  if (member !== undefined) return member;
  const type = primaryType(schema);
  if (type === 'integer' || type === 'number') {
    const number = Number(text);
    return text.trim() !== '' && Number.isFinite(number) ? number : text;
  }
  if (type === 'boolean') return text === 'true' ? true : text === 'false' ? false : text;
  return text;
}

// ------------------------------------------------------------------ wording

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  null: 'null',
};

const quote = (value: unknown): string => JSON.stringify(value) ?? String(value);

/** `a`, `a or b`, `a, b or c` */
function orList(items: string[], word = 'or'): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${word} ${items[items.length - 1]}`;
}

const plural = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`;

interface Noun {
  one: string;
  many: string;
}

/** A bracket expression's content (`A-Za-z0-9._:-`) in words, or undefined for what we do not word. */
function classNoun(body: string): Noun | undefined {
  const ranges = new Set<string>();
  const singles: string[] = [];
  for (let i = 0; i < body.length; i += 1) {
    let char = body[i];
    if (char === '\\') {
      i += 1;
      char = body[i];
      if (char === undefined || /[a-zA-Z0-9]/.test(char)) return undefined; // \d, \w, \s...: not worded here
    } else if (body[i + 1] === '-' && i + 2 < body.length) {
      ranges.add(`${char}-${body[i + 2]}`);
      i += 2;
      continue;
    }
    singles.push(char);
  }
  const has = (range: string) => ranges.delete(range);
  const digits = has('0-9');
  const hexLower = ranges.has('a-f');
  const hexUpper = ranges.has('A-F');
  if (digits && (hexLower || hexUpper) && ranges.size === Number(hexLower) + Number(hexUpper) && singles.length === 0) {
    const which = hexLower && hexUpper ? '' : hexLower ? 'lowercase ' : 'uppercase ';
    return { one: `${which}hexadecimal character`, many: `${which}hexadecimal characters` };
  }
  const parts: string[] = [];
  const upper = has('A-Z');
  const lower = has('a-z');
  if (ranges.size > 0) return undefined;
  if (upper && lower) parts.push('letters');
  else if (upper) parts.push('capital letters');
  else if (lower) parts.push('lowercase letters');
  if (digits) parts.push('digits');
  const space = singles.indexOf(' ');
  if (space >= 0) singles.splice(space, 1);
  if (singles.length === 0 && space < 0) {
    if (parts.length === 1 && parts[0] === 'digits') return { one: 'digit', many: 'digits' };
    if (parts.join() === 'letters,digits') return { one: 'letter or digit', many: 'letters or digits' };
    if (parts.length === 1 && parts[0].endsWith('letters')) return { one: parts[0].slice(0, -1), many: parts[0] };
  }
  // A few symbols read best one by one; a long set as it is typed. "space" goes last, so a set ending in "," stays readable.
  if (singles.length > 0 && singles.length <= 4) parts.push(...singles.map(quote));
  else if (singles.length > 0) parts.push(singles.join(''));
  if (space >= 0) parts.push('space');
  return { one: `character: ${orList(parts)}`, many: `characters: ${orList(parts, 'and')}` };
}

type Token =
  | { kind: 'literal'; text: string }
  | { kind: 'choice'; options: string[] }
  | { kind: 'class'; noun: Noun; count: string; countOne: boolean }
  | { kind: 'any'; spaces: boolean };

/** The quantifier at `i` (`{2,5}`, `+`, ...) as words, and where it ends. */
function quantifier(pattern: string, i: number): { count: string; one: boolean; end: number } {
  const char = pattern[i];
  if (char === '+') return { count: 'one or more', one: false, end: i + 1 };
  if (char === '*') return { count: 'any number of', one: false, end: i + 1 };
  if (char === '?') return { count: 'an optional', one: true, end: i + 1 };
  const braces = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i));
  if (!braces) return { count: 'one', one: true, end: i };
  const [whole, min, comma, max] = braces;
  const end = i + whole.length;
  if (!comma) return { count: min, one: min === '1', end };
  return { count: max ? `${min}–${max}` : `at least ${min}`, one: false, end };
}

/** `^[0-9a-fA-F]{32}$` -> tokens; undefined for anything outside the small grammar we word. */
function tokenize(pattern: string): Token[] | undefined {
  if (!pattern.startsWith('^') || !pattern.endsWith('$') || pattern.endsWith('\\$')) return undefined;
  const source = pattern.slice(1, -1);
  const tokens: Token[] = [];
  const literal = (char: string) => {
    const last = tokens[tokens.length - 1];
    if (last?.kind === 'literal') last.text += char;
    else tokens.push({ kind: 'literal', text: char });
  };
  let i = 0;
  while (i < source.length) {
    const char = source[i];
    if (char === '[') {
      const close = source.slice(i + 1).search(/(?<!\\)\]/);
      if (close < 0 || source[i + 1] === '^') return undefined;
      const noun = classNoun(source.slice(i + 1, i + 1 + close));
      if (!noun) return undefined;
      const q = quantifier(source, i + 2 + close);
      tokens.push({ kind: 'class', noun, count: q.count, countOne: q.one });
      i = q.end;
    } else if (char === '(') {
      const close = source.indexOf(')', i);
      if (close < 0) return undefined;
      const inner = source.slice(i + 1, close).replace(/^\?:/, '');
      const options = inner.split('|');
      if (options.some((option) => option === '' || /[\\[\](){}.*+?^$]/.test(option))) return undefined;
      if (/[+*?{]/.test(source[close + 1] ?? '')) return undefined;
      tokens.push({ kind: 'choice', options });
      i = close + 1;
    } else if ((char === '.' || source.startsWith('\\S', i)) && /[+*]/.test(source[i + (char === '.' ? 1 : 2)] ?? '')) {
      tokens.push({ kind: 'any', spaces: char === '.' });
      i += char === '.' ? 2 : 3;
    } else if (char === '\\') {
      const next = source[i + 1];
      if (next === undefined || /[a-zA-Z0-9]/.test(next)) return undefined;
      literal(next);
      i += 2;
    } else if (/[.*+?{}|)$^]/.test(char)) {
      return undefined;
    } else {
      literal(char);
      i += 1;
    }
    // A quantifier on a single literal character (`a+`) is not worded.
    if (tokens[tokens.length - 1]?.kind === 'literal' && /[+*?{]/.test(source[i] ?? '')) return undefined;
  }
  return tokens;
}

/** A regular expression in words when it is one of the common shapes; undefined otherwise. */
export function describePattern(pattern: string): string | undefined {
  const tokens = tokenize(pattern);
  if (!tokens?.length) return undefined;
  const last = tokens[tokens.length - 1];
  const head = tokens.slice(0, -1);
  if (last.kind === 'any' && head.length > 0 && head.every((token) => token.kind === 'literal' || token.kind === 'choice')) {
    let prefixes = [''];
    for (const token of head) {
      const options = token.kind === 'literal' ? [token.text] : token.kind === 'choice' ? token.options : [];
      prefixes = prefixes.flatMap((prefix) => options.map((option) => prefix + option));
    }
    if (prefixes.length > 8) return undefined;
    return `text starting with ${orList(prefixes.map(quote))}${last.spaces ? '' : ', with no spaces'}`;
  }
  return tokens
    .map((token) => {
      switch (token.kind) {
        case 'literal':
          return quote(token.text);
        case 'choice':
          return orList(token.options.map(quote));
        case 'class':
          return `${token.count} ${token.countOne ? token.noun.one : token.noun.many}`;
        case 'any':
          return token.spaces ? 'any text' : 'text with no spaces';
      }
    })
    .join(' followed by ');
}

/** A description's rule longer than this is a paragraph, not a hint: it stays in the description. */
const RULE_MAX = 60;

/** The short rule in a description ("Channel name as the guide states it: alphanumeric and under 64 characters."). */
function descriptionRule(description: string | undefined): string | undefined {
  if (!description) return undefined;
  const text = description.replace(/\s+/g, ' ').trim();
  const colon = text.indexOf(': ');
  if (colon < 0) return undefined;
  let rule = text.slice(colon + 2);
  const end = rule.search(/[.;](\s|$)| \(/);
  if (end >= 0) rule = rule.slice(0, end);
  return rule.length > 0 && rule.length <= RULE_MAX ? rule : undefined;
}

/**
 * What a pattern-checked value must be, as the end of a reason: the schema's
 * `x-pattern-hint` (words a catalog author gives a pattern too intricate to
 * describe), the pattern described, or the description's own short rule.
 * Never the regular expression itself: a reader cannot act on it, and the
 * field's description is shown beside the message anyway.
 */
export function formatRule(schema: JsonSchema, pattern: string): string {
  const hint = schema['x-pattern-hint'];
  const words = (typeof hint === 'string' && hint.trim()) || describePattern(pattern) || descriptionRule(schema.description);
  return words ? `must be ${words}.` : 'is not in the form the field\'s description gives.';
}

/** An enum member that differs from `value` only in letter case, worded as the fix. */
function caseHint(value: unknown, allowed: readonly unknown[]): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = allowed.find((option): option is string => typeof option === 'string' && option.toLowerCase() === value.toLowerCase());
  if (match === undefined || match === value) return undefined;
  if (match === match.toLowerCase()) return `must be lowercase: use ${quote(match)}.`;
  if (match === match.toUpperCase()) return `must be uppercase: use ${quote(match)}.`;
  return `must be written exactly ${quote(match)}.`;
}

const typeWords = (types: string[]): string => orList(types.map((type) => TYPE_WORDS[type] ?? type));

// ------------------------------------------------------------------ issues

interface Draft {
  path: PathSegment[];
  kind: IssueKind;
  reason: string;
  limits?: IssueLimits;
  fields?: PathSegment[][];
  received?: unknown;
}

function finish(location: IssueLocation, draft: Draft): RequestIssue {
  const fields = draft.fields ?? [draft.path];
  const field = dottedPath(fields[0]);
  const subject = dottedPath(draft.path) || 'The body';
  // A choice between fields names them in the reason; it reads as a sentence of its own.
  const message =
    draft.kind === 'oneOf-exactly-one' ? draft.reason[0].toUpperCase() + draft.reason.slice(1) : `${subject} ${draft.reason}`;
  const issue: RequestIssue = { location, path: draft.path, kind: draft.kind, limits: draft.limits ?? {}, fields, field, reason: draft.reason, message };
  if (draft.received !== undefined) issue.received = draft.received;
  return issue;
}

/** Decode an Ajv instance path against the data, so array indices become numbers. */
function instancePath(pointer: string, data: unknown): PathSegment[] {
  const path: PathSegment[] = [];
  let node = data;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const index = Array.isArray(node) && /^\d+$/.test(key) ? Number(key) : undefined;
    path.push(index ?? key);
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  }
  return path;
}

/** A `oneOf`/`anyOf` whose every branch names a type (`string` or `array`) is a type rule. */
function branchTypes(schema: JsonSchema, keyword: 'oneOf' | 'anyOf'): string[] | undefined {
  const branches = schema[keyword];
  if (!branches?.length) return undefined;
  const types = branches.flatMap((branch) => (branch.type === undefined ? [] : Array.isArray(branch.type) ? branch.type : [branch.type]));
  return types.length && branches.every((branch) => branch.type !== undefined) ? Array.from(new Set(types)) : undefined;
}

/** One Ajv error as a draft issue, or null when another error says it better. */
function draftOf(error: ErrorObject, base: PathSegment[], data: unknown): Draft | null {
  // Errors inside a oneOf/anyOf branch only explain why that branch failed; the combinator's own error says it better.
  if (/\/(oneOf|anyOf)\/\d+\//.test(error.schemaPath)) return null;
  const at = [...base, ...instancePath(error.instancePath, data)];
  const params = error.params as Record<string, unknown>;
  const schema = (error.parentSchema ?? {}) as JsonSchema;
  const value: unknown = error.data;
  const limit = Number(params.limit);
  switch (error.keyword) {
    case 'required':
      return { path: [...at, String(params.missingProperty)], kind: 'required', reason: 'is required.' };
    case 'additionalProperties':
      return { path: [...at, String(params.additionalProperty)], kind: 'additionalProperties', reason: 'is not a field of this request; remove it.' };
    case 'type': {
      const types = String(params.type).split(',');
      return { path: at, kind: 'type', reason: `must be ${typeWords(types)}.`, limits: { types }, received: value };
    }
    case 'enum': {
      const allowed = params.allowedValues as unknown[];
      return { path: at, kind: 'enum', reason: caseHint(value, allowed) ?? `must be one of ${allowed.map(quote).join(', ')}.`, limits: { allowed }, received: value };
    }
    case 'const':
      return { path: at, kind: 'const', reason: `must be ${quote(params.allowedValue)}.`, limits: { allowed: [params.allowedValue] }, received: value };
    case 'pattern': {
      const pattern = String(params.pattern);
      return { path: at, kind: 'pattern', reason: formatRule(schema, pattern), limits: { pattern }, received: value };
    }
    case 'format':
      return { path: at, kind: 'format', reason: `must be a valid ${String(params.format)}.`, limits: { format: String(params.format) }, received: value };
    case 'minimum':
      return { path: at, kind: 'range', reason: `must be at least ${limit}.`, limits: { minimum: limit }, received: value };
    case 'maximum':
      return { path: at, kind: 'range', reason: `must be at most ${limit}.`, limits: { maximum: limit }, received: value };
    case 'exclusiveMinimum':
      return { path: at, kind: 'range', reason: `must be greater than ${limit}.`, limits: { exclusiveMinimum: limit }, received: value };
    case 'exclusiveMaximum':
      return { path: at, kind: 'range', reason: `must be less than ${limit}.`, limits: { exclusiveMaximum: limit }, received: value };
    case 'minLength':
      return { path: at, kind: 'length', reason: `needs at least ${plural(limit, 'character')}.`, limits: { minLength: limit }, received: value };
    case 'maxLength':
      return { path: at, kind: 'length', reason: `can have at most ${limit} characters.`, limits: { maxLength: limit }, received: value };
    case 'minItems':
      return { path: at, kind: 'items', reason: `needs at least ${plural(limit, 'item')}.`, limits: { minItems: limit }, received: value };
    case 'maxItems':
      return { path: at, kind: 'items', reason: `can have at most ${limit} items.`, limits: { maxItems: limit }, received: value };
    case 'minProperties':
      return { path: at, kind: 'properties', reason: `needs at least ${plural(limit, 'field')}.`, limits: { minProperties: limit }, received: value };
    case 'maxProperties':
      return { path: at, kind: 'properties', reason: `can have at most ${limit} fields.`, limits: { maxProperties: limit }, received: value };
    case 'uniqueItems':
      return { path: at, kind: 'unique', reason: 'must not list the same value twice.', received: value };
    case 'oneOf':
    case 'anyOf': {
      const alternatives = error.keyword === 'oneOf' ? exactlyOneOf(schema) : undefined;
      if (alternatives) {
        // Decide "both" from the data, not from Ajv's passing branches: schemas that add
        // `not: {required: [other]}` make "both given" fail every branch.
        const target = (value !== null && typeof value === 'object' ? value : {}) as Record<string, unknown>;
        const present = alternatives.filter((name) => target[name] !== undefined);
        const both = present.length > 1 || Array.isArray(params.passingSchemas);
        const names = orList(alternatives, 'and');
        return {
          path: at,
          kind: 'oneOf-exactly-one',
          reason: both ? `set only one of ${names}, not both: they exclude each other.` : `set exactly one of ${names}.`,
          limits: { alternatives },
          fields: alternatives.map((name) => [...at, name]),
        };
      }
      const types = branchTypes(schema, error.keyword);
      if (types) return { path: at, kind: 'type', reason: `must be ${typeWords(types)}.`, limits: { types }, received: value };
      const how = error.keyword === 'oneOf' ? 'exactly one' : 'at least one';
      return { path: at, kind: 'schema', reason: `must match ${how} of the forms the reference lists.`, received: value };
    }
    default:
      return { path: at, kind: 'schema', reason: `${error.message ?? 'is invalid'}.`, received: value };
  }
}

/** Run a compiled schema and turn its errors into issues (duplicates merged). */
function check(location: IssueLocation, base: PathSegment[], schema: JsonSchema, data: unknown, compile: CompileSchema): RequestIssue[] {
  const validate = compile(schema);
  if (validate(data)) return [];
  const seen = new Set<string>();
  const issues: RequestIssue[] = [];
  for (const error of validate.errors ?? []) {
    const draft = draftOf(error, base, data);
    if (!draft) continue;
    const key = JSON.stringify([draft.path, draft.kind, draft.reason]);
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push(finish(location, draft));
  }
  return issues;
}

function textOf(param: ParamModel, parts: RequestParts): string | undefined {
  if (param.in === 'path') return parts.path?.[param.name];
  if (param.in === 'query') return parts.query?.[param.name];
  const wanted = param.name.toLowerCase();
  const entry = Object.entries(parts.headers ?? {}).find(([name]) => name.toLowerCase() === wanted);
  return entry?.[1];
}

/** Issues of the path, query and header values (in that order). Empty text counts as not given. */
export function paramIssues(op: OperationModel, parts: RequestParts, compile?: CompileSchema): RequestIssue[] {
  const issues: RequestIssue[] = [];
  for (const param of [...op.pathParams, ...op.queryParams, ...op.headerParams]) {
    const text = textOf(param, parts);
    if (text === undefined || text === '') {
      if (param.required) issues.push(finish(param.in, { path: [param.name], kind: 'required', reason: 'is required.' }));
      continue;
    }
    if (compile) issues.push(...check(param.in, [param.name], param.schema, valueFromText(param.schema, text), compile));
  }
  return issues;
}

/** Issues of the parsed JSON body (`undefined`: none sent). */
export function bodyIssues(op: OperationModel, body: unknown, compile?: CompileSchema): RequestIssue[] {
  if (!op.requestBody) return [];
  if (body === undefined) {
    return op.requestBody.required ? [finish('body', { path: [], kind: 'required', reason: 'is required: send a JSON object.' })] : [];
  }
  return compile ? check('body', [], op.requestBody.schema, body, compile) : [];
}

/** Every issue of a request: parameters first (path, query, header), then the body. */
export function validateRequest(op: OperationModel, parts: RequestParts, compile?: CompileSchema): RequestIssue[] {
  return [...paramIssues(op, parts, compile), ...bodyIssues(op, parts.body, compile)];
}

/** Every schema a request of `op` is checked against: its parameters', then its body's. */
export function operationSchemas(op: OperationModel): JsonSchema[] {
  return [...op.params.map((param) => param.schema), ...(op.requestBody ? [op.requestBody.schema] : [])];
}

/** Compile every schema of an operation now, so a broken schema fails at start-up rather than mid-request. */
export function precompileOperation(op: OperationModel, compile: CompileSchema): void {
  for (const schema of operationSchemas(op)) compile(schema);
}
