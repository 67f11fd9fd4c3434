/**
 * Schema checks compiled ahead of time (Ajv standalone code, ./checksCode.ts),
 * looked up by a key of their schema instead of compiled where they run:
 * - the browser's, one module per operation written by `npm run catalog` and
 *   loaded by ./checks.ts, so no page fetches Ajv or compiles a schema;
 * - the Cloudflare Worker's, every catalog schema in its bundle
 *   (scripts/bundle-worker.ts): Workers refuse `new Function` ("Code generation
 *   from strings disallowed for this context"), which is how Ajv compiles.
 * Both are the same Ajv code with the same options (./ajv.ts), so their error
 * messages match the Node server's word for word.
 */
import type { CompileSchema, SchemaCheck } from './validate';
import type { JsonSchema } from './types';

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

/** A `compileSchema` that looks validators up by `schemaKey` instead of compiling them; it throws for a schema it lacks. */
export function precompiledCompiler(validators: Readonly<Record<string, SchemaCheck>>): CompileSchema {
  // Catalog schemas are built once and never change, so identity is a safe cache key (as in ./ajv.ts).
  const cache = new WeakMap<JsonSchema, SchemaCheck>();
  return (schema) => {
    let validate = cache.get(schema);
    if (!validate) {
      validate = validators[schemaKey(schema)];
      if (!validate) {
        throw new Error(
          'This schema has no check compiled ahead of time (the catalog changed after they were built): run `npm run catalog` for the site, or rebuild the Worker bundle with `npx tsx scripts/bundle-worker.ts` and deploy again.',
        );
      }
      cache.set(schema, validate);
    }
    return validate;
  };
}
