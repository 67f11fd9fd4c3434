/**
 * Request validation against the catalog's JSON Schemas (Ajv, draft 2020-12,
 * as OpenAPI 3.1 embeds). Each operation's validators are compiled once, on
 * first use. Errors name the field as a dotted path and say what is wrong.
 */
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { JsonSchema, OperationModel, ParamModel } from '../catalog/types';

export interface FieldError {
  /** Dotted path such as `clientRequest.scene`, or a parameter name. */
  field: string;
  reason: string;
}

// OpenAPI adds keywords Ajv does not know (example, x-*), so strict mode is off.
// verbose: errors carry their schema, so a oneOf failure can name the alternatives.
const bodyAjv = new Ajv2020({ strict: false, allErrors: true, verbose: true });
// Path and query values arrive as strings; coercion lets `page_size: {type: integer}` check them.
const paramAjv = new Ajv2020({ strict: false, allErrors: true, verbose: true, coerceTypes: true });
addFormats(bodyAjv);
addFormats(paramAjv);

interface Validators {
  body?: ValidateFunction;
  params?: ValidateFunction;
}

const cache = new Map<string, Validators>();

function paramsSchema(params: ParamModel[]): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const param of params) {
    properties[param.name] = param.schema;
    if (param.required) required.push(param.name);
  }
  return { type: 'object', properties, required };
}

function validators(operation: OperationModel): Validators {
  let entry = cache.get(operation.id);
  if (!entry) {
    const params = [...operation.pathParams, ...operation.queryParams];
    entry = {
      body: operation.requestBody ? bodyAjv.compile(operation.requestBody.schema as object) : undefined,
      params: params.length ? paramAjv.compile(paramsSchema(params) as object) : undefined,
    };
    cache.set(operation.id, entry);
  }
  return entry;
}

/** Compile every operation's validators now (so a broken schema fails at start-up, not mid-request). */
export function precompile(operations: OperationModel[]): void {
  operations.forEach(validators);
}

function join(base: string, key: string): string {
  return base ? `${base}.${key}` : key;
}

function dotted(instancePath: string): string {
  return instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : join(path, part)), '');
}

function valueAt(data: unknown, instancePath: string): unknown {
  return instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), data);
}

function show(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** One Ajv error as a field and a reason a person can act on. */
export function describeError(error: ErrorObject, data: unknown): FieldError {
  const path = dotted(error.instancePath);
  const value = valueAt(data, error.instancePath);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { field: join(path, String(params.missingProperty)), reason: 'is required.' };
    case 'additionalProperties':
      return { field: join(path, String(params.additionalProperty)), reason: 'is not a field of this request; remove it.' };
    case 'enum': {
      const allowed = params.allowedValues as unknown[];
      if (typeof value === 'string' && value !== value.toLowerCase() && allowed.includes(value.toLowerCase())) {
        return { field: path, reason: `must be lowercase: use "${value.toLowerCase()}" (got "${value}").` };
      }
      return { field: path, reason: `must be one of ${(params.allowedValues as unknown[]).map(show).join(', ')} (got ${show(value)}).` };
    }
    case 'const':
      return { field: path, reason: `must be ${show(params.allowedValue)} (got ${show(value)}).` };
    case 'type':
      return { field: path, reason: `must be of type ${String(params.type)} (got ${show(value)}).` };
    default:
      return { field: path, reason: `${error.message ?? 'is invalid'} (got ${show(value)}).` };
  }
}

/** The one field each branch of a oneOf requires (`time` / `time_in_seconds`), when every branch names one. */
function branchFields(error: ErrorObject): string[] | null {
  const branches = (error.parentSchema as { oneOf?: Array<{ required?: string[] }> } | undefined)?.oneOf;
  if (!branches?.length) return null;
  const fields = branches.map((branch) => branch.required?.[0]);
  return fields.every((field): field is string => typeof field === 'string') ? fields : null;
}

/**
 * Pick the error to report. A oneOf whose branches each require one field
 * ("uid or account") is reported as that choice; otherwise the first error that
 * is not a combinator summary (the leaf says more than "must match a schema").
 */
function pick(errors: ErrorObject[], data: unknown): FieldError {
  for (const error of errors) {
    if (error.keyword !== 'oneOf') continue;
    const fields = branchFields(error);
    if (!fields) continue;
    const path = dotted(error.instancePath);
    const target = valueAt(data, error.instancePath);
    const present = fields.filter((field) => target && typeof target === 'object' && field in target);
    const reason =
      present.length > 1 ? `set only one of ${fields.join(' and ')}, not both.` : `set exactly one of ${fields.join(' and ')}.`;
    return { field: path ? `${path}.${fields[0]}` : fields[0], reason };
  }
  const leaf = errors.find((e) => !['oneOf', 'anyOf', 'if', 'not'].includes(e.keyword) && !e.schemaPath.includes('/oneOf/')) ??
    errors.find((e) => !['oneOf', 'anyOf', 'if', 'not'].includes(e.keyword)) ??
    errors[0];
  return describeError(leaf, data);
}

/** Validate path and query parameters; unknown query parameters are ignored, as Agora does. */
export function validateParams(
  operation: OperationModel,
  pathParams: Record<string, string>,
  query: URLSearchParams,
): FieldError | null {
  const validate = validators(operation).params;
  if (!validate) return null;
  const data: Record<string, unknown> = {};
  for (const param of operation.pathParams) if (pathParams[param.name] !== undefined) data[param.name] = pathParams[param.name];
  for (const param of operation.queryParams) {
    const value = query.get(param.name);
    if (value !== null && value !== '') data[param.name] = value;
  }
  if (validate(data)) return null;
  return pick(validate.errors ?? [], data);
}

/** Validate a parsed JSON body. */
export function validateBody(operation: OperationModel, body: unknown): FieldError | null {
  const validate = validators(operation).body;
  if (!validate) return null;
  if (validate(body)) return null;
  return pick(validate.errors ?? [], body);
}
