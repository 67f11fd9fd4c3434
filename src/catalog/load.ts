/**
 * Loads catalog data into the browser's registry on demand: one chunk per
 * operation (`op-<id>`: src/catalog/gen/op/<id>.ts, loaders listed in
 * gen/load.ts, both written by scripts/build-catalog.ts), fetched by the
 * island that shows it (src/components/Island). Nothing here imports the
 * registry, so a page that only names operations carries no catalog code
 * until one is shown. In Node every operation is registered already
 * (src/catalog/index.ts), so these resolve at once.
 */
import { operationLoaders } from './gen/load';

/** Registers operation `id` (and what it needs, see split.ts) in the registry. */
export function loadOperation(id: string): Promise<unknown> {
  const load = operationLoaders[id];
  if (!load) return Promise.reject(new Error(`Unknown operation "${id}": no src/catalog/gen/op/${id}.ts; run \`npm run catalog\`.`));
  return load();
}

/** Registers every operation (the pages that list them all). */
export function loadEveryOperation(): Promise<unknown> {
  return import(/* webpackChunkName: "catalog-every" */ './gen/every');
}
