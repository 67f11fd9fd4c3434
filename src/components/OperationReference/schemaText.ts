/**
 * Pure helpers that turn catalog JSON Schemas into table rows and readable
 * constraint text for the reference pages. No React here, so it is easy to test.
 */
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

/** The fields that must be given one at a time: `oneOf` branches that only list `required` fields. */
export function exactlyOneOf(schema: JsonSchema): string[] | undefined {
  const branches = schema.oneOf;
  if (!branches?.length) return undefined;
  const names = branches.map((b) => (b.required?.length === 1 ? b.required[0] : undefined));
  return names.every((n): n is string => n !== undefined) ? names : undefined;
}

/** Every constraint of a schema, in words a reader can act on. */
export function constraintsOf(schema: JsonSchema): string[] {
  const out: string[] = [];
  if (schema.enum) out.push(`one of ${schema.enum.map(quote).join(', ')}`);
  if (schema.const !== undefined) out.push(`always ${quote(schema.const)}`);
  if (schema.pattern) out.push(`pattern ${schema.pattern}`);
  if (schema.format) out.push(`format ${schema.format}`);
  const length = range(schema.minLength, schema.maxLength, ' characters');
  if (length) out.push(`length ${length}`);
  const value = range(schema.minimum, schema.maximum);
  if (value) out.push(value);
  const items = range(schema.minItems, schema.maxItems, ' items');
  if (items) out.push(items);
  if (schema.uniqueItems) out.push('no duplicates');
  if (schema.type === 'array' && schema.items) {
    for (const c of constraintsOf({ ...schema.items, default: undefined })) out.push(`each item: ${c}`);
  }
  const oneOf = exactlyOneOf(schema);
  if (oneOf) out.push(`exactly one of ${oneOf.join(', ')}`);
  if (schema.default !== undefined) out.push(`default ${quote(schema.default)}`);
  return out;
}

/** Body fields flattened with dotted names, parents before children. */
export function flattenFields(schema: JsonSchema, prefix = '', depth = 0): FieldRow[] {
  const rows: FieldRow[] = [];
  const required = new Set(schema.required ?? []);
  for (const [key, child] of Object.entries(schema.properties ?? {})) {
    const name = prefix ? `${prefix}.${key}` : key;
    rows.push({
      name,
      type: typeLabel(child),
      required: required.has(key),
      description: (child.description ?? '').trim(),
      constraints: constraintsOf(child),
      depth,
    });
    if (child.properties) rows.push(...flattenFields(child, name, depth + 1));
    if (child.type === 'array' && child.items?.properties) rows.push(...flattenFields(child.items, `${name}[]`, depth + 1));
  }
  return rows;
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
