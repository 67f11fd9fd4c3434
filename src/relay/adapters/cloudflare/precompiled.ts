/**
 * Schema validators for runtimes that forbid compiling code from strings.
 * Cloudflare Workers refuse `new Function` ("Code generation from strings
 * disallowed for this context"), which is how Ajv compiles a schema, so the
 * Worker bundle (`scripts/bundle-worker.ts`) compiles every catalog schema at
 * build time (Ajv standalone code) and swaps `src/catalog/ajv.ts` for a module
 * built on `precompiledCompiler`. The validators are the same Ajv code, so the
 * sandbox's error messages match the Node server's word for word.
 */
import type { CompileSchema, SchemaCheck } from '../../../catalog/validate';
import type { JsonSchema } from '../../../catalog/types';

/**
 * A stable key for a schema: a 53-bit hash (cyrb53) of its JSON text, in hex.
 * The build and the Worker compute it from the same catalog objects, so the
 * JSON text, and with it the key, is the same on both sides.
 */
export function schemaKey(schema: JsonSchema): string {
  const text = JSON.stringify(schema);
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16);
}

/** A `compileSchema` that looks validators up by `schemaKey` instead of compiling them. */
export function precompiledCompiler(validators: Readonly<Record<string, SchemaCheck>>): CompileSchema {
  // Catalog schemas are built once and never change, so identity is a safe cache key (as in src/catalog/ajv.ts).
  const cache = new WeakMap<JsonSchema, SchemaCheck>();
  return (schema) => {
    let validate = cache.get(schema);
    if (!validate) {
      validate = validators[schemaKey(schema)];
      if (!validate) {
        throw new Error(
          'This schema was not compiled into the Worker bundle (the catalog changed after the bundle was built): rebuild it with `npx tsx scripts/bundle-worker.ts` and deploy again.',
        );
      }
      cache.set(schema, validate);
    }
    return validate;
  };
}
