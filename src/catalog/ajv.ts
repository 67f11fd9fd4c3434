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
import type { CompileSchema } from './validate';

/**
 * A compiler over its own Ajv instance (made on first use) and cache.
 * OpenAPI documents carry keywords Ajv does not know (`example`, `x-…`):
 * non-strict mode ignores them instead of refusing the schema. `verbose` gives
 * each error its schema and data, which the plain-words messages need (a
 * oneOf's alternatives, the value that was refused).
 */
function compiler(validateSchema: boolean): CompileSchema {
  let ajv: Ajv2020 | undefined;
  // Catalog schemas are built once and never change, so identity is a safe cache key.
  const cache = new WeakMap<JsonSchema, ValidateFunction>();
  return (schema) => {
    let validate = cache.get(schema);
    if (!validate) {
      if (!ajv) {
        ajv = new Ajv2020({ allErrors: true, strict: false, verbose: true, validateSchema });
        addFormats(ajv);
      }
      validate = ajv.compile(schema as AnySchema);
      cache.set(schema, validate);
    }
    return validate;
  };
}

/**
 * Compile (once per schema object) a checker for `./validate.ts`, first
 * checking the schema itself against the 2020-12 meta-schema. The sandbox
 * compiles every catalog schema this way when it starts (and the tests do), so
 * a broken schema in the catalog stops the server and fails the suite.
 */
export const compileSchema: CompileSchema = compiler(true);

/**
 * The browser's compiler: the same checks of a request, without checking the
 * catalog's own schemas against the meta-schema again. Those are the schemas
 * `compileSchema` already checked (sandbox start-up, tests); compiling the
 * meta-schema is most of the cost of the first compile (about 100 ms on a
 * loaded machine), which would land on a reader's first Send or input.
 */
export const compileCatalogSchema: CompileSchema = compiler(false);
