/**
 * The one walk over a JSON Schema's fields. The tester's body form, the
 * reference tables and the lookup of a field the server named all read a
 * schema through `walkSchema`, so they cannot disagree on which fields exist,
 * which are required or where they sit. Pure and browser-safe.
 */
import type { JsonSchema } from './types';

/** Path segment standing for "each item" of an array field: `['layoutConfig', ITEMS, 'x_axis']`. */
export const ITEMS = '[]';

/** One segment of a JSON path: a property name, `ITEMS`, or (in a value's path) an array index. */
export type PathSegment = string | number;

/** The limits a schema sets on a value, as data (reference tables word them, the validator reports them). */
export type SchemaLimits = Pick<
  JsonSchema,
  | 'const'
  | 'pattern'
  | 'format'
  | 'minLength'
  | 'maxLength'
  | 'minimum'
  | 'maximum'
  | 'minItems'
  | 'maxItems'
  | 'uniqueItems'
  | 'minProperties'
  | 'maxProperties'
  | 'default'
> & {
  enum?: readonly unknown[];
  /** Properties of which exactly one must be given (a `oneOf` whose branches each require one). */
  exactlyOneOf?: string[];
  /** The limits on each item, for an array. */
  items?: SchemaLimits;
};

/** Where a field's own fields are: in its properties (an object), in its items (an array of objects), or nowhere. */
export type FieldChildren = 'properties' | 'items' | 'none';

/** One field of a schema, as the walk meets it (parents before their children). */
export interface SchemaField {
  /** JSON path from the root, e.g. `['clientRequest', 'layoutConfig', ITEMS, 'x_axis']`. */
  path: string[];
  /** The property name (the last segment of `path`). */
  name: string;
  schema: JsonSchema;
  /** Named in the `required` list of the object that holds it. */
  required: boolean;
  /** 0 for the root's properties, one more per object or array-of-objects level. */
  depth: number;
  /** Declared only in a `oneOf`/`anyOf` alternative of its parent, not in the parent's own `properties`. */
  fromAlternative: boolean;
  /** The field's JSON type other than `null` (`object`, `array`, `string`, ...); undefined when the schema leaves it open. */
  type?: string;
  children: FieldChildren;
  limits: SchemaLimits;
  /** Marked `x-secret` in the catalog: kept out of history, share links and snippets like a credential. */
  secret: boolean;
  /** For a secret: the environment variable snippets read it from (e.g. `AGORA_STORAGE_SECRET_KEY`). */
  secretEnv?: string;
}

/**
 * Whether a schema (a property's, or a parameter's) is marked secret, and the
 * environment variable a snippet reads it from. `x-secret` names that variable;
 * `true` marks a secret whose variable is derived from `name` (AGORA_ + the name
 * in upper snake case), so a bare mark still gives snippets something to read.
 */
export function secretOf(schema: JsonSchema, name: string): { env: string } | undefined {
  const mark = schema['x-secret'];
  if (typeof mark === 'string' && mark !== '') return { env: mark };
  if (mark === true) return { env: `AGORA_${name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/[^A-Za-z0-9]+/g, '_').toUpperCase()}` };
  return undefined;
}

/** The JSON type of a schema other than `null`, if it names one. */
export function primaryType(schema: JsonSchema): string | undefined {
  if (Array.isArray(schema.type)) return schema.type.find((type) => type !== 'null');
  return schema.type;
}

interface Property {
  schema: JsonSchema;
  fromAlternative: boolean;
}

/**
 * An object schema's properties, including those declared only in its
 * `allOf`/`oneOf`/`anyOf` branches (a form must offer both sides of "uid or
 * account"). The object's own declaration wins over a branch's.
 */
function propertiesOf(schema: JsonSchema): Map<string, Property> {
  const out = new Map<string, Property>();
  const branches: Array<[JsonSchema[] | undefined, boolean]> = [
    [schema.allOf, false],
    [schema.oneOf, true],
    [schema.anyOf, true],
  ];
  for (const [list, alternative] of branches) {
    for (const branch of list ?? []) {
      for (const [name, property] of propertiesOf(branch)) {
        out.set(name, { schema: property.schema, fromAlternative: alternative || property.fromAlternative });
      }
    }
  }
  for (const [name, child] of Object.entries(schema.properties ?? {})) out.set(name, { schema: child, fromAlternative: false });
  return out;
}

/** Names an object requires: its own list plus those of `allOf` parts (which always apply). */
function requiredOf(schema: JsonSchema): Set<string> {
  const names = new Set(schema.required ?? []);
  for (const part of schema.allOf ?? []) for (const name of requiredOf(part)) names.add(name);
  return names;
}

/** True when a schema describes an object whose fields can be listed. */
function hasFields(schema: JsonSchema): boolean {
  const type = primaryType(schema);
  return (type === 'object' || type === undefined) && propertiesOf(schema).size > 0;
}

function childrenOf(schema: JsonSchema): FieldChildren {
  if (hasFields(schema)) return 'properties';
  if (primaryType(schema) === 'array' && schema.items && hasFields(schema.items)) return 'items';
  return 'none';
}

/** The fields that must be given one at a time: `oneOf` branches that each require exactly one field. */
export function exactlyOneOf(schema: JsonSchema): string[] | undefined {
  const branches = schema.oneOf;
  if (!branches?.length) return undefined;
  const names = branches.map((branch) => (branch.required?.length === 1 ? branch.required[0] : undefined));
  return names.every((name): name is string => name !== undefined) ? names : undefined;
}

/** The limits a schema sets, as data; `undefined` entries are left out. */
export function limitsOf(schema: JsonSchema): SchemaLimits {
  const limits: SchemaLimits = {
    enum: schema.enum,
    const: schema.const,
    pattern: schema.pattern,
    format: schema.format,
    minLength: schema.minLength,
    maxLength: schema.maxLength,
    minimum: schema.minimum,
    maximum: schema.maximum,
    minItems: schema.minItems,
    maxItems: schema.maxItems,
    uniqueItems: schema.uniqueItems || undefined,
    minProperties: schema.minProperties,
    maxProperties: schema.maxProperties,
    default: schema.default,
    exactlyOneOf: exactlyOneOf(schema),
    items: primaryType(schema) === 'array' && schema.items ? limitsOf(schema.items) : undefined,
  };
  for (const key of Object.keys(limits) as Array<keyof SchemaLimits>) if (limits[key] === undefined) delete limits[key];
  return limits;
}

/**
 * Every field of a schema, parents before children: nested objects' properties,
 * the properties of an array's items (under `ITEMS`) and properties declared in
 * `oneOf`/`anyOf`/`allOf` alternatives. The root itself is not a field.
 */
export function walkSchema(root: JsonSchema): SchemaField[] {
  const fields: SchemaField[] = [];
  // Schemas on the current branch of the walk: a self-referencing schema stops instead of looping.
  const open = new Set<JsonSchema>();
  const visit = (schema: JsonSchema, base: string[], depth: number): void => {
    if (open.has(schema)) return;
    open.add(schema);
    const required = requiredOf(schema);
    for (const [name, property] of propertiesOf(schema)) {
      const path = [...base, name];
      const children = childrenOf(property.schema);
      const secret = secretOf(property.schema, name);
      fields.push({
        path,
        name,
        schema: property.schema,
        required: required.has(name),
        depth,
        fromAlternative: property.fromAlternative,
        type: primaryType(property.schema),
        children,
        limits: limitsOf(property.schema),
        secret: secret !== undefined,
        ...(secret && { secretEnv: secret.env }),
      });
      if (children === 'properties') visit(property.schema, path, depth + 1);
      if (children === 'items') visit(property.schema.items!, [...path, ITEMS], depth + 1);
    }
    open.delete(schema);
  };
  visit(root, [], 0);
  return fields;
}

/** A path as people read it: `clientRequest.layoutConfig[0].x_axis`, `layoutConfig[].x_axis` for ITEMS. */
export function dottedPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (segment === ITEMS) out += '[]';
    else out += out ? `.${segment}` : segment;
  }
  return out;
}

/**
 * The field a name points at: a full dotted path (array indices allowed, e.g.
 * `clientRequest.layoutConfig[0].x_axis`) or, failing that, the first field with
 * that property name (servers often name only the leaf, e.g. `streamUrl`).
 */
export function findField(fields: readonly SchemaField[], name: string): SchemaField | undefined {
  const schemaPath = name.replace(/\[\d+\]/g, '[]');
  return fields.find((field) => dottedPath(field.path) === schemaPath) ?? fields.find((field) => field.name === name);
}
