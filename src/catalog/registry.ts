/**
 * Typed accessors over the catalog families registered so far. The manifest
 * (src/catalog/gen/manifest.json: servers, every family's tag, shared
 * components, which family owns each operation) is always here; a family's
 * paths and components arrive when its generated module `gen/<family>.ts`
 * runs. In Node every family is registered (index.ts imports gen/all); in the
 * browser a family is registered when an island showing one of its operations
 * loads that operation's chunk (src/catalog/load.ts, src/components/Island). Models are built on first use and cached;
 * treat them as read-only.
 */
import manifestJson from './gen/manifest.json';
import { splitPathTemplate } from './pathTemplate';
import type { OpenApiDocument } from './document';
import { buildOperation, familiesOf, rawOperations, type FamilyInfo, type RawOperationEntry } from './model';
import { hostOf, toServerModel } from './servers';
import type { CatalogManifest, FamilyPart } from './split';
import type { HttpMethod, OperationFamily, OperationModel, ServerModel } from './types';

export type * from './types';
export type { FamilyInfo } from './model';
export type { CatalogManifest, FamilyPart } from './split';
export { RETRY_DELAYS_MS } from './model';
export { hasValueAt, isIdempotentMethod, isSafeToRepeat } from './policy';

export interface OperationMatch {
  operation: OperationModel;
  /** Decoded path parameter values by name. */
  params: Record<string, string>;
}

interface Matcher {
  id: string;
  method: string;
  regex: RegExp;
  names: string[];
}

function toMatcher(entry: RawOperationEntry): Matcher {
  const { literals, names } = splitPathTemplate(entry.path);
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // Each placeholder matches one segment.
  const source = literals.map(escape).join('([^/]+)');
  // Templates with fewer parameters are tried first, so literal segments beat placeholders.
  return { id: entry.operation.operationId, method: entry.method.toUpperCase(), regex: new RegExp(`^${source}$`), names };
}

/** A catalog over `manifest`, empty of families until their parts are registered. */
export function createRegistry(manifest: CatalogManifest) {
  const base = manifest.base;
  const families: FamilyInfo[] = familiesOf(base);
  const familyOf = new Map(manifest.operations);
  const servers: ServerModel[] = base.servers.map(toServerModel);
  const serversByHost = new Map(servers.map((server) => [server.host, server]));
  const parts = new Map<string, FamilyPart>();
  const cache = new Map<string, OperationModel>();
  // One object for the registry's life: callers may hold it while families arrive.
  const document: OpenApiDocument = { ...base, paths: {}, components: { ...base.components } };
  const operationIds: string[] = [];
  let entriesById = new Map<string, RawOperationEntry>();
  let matchers: Matcher[] = [];

  /** Rebuilds the merged document in catalog order (families by tag), whatever order parts arrived in. */
  function merge(): void {
    const paths: OpenApiDocument['paths'] = {};
    const components: Record<string, Record<string, unknown>> = structuredClone(base.components) as Record<string, Record<string, unknown>>;
    for (const { family } of families) {
      const part = parts.get(family);
      if (!part) continue;
      Object.assign(paths, part.paths);
      for (const [section, entries] of Object.entries(part.components)) Object.assign((components[section] ??= {}), entries);
    }
    document.tags = base.tags.map((tag) => ({ ...tag, ...parts.get(String(tag['x-family']))?.tag }));
    document.paths = paths;
    document.components = components as OpenApiDocument['components'];
    const entries = rawOperations(document);
    entriesById = new Map(entries.map((entry) => [entry.operation.operationId, entry]));
    operationIds.splice(0, operationIds.length, ...entries.map((entry) => entry.operation.operationId));
    matchers = entries.map(toMatcher).sort((a, b) => a.names.length - b.names.length);
  }

  /** Adds one family's paths and components; a family registered before is left as it is. */
  function registerFamilyPart(part: FamilyPart): void {
    if (parts.has(part.family)) return;
    if (!families.some((info) => info.family === part.family)) {
      throw new Error(`Catalog family "${part.family}" is not in src/catalog/gen/manifest.json; run \`npm run catalog\` to regenerate src/catalog/gen/.`);
    }
    parts.set(part.family, part);
    merge();
  }

  /** The normalised model of one operation; throws naming the family to load, or the valid ids when unknown. */
  function getOperation(id: string): OperationModel {
    const cached = cache.get(id);
    if (cached) return cached;
    const entry = entriesById.get(id);
    if (!entry) {
      const family = familyOf.get(id);
      if (family) {
        throw new Error(
          `Operation "${id}" belongs to the ${family} family, which this page has not loaded. ` +
            `Load it first with loadOperation('${id}') from src/catalog/load.ts (the islands of <AgoraApiTester>, <OperationReference> and <OperationIndex> do, see src/components/Island).`,
        );
      }
      throw new Error(`Unknown operation "${id}". Valid operations: ${manifest.operations.map(([known]) => known).join(', ')}.`);
    }
    const model = buildOperation(document, entry, families, serversByHost);
    cache.set(id, model);
    return model;
  }

  function listOperations(): OperationModel[] {
    return operationIds.map(getOperation);
  }

  function matchOperation(method: string, pathname: string): OperationMatch | undefined {
    const upper = method.toUpperCase() as HttpMethod;
    for (const matcher of matchers) {
      if (matcher.method !== upper) continue;
      const found = matcher.regex.exec(pathname);
      if (!found) continue;
      try {
        const params = Object.fromEntries(matcher.names.map((name, i) => [name, decodeURIComponent(found[i + 1])]));
        return { operation: getOperation(matcher.id), params };
      } catch {
        return undefined; // malformed percent-encoding: no operation matches
      }
    }
    return undefined;
  }

  return {
    /** The merged OpenAPI document of the registered families (with `$ref`s as written); the same object throughout. */
    catalogDocument: document,
    /** The registered operation ids, in catalog order; the same array throughout. */
    operationIds,
    /** Family titles as shown on the site, e.g. `cloud-recording` -> "Cloud Recording" (every family, registered or not). */
    familyTitles: Object.fromEntries(families.map((f) => [f.family, f.title])) as Record<OperationFamily, string>,
    /** Every family with its reference page slug, in catalog order (registered or not). */
    familyList: families as readonly FamilyInfo[],
    registerFamilyPart,
    getOperation,
    /** True when `id` names an operation of a registered family. */
    hasOperation: (id: string): boolean => entriesById.has(id),
    /** The family of any catalog operation, registered or not (from the manifest); undefined when unknown. */
    familyOfOperation: (id: string): OperationFamily | undefined => familyOf.get(id),
    /** Every registered operation model, in catalog order. */
    listOperations,
    /** Registered operations grouped by family, in catalog order (reference pages, navigation). */
    operationsByFamily: (): Array<FamilyInfo & { operations: OperationModel[] }> =>
      families
        .filter((info) => parts.has(info.family))
        .map((info) => ({ ...info, operations: listOperations().filter((op) => op.family === info.family) })),
    /** Every host of the catalog with its failover relations (primary first). */
    allServers: (): ServerModel[] => servers,
    /** The catalog host with this name (`api.agora.io`, or a URL's host), or undefined. */
    findServer: (host: string): ServerModel | undefined => {
      const bare = /^[a-z][a-z0-9+.-]*:\/\//i.test(host) ? hostOf(host) : host;
      return serversByHost.get(bare.toLowerCase());
    },
    /**
     * The operation a request path belongs to (for the sandbox's router), with its
     * decoded path parameters. `pathname` has no base path and no query string.
     */
    matchOperation,
  };
}

export type CatalogRegistry = ReturnType<typeof createRegistry>;

const registry: CatalogRegistry = createRegistry(manifestJson as unknown as CatalogManifest);

export const {
  catalogDocument,
  operationIds,
  familyTitles,
  familyList,
  registerFamilyPart,
  getOperation,
  hasOperation,
  familyOfOperation,
  listOperations,
  operationsByFamily,
  allServers,
  findServer,
  matchOperation,
} = registry;
