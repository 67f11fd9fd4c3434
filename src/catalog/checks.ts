/**
 * The browser's schema checks: each operation's, compiled ahead of time by
 * `npm run catalog` (./checksCode.ts) and fetched as one small chunk per
 * operation when a tester needs them, so no page loads Ajv or
 * compiles a schema. `checksFor(op)` is then a `CompileSchema` for
 * ./validate.ts. Node loads the same modules (the tests compare them with
 * run-time compilation: checks.test.ts).
 */
import { checkLoaders } from './gen/checks';
import { precompiledCompiler } from './precompiled';
import type { OperationModel } from './types';
import { operationSchemas, type CompileSchema, type SchemaCheck } from './validate';

const loaded = new Map<string, Readonly<Record<string, SchemaCheck>>>();
const loading = new Map<string, Promise<void>>();
// Per model object: a registry may build an operation's model again (its schemas are then new objects).
const compilers = new WeakMap<OperationModel, CompileSchema | null>();

/** Fetch `op`'s checks (once; the same promise on every call). */
export function loadChecks(op: OperationModel): Promise<void> {
  let pending = loading.get(op.id);
  if (!pending) {
    const load = checkLoaders[op.id];
    if (!load) return Promise.reject(new Error(`No precompiled checks for operation "${op.id}"; run \`npm run catalog\`.`));
    pending = load().then((module) => {
      loaded.set(op.id, module.checks as Record<string, SchemaCheck>);
    });
    // A failed fetch (offline, a new deployment) may be tried again by the next caller.
    pending.catch(() => loading.delete(op.id));
    loading.set(op.id, pending);
  }
  return pending;
}

/** True once `op`'s checks are here. */
export function checksLoaded(op: OperationModel): boolean {
  return loaded.has(op.id);
}

/**
 * `op`'s checks as a `CompileSchema`, or undefined until they are loaded, and
 * for a model with a schema they were not written for (a model built from
 * other data under the same id, a chunk from another build): such a model is
 * checked for missing values only, as before its checks arrive, never with
 * another schema's rules.
 */
export function checksFor(op: OperationModel): CompileSchema | undefined {
  const checks = loaded.get(op.id);
  if (!checks) return undefined;
  let compile = compilers.get(op);
  if (compile === undefined) {
    const lookUp = precompiledCompiler(checks);
    const found = (schema: Parameters<CompileSchema>[0]) => {
      try {
        lookUp(schema);
        return true;
      } catch {
        return false;
      }
    };
    compile = operationSchemas(op).every(found) ? lookUp : null;
    compilers.set(op, compile);
  }
  return compile ?? undefined;
}
