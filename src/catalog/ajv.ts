/**
 * The one Ajv set-up (JSON Schema 2020-12, the dialect of OpenAPI 3.1, with
 * formats) behind the request validator in `./validate.ts`. Kept in its own
 * module because Ajv is ~40 KB gzip: the sandbox imports it directly, the
 * browser fetches it as a separate chunk through `loadSchemaCompiler()`, so it
 * is never part of a page's initial JavaScript.
 */
import Ajv2020, { type AnySchema, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { JsonSchema } from './types';
import type { SchemaCheck } from './validate';

// OpenAPI documents carry keywords Ajv does not know (`example`, `x-…`):
// non-strict mode ignores them instead of refusing the schema. `verbose` gives
// each error its schema and data, which the plain-words messages need (a
// oneOf's alternatives, the value that was refused).
const ajv = new Ajv2020({ allErrors: true, strict: false, verbose: true });
addFormats(ajv);

// Catalog schemas are built once and never change, so identity is a safe cache key.
const cache = new WeakMap<JsonSchema, ValidateFunction>();

/** Compile (once per schema object) a checker for `./validate.ts`. */
export function compileSchema(schema: JsonSchema): SchemaCheck {
  let validate = cache.get(schema);
  if (!validate) {
    validate = ajv.compile(schema as AnySchema);
    cache.set(schema, validate);
  }
  return validate;
}
