/**
 * Ajv (JSON Schema 2020-12, the dialect of OpenAPI 3.1) with formats. Its own
 * chunk (~40 KB gzip): validate.ts loads it on a reader's first edit or Send,
 * so it is not part of the page's initial JavaScript. The catalog's defaults
 * are valid (catalog.test.ts), so nothing is lost before that.
 */
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

// OpenAPI documents carry keywords Ajv does not know (`example`, `x-…`):
// non-strict mode ignores them instead of refusing the schema.
const ajv = new Ajv2020({ allErrors: true, strict: false, verbose: true });
addFormats(ajv);

const cache = new WeakMap<object, ValidateFunction>();

export function compile(schema: object): ValidateFunction {
  let validate = cache.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    cache.set(schema, validate);
  }
  return validate;
}
