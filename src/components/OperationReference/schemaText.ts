/**
 * Pure helpers that turn catalog JSON Schemas into table rows and readable
 * constraint text for the reference pages. The fields come from the catalog's
 * one schema walker (`src/catalog/schemaWalk.ts`); this module only words them.
 * No React here, so it is easy to test.
 */
import { dottedPath, exactlyOneOf, limitsOf, walkSchema, type SchemaLimits } from '../../catalog/schemaWalk';
import type { JsonSchema, ParamModel } from '../../catalog/types';

export interface FieldRow {
  /** Dotted path; array items as `name[]`, e.g. `clientRequest.layoutConfig[].x_axis`. */
  name: string;
  type: string;
  required: boolean;
  description: string;
  constraints: string[];
  /** Nesting depth, 0 for top-level fields (for indentation). */
  depth: number;
}

const quote = (value: unknown): string => JSON.stringify(value);

/** `string`, `integer`, `array of string`, `string or array`... */
export function typeLabel(schema: JsonSchema): string {
  if (schema.type === 'array') return schema.items ? `array of ${typeLabel(schema.items)}` : 'array';
  if (Array.isArray(schema.type)) return schema.type.join(' or ');
  if (schema.type) return schema.type;
  const branches = schema.oneOf ?? schema.anyOf;
  if (branches?.every((b) => b.type !== undefined)) return branches.map(typeLabel).join(' or ');
  if (schema.properties) return 'object';
  return 'any';
}

function range(min: number | undefined, max: number | undefined, unit = ''): string | undefined {
  if (min !== undefined && max !== undefined) return `${min} to ${max}${unit}`;
  if (min !== undefined) return `at least ${min}${unit}`;
  if (max !== undefined) return `at most ${max}${unit}`;
  return undefined;
}

/** Limits in words, in the order readers scan them: allowed values, format, sizes, then the default. */
function limitWords(limits: SchemaLimits, withDefault: boolean): string[] {
  const out: string[] = [];
  if (limits.enum) out.push(`one of ${limits.enum.map(quote).join(', ')}`);
  if (limits.const !== undefined) out.push(`always ${quote(limits.const)}`);
  if (limits.pattern) out.push(`pattern ${limits.pattern}`);
  if (limits.format) out.push(`format ${limits.format}`);
  const length = range(limits.minLength, limits.maxLength, ' characters');
  if (length) out.push(`length ${length}`);
  const value = range(limits.minimum, limits.maximum);
  if (value) out.push(value);
  const items = range(limits.minItems, limits.maxItems, ' items');
  if (items) out.push(items);
  if (limits.uniqueItems) out.push('no duplicates');
  if (limits.items) for (const c of limitWords(limits.items, false)) out.push(`each item: ${c}`);
  if (limits.exactlyOneOf) out.push(`exactly one of ${limits.exactlyOneOf.join(', ')}`);
  if (withDefault && limits.default !== undefined) out.push(`default ${quote(limits.default)}`);
  return out;
}

/** Every constraint of a schema, in words a reader can act on. */
export function constraintsOf(schema: JsonSchema): string[] {
  return limitWords(limitsOf(schema), true);
}

/** Body fields flattened with dotted names, parents before children. */
export function flattenFields(schema: JsonSchema): FieldRow[] {
  return walkSchema(schema).map((field) => ({
    name: dottedPath(field.path),
    type: typeLabel(field.schema),
    required: field.required,
    description: (field.schema.description ?? '').trim(),
    constraints: limitWords(field.limits, true),
    depth: field.depth,
  }));
}

/** "Exactly one of" groups of the body and of every nested object, as dotted names: `player.uid or player.account`. */
export function exclusiveGroups(schema: JsonSchema): string[] {
  const groups: Array<{ prefix: string; names: string[] | undefined }> = [{ prefix: '', names: exactlyOneOf(schema) }];
  for (const field of walkSchema(schema)) {
    const prefix = dottedPath(field.path);
    groups.push({ prefix, names: field.limits.exactlyOneOf });
    if (field.children === 'items') groups.push({ prefix: `${prefix}[]`, names: field.limits.items?.exactlyOneOf });
  }
  return groups
    .filter((group): group is { prefix: string; names: string[] } => group.names !== undefined)
    .map(({ prefix, names }) => names.map((name) => (prefix ? `${prefix}.${name}` : name)).join(' or '));
}

/** A path, query or header parameter as a table row. */
export function paramRow(param: ParamModel): FieldRow & { in: ParamModel['in'] } {
  return {
    name: param.name,
    in: param.in,
    type: typeLabel(param.schema),
    required: param.required,
    description: param.description,
    constraints: constraintsOf(param.schema),
    depth: 0,
  };
}
