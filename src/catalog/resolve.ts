/**
 * Internal `$ref` resolution for the catalog document. The catalog only uses
 * local references (`#/components/...`), so no loader or network is needed and
 * this stays browser-safe.
 */

type Json = unknown;

/** Follow a local JSON pointer (`#/components/schemas/AppId`) inside `root`. */
export function resolvePointer(root: Json, ref: string): Json {
  if (!ref.startsWith('#/')) {
    throw new Error(`Catalog reference "${ref}" is not local; only "#/..." references are supported.`);
  }
  let node: Json = root;
  for (const raw of ref.slice(2).split('/')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object' || !(key in (node as Record<string, Json>))) {
      throw new Error(`Catalog reference "${ref}" points nowhere (no "${key}"). Fix it in src/catalog/base.yaml or the family's src/families/<family>/catalog.yaml.`);
    }
    node = (node as Record<string, Json>)[key];
  }
  return node;
}

/**
 * A deep copy of `value` with every `$ref` replaced by its target. Keywords
 * beside a `$ref` (OpenAPI 3.1 allows `description` next to it) override the
 * target's. A reference cycle is left as a `$ref` instead of looping forever.
 */
export function deref<T = Json>(root: Json, value: Json, seen: readonly string[] = []): T {
  if (Array.isArray(value)) return value.map((item) => deref(root, item, seen)) as T;
  if (value === null || typeof value !== 'object') return value as T;
  const object = value as Record<string, Json>;
  const ref = object.$ref;
  if (typeof ref === 'string') {
    if (seen.includes(ref)) return { ...object } as T;
    const { $ref: _ignored, ...siblings } = object;
    const target = deref<Record<string, Json>>(root, resolvePointer(root, ref), [...seen, ref]);
    const merged = { ...target, ...deref<Record<string, Json>>(root, siblings, seen) };
    return merged as T;
  }
  const out: Record<string, Json> = {};
  for (const [key, child] of Object.entries(object)) out[key] = deref(root, child, seen);
  return out as T;
}
