/**
 * What the precompiled checks (src/catalog/gen/checks/<id>.ts, written by
 * ./checksCode.ts) call at run time: the few helpers Ajv's generated code
 * needs, taken from Ajv itself so they behave exactly as at run-time compile.
 * A helper the generator meets and this module lacks stops `npm run catalog`
 * with its name.
 */
import ucs2lengthModule from 'ajv/dist/runtime/ucs2length';
import equalModule from 'ajv/dist/runtime/equal';

export { fullFormats } from 'ajv-formats/dist/formats';

/**
 * Ajv's runtime helpers are CommonJS modules whose function is `exports.default`;
 * a default import yields that function under webpack and Vitest but the whole
 * `exports` object under Node's own ES module loader (tsx).
 */
function unwrap<T>(module: T): T {
  return typeof module === 'function' ? module : (module as unknown as { default: T }).default;
}

/** String length in code points, as JSON Schema counts `minLength`/`maxLength`. */
export const ucs2length = unwrap(ucs2lengthModule);
/** Deep equality, for `enum`, `const` and `uniqueItems`. */
export const equal = unwrap(equalModule);
