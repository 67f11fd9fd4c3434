/**
 * Loads catalog data into the browser's registry on demand: one chunk per
 * operation (`op-<id>`, src/catalog/gen/op/<id>.ts, written by
 * scripts/build-catalog.ts), fetched by the island that shows it
 * (src/components/Island). Nothing here imports the registry, so a page that
 * only names operations carries no catalog code until one is shown. In Node
 * every operation is registered already (src/catalog/index.ts).
 */

/** Registers operation `id` (and what it needs, see split.ts) in the registry. */
export function loadOperation(id: string): Promise<unknown> {
  return import(/* webpackChunkName: "op-[request]" */ `./gen/op/${id}`);
}

/** Registers every operation (the pages that list them all). */
export function loadEveryOperation(): Promise<unknown> {
  return import(/* webpackChunkName: "catalog-every" */ './gen/every');
}
