/**
 * Composes the one OpenAPI document from the engine's base (info, servers,
 * security schemes, components every family shares) and one part per API
 * family (`src/families/<family>/catalog.yaml`). Pure and browser-safe: the
 * build script writes its output to `openapi.gen.json`, and tests compose extra
 * families (a test family) in memory the same way.
 */
import type { OpenApiDocument, RawPathItem, RawTag } from './document';

/** What a family's `catalog.yaml` holds. */
export interface CatalogPart {
  /** The family's tag: its name, `x-family`, `x-page`, `x-order` and family-wide `x-` defaults. */
  tag: RawTag;
  paths: Record<string, RawPathItem>;
  /** Components only this family uses; shared ones stay in the base. */
  components?: Partial<Record<ComponentSection, Record<string, unknown>>>;
}

/** The base: the whole document except tags and paths. */
export type CatalogBase = Omit<OpenApiDocument, 'tags' | 'paths'>;

const SECTIONS = ['schemas', 'responses', 'parameters', 'headers', 'examples', 'requestBodies'] as const;
type ComponentSection = (typeof SECTIONS)[number];
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** A part with where it came from, so errors can name the file to fix. */
export interface SourcedPart {
  source: string;
  part: CatalogPart;
}

function fail(source: string, message: string): never {
  throw new Error(`Catalog part ${source}: ${message}`);
}

function checkTag(source: string, tag: RawTag | undefined): RawTag {
  if (!tag || typeof tag.name !== 'string') fail(source, 'needs a `tag` with a `name`.');
  if (!tag['x-family'] || !/^[a-z][a-z0-9-]*$/.test(tag['x-family'])) {
    fail(source, 'tag.x-family must be a lower-case id such as `media-pull` (the folder name).');
  }
  if (!tag['x-page']) fail(source, 'tag.x-page must name the reference page slug.');
  if (typeof tag['x-order'] !== 'number') fail(source, 'tag.x-order must be a number (the family’s place in menus).');
  return tag;
}

/**
 * One document: base + every part, tags ordered by `x-order`. Every operation
 * of a part is tagged with the part's tag (added when missing); a path, an
 * operation id or a component name defined twice is an error naming both parts.
 */
export function composeCatalog(base: CatalogBase, parts: readonly SourcedPart[]): OpenApiDocument {
  const sorted = [...parts].sort(
    (a, b) => Number(a.part.tag?.['x-order']) - Number(b.part.tag?.['x-order']) || a.source.localeCompare(b.source),
  );
  const doc: OpenApiDocument = {
    ...structuredClone(base),
    tags: [],
    paths: {},
    components: structuredClone(base.components),
  };
  const owners = new Map<string, string>();
  const claim = (key: string, source: string) => {
    const previous = owners.get(key);
    if (previous) fail(source, `${key} is already defined by ${previous}.`);
    owners.set(key, source);
  };
  for (const section of SECTIONS) {
    for (const name of Object.keys((base.components as Record<string, Record<string, unknown> | undefined>)[section] ?? {})) {
      owners.set(`components.${section}.${name}`, 'src/catalog/base.yaml');
    }
  }

  for (const { source, part } of sorted) {
    const tag = checkTag(source, part.tag);
    claim(`family ${tag['x-family']}`, source);
    claim(`tag "${tag.name}"`, source);
    // Two families at one place would list in whatever order the folders were read.
    claim(`x-order ${tag['x-order']}`, source);
    doc.tags.push(structuredClone(tag));
    for (const [path, item] of Object.entries(part.paths ?? {})) {
      claim(`path ${path}`, source);
      const copy = structuredClone(item);
      for (const method of METHODS) {
        const operation = copy[method];
        if (!operation) continue;
        claim(`operationId ${operation.operationId}`, source);
        if (operation.tags && (operation.tags.length !== 1 || operation.tags[0] !== tag.name)) {
          fail(source, `operation ${operation.operationId} must be tagged [${tag.name}] (one family per part).`);
        }
        operation.tags = [tag.name];
      }
      doc.paths[path] = copy;
    }
    for (const section of SECTIONS) {
      const entries = part.components?.[section];
      if (!entries) continue;
      const target = ((doc.components as Record<string, Record<string, unknown>>)[section] ??= {});
      for (const [name, value] of Object.entries(entries)) {
        claim(`components.${section}.${name}`, source);
        target[name] = structuredClone(value);
      }
    }
  }
  return doc;
}
