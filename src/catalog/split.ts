/**
 * Splits the composed catalog for the browser: a small manifest every page
 * carries (servers, every family's tag, the base's shared components, which
 * family owns each operation and which families each family needs) and one
 * part per family (its paths and its own components), so that a page loads
 * only the families it shows. Pure; the build script writes the result to
 * src/catalog/gen/ and the registry (registry.ts) merges parts back.
 */
import type { CatalogPart, SourcedPart } from './compose';
import type { OpenApiDocument, RawPathItem, RawTag } from './document';
import { HTTP_METHODS, rawOperations } from './model';

/** What every page carries: the document without paths or family components, plus the operation index. */
export interface CatalogManifest {
  /**
   * openapi, info, servers, security, the tags of ALL families (without their family-wide
   * tables, which only operation models read) and the base's components; `paths` is empty.
   */
  base: OpenApiDocument;
  /** Every operation id with its family, in catalog order (an array: object keys could be reordered). */
  operations: Array<[id: string, family: string]>;
  /**
   * Per family, every other family its operations need, transitively: the families of the
   * operations named by its `x-value-from` and `x-nearest-real-operations`, and of the
   * components it `$ref`s (compose.ts keeps one component namespace, so a family may
   * reference another family's component).
   */
  dependsOn: Record<string, string[]>;
}

/** One family's share of the document. */
export interface FamilyPart {
  family: string;
  /** The family-wide tables of its tag (TAG_TABLES), merged back into the tag on registration. */
  tag: Partial<RawTag>;
  paths: Record<string, RawPathItem>;
  components: NonNullable<CatalogPart['components']>;
}

type Json = unknown;

/** Tag keys only operation models read (model.ts familyDefault): they travel with the family, not in the manifest. */
export const TAG_TABLES = ['x-limits', 'x-troubleshooting', 'x-retry'] as const;

function pick(tag: RawTag, keep: (key: string) => boolean): Partial<RawTag> {
  return Object.fromEntries(Object.entries(tag).filter(([key]) => keep(key))) as Partial<RawTag>;
}
const isTable = (key: string): boolean => (TAG_TABLES as readonly string[]).includes(key);

/** `#/components/schemas/Foo` -> `schemas/Foo` (OpenAPI component names hold no `/`); anything else -> undefined. */
function componentKey(ref: string): string | undefined {
  const match = /^#\/components\/([^/]+)\/([^/]+)/.exec(ref);
  return match ? `${match[1]}/${match[2]}` : undefined;
}

/**
 * The manifest and one part per family, from the composed document and the parts it was
 * composed from (compose.ts has already rejected duplicates, so ownership is unambiguous).
 */
export function splitCatalog(doc: OpenApiDocument, sourced: readonly SourcedPart[]): { manifest: CatalogManifest; parts: FamilyPart[] } {
  const familyOfTag = new Map(doc.tags.map((tag) => [tag.name, String(tag['x-family'])]));
  const familyOrder = doc.tags.map((tag) => String(tag['x-family']));
  const byFamily = new Map(sourced.map(({ part }) => [String(part.tag['x-family']), part]));

  // Owner of every family component and of every operation id.
  const componentOwner = new Map<string, string>();
  const components = new Map<string, Json>();
  for (const [family, part] of byFamily) {
    for (const [section, entries] of Object.entries(part.components ?? {})) {
      for (const [name, value] of Object.entries(entries ?? {})) {
        componentOwner.set(`${section}/${name}`, family);
        components.set(`${section}/${name}`, value);
      }
    }
  }
  const baseComponents = Object.fromEntries(
    Object.entries(doc.components).map(([section, entries]) => [
      section,
      Object.fromEntries(Object.entries((entries ?? {}) as Record<string, Json>).filter(([name]) => !componentOwner.has(`${section}/${name}`))),
    ]),
  );

  const operations: Array<[string, string]> = [];
  const pathsOf = new Map<string, Record<string, RawPathItem>>(familyOrder.map((family) => [family, {}]));
  for (const [path, item] of Object.entries(doc.paths)) {
    const tag = HTTP_METHODS.map((method) => item[method]?.tags?.[0]).find(Boolean);
    const family = tag ? familyOfTag.get(tag) : undefined;
    if (!family) throw new Error(`Catalog path ${path} has no operation tagged with a family.`);
    pathsOf.get(family)![path] = item;
  }
  // In the order rawOperations reads them (methods as written), so ids keep the catalog's order.
  for (const { operation } of rawOperations(doc)) operations.push([operation.operationId, familyOfTag.get(operation.tags![0])!]);
  const operationFamily = new Map(operations);
  const baseDocument: OpenApiDocument = {
    ...doc,
    tags: doc.tags.map((tag) => pick(tag, (key) => !isTable(key)) as RawTag),
    paths: {},
    components: baseComponents as OpenApiDocument['components'],
  };

  // Direct needs: walk a family's paths and components, following $refs into the base (which may name operations too).
  const direct = new Map<string, Set<string>>();
  for (const family of familyOrder) {
    const needs = new Set<string>();
    const seen = new Set<string>();
    const visit = (node: Json): void => {
      if (Array.isArray(node)) return node.forEach(visit);
      if (node === null || typeof node !== 'object') return;
      const object = node as Record<string, Json>;
      const valueFrom = object['x-value-from'] as { operationId?: string } | undefined;
      const named = [valueFrom?.operationId, ...((object['x-nearest-real-operations'] as string[] | undefined) ?? [])];
      for (const id of named) {
        const owner = id ? operationFamily.get(id) : undefined;
        if (owner) needs.add(owner);
      }
      const key = typeof object.$ref === 'string' ? componentKey(object.$ref) : undefined;
      if (key && !seen.has(key)) {
        seen.add(key);
        const owner = componentOwner.get(key);
        if (owner) needs.add(owner);
        const [section, name] = key.split('/');
        // Base components are walked here; another family's are walked as that family's own.
        if (!owner) visit((baseComponents[section] as Record<string, Json> | undefined)?.[name]);
      }
      Object.values(object).forEach(visit);
    };
    visit(pathsOf.get(family));
    visit(byFamily.get(family)?.components);
    needs.delete(family);
    direct.set(family, needs);
  }

  const dependsOn: Record<string, string[]> = {};
  for (const family of familyOrder) {
    const closure = new Set<string>();
    const stack = [...direct.get(family)!];
    while (stack.length) {
      const next = stack.pop()!;
      if (next === family || closure.has(next)) continue;
      closure.add(next);
      stack.push(...direct.get(next)!);
    }
    dependsOn[family] = familyOrder.filter((f) => closure.has(f));
  }

  const parts = familyOrder.map((family) => {
    const own: FamilyPart['components'] = {};
    for (const [key, owner] of componentOwner) {
      if (owner !== family) continue;
      const [section, name] = key.split('/') as [keyof FamilyPart['components'], string];
      (own[section] ??= {})[name] = components.get(key);
    }
    const tag = doc.tags.find((entry) => entry['x-family'] === family)!;
    return { family, tag: pick(tag, isTable), paths: pathsOf.get(family)!, components: own };
  });
  return { manifest: { base: baseDocument, operations, dependsOn }, parts };
}

/** Names the generated folder uses itself; a family cannot take them. */
const RESERVED = ['manifest', 'all', 'every', 'load', 'checks'];

/**
 * The files of src/catalog/gen/ by name: manifest.json, `<family>.json` and
 * `<family>.ts` (registers the family after the families it needs, so any
 * importer gets a working family), every.ts (every family) and all.ts (imports
 * every.ts; only all.ts is emptied in the client bundle, so pages that list
 * every operation import every.ts).
 */
export function splitFiles(doc: OpenApiDocument, sourced: readonly SourcedPart[]): Record<string, string> {
  const { manifest, parts } = splitCatalog(doc, sourced);
  const json = (value: unknown) => JSON.stringify(value) + '\n';
  const header = '// Generated by scripts/build-catalog.ts (npm run catalog); do not edit.\n';
  const files: Record<string, string> = { 'manifest.json': json(manifest) };
  for (const part of parts) {
    if (RESERVED.includes(part.family)) throw new Error(`Catalog family "${part.family}" uses a name src/catalog/gen/ needs; rename the family.`);
    files[`${part.family}.json`] = json(part);
    files[`${part.family}.ts`] = [
      header,
      ...manifest.dependsOn[part.family].map((family) => `import './${family}';\n`),
      `import part from './${part.family}.json';\n`,
      "import { registerFamilyPart } from '../registry';\n",
      "import type { FamilyPart } from '../split';\n\n",
      'registerFamilyPart(part as unknown as FamilyPart);\n',
    ].join('');
  }
  // One module per operation: what the browser loads when a tester or reference shows it (src/catalog/load.ts).
  for (const [id, family] of manifest.operations) files[`op/${id}.ts`] = `${header}import '../${family}';\n`;
  // Spelled out, one import per operation, so webpack names each chunk and the server bundle (whose Babel turns import() into require) can follow them.
  files['load.ts'] = [
    header,
    'export const operationLoaders: Readonly<Record<string, () => Promise<unknown>>> = {\n',
    ...manifest.operations.map(([id]) => `  ${JSON.stringify(id)}: () => import(/* webpackChunkName: ${JSON.stringify(`op-${id}`)} */ './op/${id}'),\n`),
    '};\n',
  ].join('');
  files['every.ts'] = header + parts.map((part) => `import './${part.family}';\n`).join('');
  files['all.ts'] = `${header}// The site's client bundle replaces this module with an empty one (src/plugins/catalog-families).\nimport './every';\n`;
  return files;
}
