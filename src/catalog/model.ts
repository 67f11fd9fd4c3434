/**
 * Turns one raw OpenAPI operation into the normalised `OperationModel` that
 * every consumer reads. Pure: takes the document, returns plain data.
 */
import { isIdempotentMethod } from './policy';
import { RETRY_DELAYS_MS } from './retryPolicy';
import { deref } from './resolve';
import type {
  OpenApiDocument,
  RawExample,
  RawMediaType,
  RawOperation,
  RawParameter,
  RawPathItem,
  RawResponse,
} from './document';
import type {
  HttpMethod,
  JsonSchema,
  NamedExample,
  OperationFamily,
  OperationLimits,
  OperationModel,
  ParamLocation,
  ParamModel,
  ResponseModel,
  RetryPolicy,
  SecurityKind,
  ServerModel,
  TroubleshootingEntry,
} from './types';

export const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

// The schedules belong to the one retry policy; re-exported for the catalog's public API.
export { RETRY_DELAYS_MS } from './retryPolicy';

export interface FamilyInfo {
  family: OperationFamily;
  title: string;
  /** Reference page slug under `/docs/reference/`. */
  page: string;
  description: string;
  /** Markdown at the top of the family's reference page. */
  intro: string;
  /** The Events panel's suggestion for a first notification (`x-events-hint`), when the family has one. */
  eventsHint?: string;
}

/**
 * Where the reference lives: a page per family (`/docs/reference/<page>`, its overview) and a page per
 * operation under it. The model's `referencePath`, the generated pages' files and the sidebar all read these.
 */
export function familyPath(page: string): string {
  return `/docs/reference/${page}`;
}

/** An operation's reference page. */
export function operationPath(page: string, id: string): string {
  return `${familyPath(page)}/${id}`;
}

/** The docs plugin's id of the page at a `/docs/…` path (its file under `docs/`, without the extension). */
export function docIdOfPath(path: string): string {
  if (!path.startsWith('/docs/')) throw new Error(`Not a docs path: ${path}`);
  return path.slice('/docs/'.length);
}

/** The family an operation belongs to: the one its first tag names. */
export function familyOfRaw(op: RawOperation, families: readonly FamilyInfo[]): FamilyInfo {
  const family = families.find((f) => f.title === op.tags?.[0]);
  if (!family) throw new Error(`Catalog operation "${op.operationId}" needs a tag naming its family (one of the document's tags).`);
  return family;
}

/**
 * The reference's pages read from the document alone, in catalog order: each family's overview and its
 * operations' pages. For what sweeps the site's pages without building operation models (the browser
 * tests, the page bench); the site itself uses `referencePath` of each model.
 */
export function referencePages(doc: OpenApiDocument): Array<{ family: FamilyInfo; path: string; operations: string[] }> {
  const families = familiesOf(doc);
  const operations = rawOperations(doc).map(({ operation }) => operation);
  return families.map((family) => ({
    family,
    path: familyPath(family.page),
    operations: operations.filter((op) => familyOfRaw(op, families) === family).map((op) => operationPath(family.page, op.operationId)),
  }));
}

export interface RawOperationEntry {
  path: string;
  method: (typeof HTTP_METHODS)[number];
  pathItem: RawPathItem;
  operation: RawOperation;
}

/** Every operation in document order (paths, then methods as written). */
export function rawOperations(doc: OpenApiDocument): RawOperationEntry[] {
  const entries: RawOperationEntry[] = [];
  for (const [path, pathItem] of Object.entries(doc.paths)) {
    for (const key of Object.keys(pathItem)) {
      const method = HTTP_METHODS.find((m) => m === key);
      const operation = method ? pathItem[method] : undefined;
      if (method && operation) entries.push({ path, method, pathItem, operation });
    }
  }
  return entries;
}

/** Families from the document's tags (`x-family`, `x-page`), in tag order. */
export function familiesOf(doc: OpenApiDocument): FamilyInfo[] {
  return doc.tags.map((tag) => {
    const family = tag['x-family'];
    if (!family || !tag['x-page']) {
      throw new Error(`Catalog tag "${tag.name}" needs x-family and x-page.`);
    }
    return {
      family,
      title: tag.name,
      page: tag['x-page'],
      description: (tag.description ?? '').trim(),
      intro: (tag['x-reference-intro'] ?? tag.description ?? '').trim(),
      ...(tag['x-events-hint'] ? { eventsHint: tag['x-events-hint'].trim() } : {}),
    };
  });
}

function namedExamples(media: { example?: unknown; examples?: Record<string, RawExample> }): NamedExample[] {
  if (media.examples) {
    return Object.entries(media.examples).map(([name, example]) => ({
      name,
      ...(example.summary ? { summary: example.summary } : {}),
      value: example.value,
    }));
  }
  return media.example === undefined ? [] : [{ name: 'default', value: media.example }];
}

function toParam(raw: RawParameter): ParamModel {
  const schema = raw.schema ?? {};
  const examples = namedExamples(raw);
  const example = examples[0]?.value ?? schema.examples?.[0];
  const param: ParamModel = {
    name: raw.name,
    in: raw.in as ParamLocation,
    required: raw.required === true,
    description: (raw.description ?? schema.description ?? '').trim(),
    schema,
  };
  if (example !== undefined) param.example = example;
  if (raw['x-value-from']) param.valueFrom = raw['x-value-from'];
  return param;
}

function toResponse(status: string, raw: RawResponse): ResponseModel {
  const media: RawMediaType | undefined = raw.content?.['application/json'];
  const examples = media ? namedExamples(media) : [];
  const response: ResponseModel = { status: Number(status), description: (raw.description ?? '').trim() };
  if (media?.schema) response.schema = media.schema;
  if (examples.length) {
    response.example = examples[0].value;
    response.examples = examples;
  }
  if (raw.headers && Object.keys(raw.headers).length) response.headers = Object.keys(raw.headers);
  return response;
}

/** The kind a declared scheme stands for; an apiKey in the Authorization header is Agora's `agora token=` form. */
function securityKindOf(scheme: { type: string; scheme?: string; in?: string; name?: string } | undefined): SecurityKind | undefined {
  if (scheme?.type === 'http') {
    const kind = scheme.scheme?.toLowerCase();
    return kind === 'basic' || kind === 'bearer' ? kind : undefined;
  }
  if (scheme?.type === 'apiKey' && scheme.in === 'header' && scheme.name?.toLowerCase() === 'authorization') return 'agora-token';
  return undefined;
}

function securityKinds(doc: OpenApiDocument, requirements: Array<Record<string, string[]>>): SecurityKind[] {
  const kinds: SecurityKind[] = [];
  for (const requirement of requirements) {
    for (const name of Object.keys(requirement)) {
      const scheme = doc.components.securitySchemes?.[name];
      const kind = securityKindOf(scheme);
      if (!kind) {
        throw new Error(`Catalog security scheme "${name}" must be http basic, http bearer, or an apiKey in the Authorization header (agora token=<token>).`);
      }
      if (!kinds.includes(kind)) kinds.push(kind);
    }
  }
  return kinds;
}

function toRetry(raw: unknown): RetryPolicy {
  const value = (raw ?? {}) as Partial<RetryPolicy>;
  const schedule = value.schedule === 'media-pull' ? 'media-pull' : 'general';
  const policy: RetryPolicy = {
    schedule,
    delaysMs: RETRY_DELAYS_MS[schedule].map(([min, max]) => [min, max] as [number, number]),
    safeToRepeat: value.safeToRepeat === true,
    retryStatuses: value.retryStatuses ?? [429, 500, 502, 503, 504],
  };
  if (value.safeToRepeatWhen) policy.safeToRepeatWhen = value.safeToRepeatWhen;
  if (value.notes?.length) policy.notes = value.notes;
  return policy;
}

function toLimits(raw: unknown): OperationLimits {
  const value = (raw ?? {}) as Partial<OperationLimits>;
  const limits: OperationLimits = { qps: (value.qps ?? []).map((row) => ({ ...row })) };
  if (value.concurrentTasks !== undefined) limits.concurrentTasks = value.concurrentTasks;
  if (value.notes?.length) limits.notes = value.notes;
  return limits;
}

/** Path and operation parameters, the operation's winning on the same name and location. */
function mergedParams(entry: RawOperationEntry): RawParameter[] {
  const byKey = new Map<string, RawParameter>();
  for (const param of [...(entry.pathItem.parameters ?? []), ...(entry.operation.parameters ?? [])]) {
    byKey.set(`${param.in}:${param.name}`, param);
  }
  // Array.from, not spread: the site's Babel build spreads iterables loosely
  // (as Array.concat), which would wrap the Map iterator instead of its values.
  return Array.from(byKey.values());
}

export function buildOperation(
  doc: OpenApiDocument,
  rawEntry: RawOperationEntry,
  families: FamilyInfo[],
  serversByHost: Map<string, ServerModel>,
): OperationModel {
  // Resolve every $ref once, so consumers never meet one.
  const entry: RawOperationEntry = {
    ...rawEntry,
    pathItem: deref<RawPathItem>(doc, { parameters: rawEntry.pathItem.parameters, servers: rawEntry.pathItem.servers }),
    operation: deref<RawOperation>(doc, rawEntry.operation),
  };
  const op = entry.operation;
  const id = op.operationId;
  const tag = op.tags?.[0];
  const family = familyOfRaw(op, families);
  // Family-wide tables sit on the family's tag; an operation's own value replaces them whole.
  const rawTag = doc.tags.find((t) => t.name === tag);
  const familyDefault = <K extends 'x-limits' | 'x-troubleshooting' | 'x-retry'>(key: K): unknown => op[key] ?? rawTag?.[key];

  const method = entry.method.toUpperCase() as HttpMethod;
  const params = mergedParams(entry).map(toParam);
  const json = op.requestBody?.content?.['application/json'];
  const bodyExamples = json ? namedExamples(json) : [];
  const rawServers = op.servers ?? entry.pathItem.servers ?? doc.servers;
  const servers = rawServers.map((raw) => {
    const host = new URL(raw.url).host;
    const server = serversByHost.get(host);
    if (!server) throw new Error(`Catalog operation "${id}" names server ${host}, which is not in the top-level servers.`);
    return server;
  });

  const model: OperationModel = {
    id,
    method,
    path: entry.path,
    family: family.family,
    familyTitle: family.title,
    summary: op.summary ?? id,
    description: (op.description ?? '').trim(),
    guideExample: op['x-guide-example'] === true,
    params,
    pathParams: params.filter((p) => p.in === 'path'),
    queryParams: params.filter((p) => p.in === 'query'),
    headerParams: params.filter((p) => p.in === 'header'),
    responses: Object.entries(op.responses ?? {})
      .map(([status, response]) => toResponse(status, response))
      .sort((a, b) => a.status - b.status),
    security: securityKinds(doc, op.security ?? doc.security ?? []),
    servers,
    limits: toLimits(familyDefault('x-limits')),
    troubleshooting: ((familyDefault('x-troubleshooting') as TroubleshootingEntry[] | undefined) ?? []).map((row) => ({ ...row })),
    retry: toRetry(familyDefault('x-retry')),
    idempotent: isIdempotentMethod(method),
    referencePath: operationPath(family.page, id),
  };
  if (op['x-nearest-real-call']) model.nearestRealCall = op['x-nearest-real-call'];
  if (op['x-nearest-real-operations']) model.nearestRealOperations = op['x-nearest-real-operations'];
  if (op['x-sandbox-note']) model.sandboxNote = op['x-sandbox-note'];
  if (json?.schema) {
    model.requestBody = {
      required: op.requestBody?.required === true,
      contentType: 'application/json',
      schema: json.schema as JsonSchema,
      example: bodyExamples[0]?.value,
      examples: bodyExamples,
    };
  }
  return model;
}
