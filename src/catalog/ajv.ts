/**
 * The one Ajv set-up (JSON Schema 2020-12, the dialect of OpenAPI 3.1, with
 * formats) behind the request validator in `./validate.ts`. Node only: the
 * sandbox compiles with it at start-up; the browser never loads Ajv, it gets
 * each operation's checks compiled ahead of time from the same options
 * (./checksCode.ts at `npm run catalog`, loaded by ./checks.ts).
 */
import Ajv2020, { type AnySchema, type Options, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { JsonSchema } from './types';
import type { CompileSchema } from './validate';

/**
 * How every catalog schema is compiled, here at run time and by
 * `npm run catalog` ahead of time for the browser (./checksCode.ts), so both
 * check alike. OpenAPI documents carry keywords Ajv does not know (`example`,
 * `x-…`): non-strict mode ignores them instead of refusing the schema.
 * `verbose` gives each error its schema and data, which the plain-words
 * messages need (a oneOf's alternatives, the value that was refused).
 */
export const AJV_OPTIONS = { allErrors: true, strict: false, verbose: true } as const;

/** A new Ajv with the catalog's options and formats. */
export function catalogAjv(options: Omit<Options, keyof typeof AJV_OPTIONS> = {}): Ajv2020 {
  const ajv = new Ajv2020({ ...AJV_OPTIONS, ...options });
  addFormats(ajv);
  return ajv;
}

/** A compiler over its own Ajv instance (made on first use) and cache. */
function compiler(validateSchema: boolean): CompileSchema {
  let ajv: Ajv2020 | undefined;
  // Catalog schemas are built once and never change, so identity is a safe cache key.
  const cache = new WeakMap<JsonSchema, ValidateFunction>();
  return (schema) => {
    let validate = cache.get(schema);
    if (!validate) {
      ajv ??= catalogAjv({ validateSchema });
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
 * The same checks without checking the catalog's own schemas against the
 * meta-schema again (`compileSchema` did, at sandbox start-up and in the
 * tests): what the browser's precompiled checks (./checks.ts) are compared
 * with.
 */
export const compileCatalogSchema: CompileSchema = compiler(false);
