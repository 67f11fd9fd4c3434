/**
 * Validation before Send, with Ajv (JSON Schema 2020-12, the dialect of
 * OpenAPI 3.1) against the catalog's own schemas, so the form and the sandbox
 * judge a request the same way. Ajv's messages are rewritten in plain words
 * and attached to the form field they concern.
 *
 * Ajv is loaded on demand (`loadValidator`); until then only what needs no
 * schema engine is checked (required parameters, JSON that does not parse).
 */
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020';
import type { JsonSchema, OperationModel, ParamModel } from '../../catalog/types';
import { bodyKey, coerceParam, paramKey, type FieldKey, type FormState } from './formModel';

export interface FieldError {
  field: FieldKey;
  /** Short human label of the field, e.g. `player.uid` or `appid`. */
  label: string;
  message: string;
}

export interface ValidationResult {
  valid: boolean;
  errors: FieldError[];
  /** Messages per field key, for inline display. */
  byField: Record<FieldKey, string[]>;
}

let compileSchema: ((schema: object) => ValidateFunction) | undefined;
let loading: Promise<void> | undefined;

/** Fetch the schema engine (its own chunk); resolves at once when it is already here. */
export function loadValidator(): Promise<void> {
  loading ??= import('./ajvCompile').then((module) => {
    compileSchema = module.compile;
  });
  return loading;
}

export function validatorLoaded(): boolean {
  return compileSchema !== undefined;
}

const typeWords: Record<string, string> = {
  string: 'text',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  null: 'null',
};

function list(values: unknown[]): string {
  return values.map((value) => JSON.stringify(value)).join(', ');
}

function pathSegments(instancePath: string): string[] {
  return instancePath
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The property names each `oneOf` branch requires: `[['uid'], ['account']]`. */
function branchNames(parentSchema: JsonSchema | undefined): string[] {
  const names = new Set<string>();
  for (const branch of parentSchema?.oneOf ?? []) for (const name of branch.required ?? []) names.add(name);
  return Array.from(names);
}

function plainMessage(error: ErrorObject, label: string): string {
  const params = error.params as Record<string, unknown>;
  const schema = (error.parentSchema ?? {}) as JsonSchema;
  switch (error.keyword) {
    case 'required':
      return `${label} is required.`;
    case 'type':
      return `${label} must be ${String(params.type).split(',').map((type) => typeWords[type] ?? type).join(' or ')}.`;
    case 'enum':
      return `${label} must be one of ${list(params.allowedValues as unknown[])}.`;
    case 'const':
      return `${label} must be ${JSON.stringify(params.allowedValue)}.`;
    case 'pattern':
      return `${label} has the wrong format${schema.description ? ` (${schema.description.replace(/\.$/, '')})` : ''}: it must match ${String(params.pattern)}.`;
    case 'minLength':
      return `${label} needs at least ${String(params.limit)} character${params.limit === 1 ? '' : 's'}.`;
    case 'maxLength':
      return `${label} can have at most ${String(params.limit)} characters.`;
    case 'minimum':
      return `${label} must be at least ${String(params.limit)}.`;
    case 'maximum':
      return `${label} must be at most ${String(params.limit)}.`;
    case 'exclusiveMinimum':
      return `${label} must be greater than ${String(params.limit)}.`;
    case 'exclusiveMaximum':
      return `${label} must be less than ${String(params.limit)}.`;
    case 'minItems':
      return `${label} needs at least ${String(params.limit)} item${params.limit === 1 ? '' : 's'}.`;
    case 'maxItems':
      return `${label} can have at most ${String(params.limit)} items.`;
    case 'format':
      return `${label} must be a valid ${String(params.format)}.`;
    case 'additionalProperties':
      return `${String(params.additionalProperty)} is not a field this operation accepts.`;
    default:
      return `${label}: ${error.message ?? 'invalid value'}.`;
  }
}

/** Ajv errors of the body -> field errors, with `oneOf` turned into "either A or B". */
export function bodyErrors(errors: ErrorObject[]): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    // Errors inside a oneOf branch only explain why that branch failed; the
    // oneOf error itself says it better.
    if (/\/(oneOf|anyOf)\/\d+\//.test(error.schemaPath)) continue;
    const base = pathSegments(error.instancePath);
    if (error.keyword === 'oneOf') {
      const names = branchNames(error.parentSchema as JsonSchema | undefined);
      // Decide from the data, not from Ajv's passing branches: schemas that add
      // `not: {required: [other]}` make "both given" fail every branch.
      const data = (error.data ?? {}) as Record<string, unknown>;
      const present = names.filter((name) => data[name] !== undefined);
      const both = present.length > 1 || Array.isArray((error.params as { passingSchemas?: unknown }).passingSchemas);
      if (names.length >= 2) {
        const words = names.join(' or ');
        const message = both
          ? `Give only one of ${words}, not both: they exclude each other.`
          : `Give one of ${words} (exactly one of them).`;
        for (const name of names) {
          const path = [...base, name];
          out.push({ field: bodyKey(path), label: path.join('.'), message });
        }
        continue;
      }
    }
    const path = error.keyword === 'required' ? [...base, String((error.params as { missingProperty: string }).missingProperty)] : base;
    const label = path.length ? path.join('.') : 'The body';
    const field = error.keyword === 'additionalProperties' ? bodyKey(base) : bodyKey(path);
    out.push({ field, label, message: plainMessage(error, label) });
  }
  return out;
}

function paramErrors(param: ParamModel, text: string): FieldError[] {
  const field = paramKey(param);
  if (text === '') {
    return param.required ? [{ field, label: param.name, message: `${param.name} is required.` }] : [];
  }
  if (!compileSchema) return [];
  const validate = compileSchema(param.schema as object);
  if (validate(coerceParam(param, text))) return [];
  return (validate.errors ?? []).map((error) => ({ field, label: param.name, message: plainMessage(error, param.name) }));
}

/** Check the whole form; the result is what the Send button and the inline messages show. */
export function validateForm(op: OperationModel, form: FormState): ValidationResult {
  const errors: FieldError[] = [];
  for (const param of op.pathParams) errors.push(...paramErrors(param, form.path[param.name] ?? ''));
  for (const param of op.queryParams) errors.push(...paramErrors(param, form.query[param.name] ?? ''));
  for (const param of op.headerParams) errors.push(...paramErrors(param, form.headers[param.name] ?? ''));
  if (op.requestBody) {
    if (form.bodyParseError) {
      errors.push({ field: 'body', label: 'The body', message: `The JSON body does not parse yet: ${form.bodyParseError}` });
    } else if (form.body === undefined) {
      if (op.requestBody.required) errors.push({ field: 'body', label: 'The body', message: 'This operation needs a JSON body.' });
    } else if (compileSchema) {
      const validate = compileSchema(op.requestBody.schema as object);
      if (!validate(form.body)) errors.push(...bodyErrors(validate.errors ?? []));
    }
  }
  const byField: Record<FieldKey, string[]> = {};
  for (const error of errors) {
    const messages = (byField[error.field] ??= []);
    if (!messages.includes(error.message)) messages.push(error.message);
  }
  return { valid: errors.length === 0, errors, byField };
}

/** One line per problem for the summary next to the blocked Send button (duplicates merged). */
export function summarize(result: ValidationResult): string[] {
  return Array.from(new Set(result.errors.map((error) => error.message)));
}
