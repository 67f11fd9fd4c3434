/**
 * Typed accessors over the catalog (src/catalog/base.yaml plus each family's catalog.yaml, composed into
 * openapi.gen.json by `npm run catalog`). Browser-safe: the tester bundles it.
 * Models are built on first use and cached; treat them as read-only.
 */
import rawDocument from './openapi.gen.json';
import type { OpenApiDocument } from './document';
import { buildOperation, familiesOf, rawOperations, type FamilyInfo, type RawOperationEntry } from './model';
import { hostOf, toServerModel } from './servers';
import type { HttpMethod, OperationFamily, OperationModel, ServerModel } from './types';

export type * from './types';
export type { FamilyInfo } from './model';
export { RETRY_DELAYS_MS } from './model';

/** The raw OpenAPI 3.1 document (with `$ref`s as written). */
export const catalogDocument: OpenApiDocument = rawDocument as unknown as OpenApiDocument;

const families: FamilyInfo[] = familiesOf(catalogDocument);
const entries: RawOperationEntry[] = rawOperations(catalogDocument);
const entriesById = new Map(entries.map((entry) => [entry.operation.operationId, entry]));
const servers: ServerModel[] = catalogDocument.servers.map(toServerModel);
const serversByHost = new Map(servers.map((server) => [server.host, server]));
const cache = new Map<string, OperationModel>();

/** Every operation id, in catalog order (family by family). */
export const operationIds: string[] = entries.map((entry) => entry.operation.operationId);

/** Family titles as shown on the site, e.g. `cloud-recording` -> "Cloud Recording". */
export const familyTitles: Record<OperationFamily, string> = Object.fromEntries(
  families.map((f) => [f.family, f.title]),
) as Record<OperationFamily, string>;

/** The four families with their reference page slug, in catalog order. */
export const familyList: readonly FamilyInfo[] = families;

/** The normalised model of one operation; throws with the list of valid ids when unknown. */
export function getOperation(id: string): OperationModel {
  const cached = cache.get(id);
  if (cached) return cached;
  const entry = entriesById.get(id);
  if (!entry) {
    throw new Error(`Unknown operation "${id}". Valid operations: ${operationIds.join(', ')}.`);
  }
  const model = buildOperation(catalogDocument, entry, families, serversByHost);
  cache.set(id, model);
  return model;
}

/** True when `id` names a catalog operation. */
export function hasOperation(id: string): boolean {
  return entriesById.has(id);
}

/** Every operation model, in catalog order. */
export function listOperations(): OperationModel[] {
  return operationIds.map(getOperation);
}

/** Operations grouped by family, in catalog order (reference pages, navigation). */
export function operationsByFamily(): Array<FamilyInfo & { operations: OperationModel[] }> {
  return families.map((info) => ({
    ...info,
    operations: listOperations().filter((op) => op.family === info.family),
  }));
}

/** Every host of the catalog with its failover relations (primary first). */
export function allServers(): ServerModel[] {
  return servers;
}

/** The catalog host with this name (`api.agora.io`, or a URL's host), or undefined. */
export function findServer(host: string): ServerModel | undefined {
  const bare = /^[a-z][a-z0-9+.-]*:\/\//i.test(host) ? hostOf(host) : host;
  return serversByHost.get(bare.toLowerCase());
}

export { hasValueAt, isIdempotentMethod, isSafeToRepeat } from './policy';

export interface OperationMatch {
  operation: OperationModel;
  /** Decoded path parameter values by name. */
  params: Record<string, string>;
}

const matchers = entries.map((entry) => {
  const names: string[] = [];
  const source = entry.path
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const param = /^\{([^}]+)\}$/.exec(part);
      if (!param) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(param[1]);
      return '([^/]+)';
    })
    .join('');
  return { id: entry.operation.operationId, method: entry.method.toUpperCase(), regex: new RegExp(`^${source}$`), names };
});

/**
 * The operation a request path belongs to (for the sandbox's router), with its
 * decoded path parameters. `pathname` has no base path and no query string.
 * Templates with fewer parameters win, so literal segments beat placeholders.
 */
export function matchOperation(method: string, pathname: string): OperationMatch | undefined {
  const upper = method.toUpperCase() as HttpMethod;
  const candidates = matchers
    .filter((m) => m.method === upper)
    .sort((a, b) => a.names.length - b.names.length);
  for (const matcher of candidates) {
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
