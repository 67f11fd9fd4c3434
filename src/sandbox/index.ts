/**
 * The sandbox: an offline, stateful emulator of the Agora REST calls in the
 * catalog, as one Fetch handler `(Request) => Promise<Response>`. Handlers are
 * declared as data per family (msw-style) and matched by the catalog's method
 * and path template. State lives in a store (memory, or Redis shared by every
 * instance): one project per App ID, each opened by its own credentials.
 *
 * Pipeline per request: CORS preflight -> cross-site guard and CORS (respond.ts) ->
 * administrative paths (admin.ts) -> route (catalog) -> ids that are not
 * printable ASCII (400) -> injected faults -> 404 -> auth (401) -> body -> plan
 * limit (429) -> App ID of the credentials' project -> schema (400) -> QPS
 * limit (429) -> semantic checks (400) -> handler, on the project loaded from
 * the store and written back atomically (state.ts).
 */
import { BodyReadError, readBodyLimited } from '../adapters/body';
import { listOperations, matchOperation } from '../catalog';
import type { OperationModel } from '../catalog/types';
import { families as registeredFamilies } from '../families';
import { Accounts } from './accounts';
import { ADMIN_PREFIX, administer } from './admin';
import { DEMO } from './demo';
import { gateway, gatewayFault } from './errors';
import type { ErrorDialect, SandboxFamily } from './family';
import { Dispatcher } from './events/delivery';
import { causeMark, stampCause } from './events/log';
import { StreamCounter, STREAM_TIMINGS } from './events/stream';
import { applyFault, FaultTracker } from './faults';
import { allRuleKeys, qpsRulesFor, rateLimitHeaders, SandboxLimits } from './limits';
import { preflight, refuseCrossSite, toResponse, withCors } from './respond';
import { ProjectBusyError, ProjectRepository } from './state';
import { MemoryStore } from './store/memory';
import { StoreUnavailableError } from './store/types';
import type { HandlerContext, OperationHandler, ResolvedOptions, Sandbox, SandboxOptions, SandboxResult } from './types';
import { validateBody, validateParams, precompile } from './validate';

export type { Sandbox, SandboxOptions } from './types';
export type { ErrorDialect, SandboxFamily, StateSlice } from './family';
export type { IssuedProject } from './accounts';
export type { KeyValueStore } from './store/types';
export { DEMO } from './demo';

/** Largest request body the sandbox reads; Agora's bodies are a few kilobytes. */
export const MAX_BODY_BYTES = 64 * 1024;

/** The sandbox side of every registered family. */
export const defaultFamilies: readonly SandboxFamily[] = registeredFamilies.map((family) => family.sandbox);

/** What a path parameter may hold once decoded: Agora's ids, names and regions are printable ASCII. */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Path and query names that carry the App ID, in the order they are looked at. */
export const APP_ID_NAMES: readonly string[] = ['appid', 'appId', 'projectId'];

/** Whether an operation names its project (a path or query App ID, or a body `appid`); Agora's NCS IP queries do not. */
export function namesProject(operation: OperationModel): boolean {
  return operation.params.some((param) => APP_ID_NAMES.includes(param.name)) || Boolean(operation.requestBody?.schema.properties?.appid);
}

function resolveOptions(options: SandboxOptions): ResolvedOptions {
  return {
    basePath: (options.basePath ?? '').replace(/\/+$/, ''),
    now: options.now ?? Date.now,
    planLimitPerMinute: options.planLimitPerMinute ?? 100,
    faultTimeoutMs: options.faultTimeoutMs ?? 60_000,
    clientIpHeaders: (options.clientIpHeaders ?? ['x-client-ip']).map((name) => name.toLowerCase()),
    projectsPerHour: options.projectsPerHour ?? 30,
    demoReset: options.demoReset ?? false,
  };
}

/**
 * Strip the mount path. A path without it is served as is, so one handler
 * answers both the site's `/sandbox/v1/...` and the relay's in-process
 * `https://api.agora.io/v1/...` (no Agora path starts with the mount path).
 */
function stripBase(pathname: string, basePath: string): string {
  if (!basePath) return pathname;
  if (pathname === basePath) return '/';
  return pathname.startsWith(`${basePath}/`) ? pathname.slice(basePath.length) : pathname;
}

/** Where the App ID of a request sits: a path parameter, or `appid` in the query or body (ban rules). */
function findAppId(params: Record<string, string>, query: URLSearchParams, body: unknown): { field: string; value: string } | null {
  for (const name of APP_ID_NAMES) if (params[name] !== undefined) return { field: name, value: params[name] };
  const fromQuery = query.get('appid');
  if (fromQuery !== null) return { field: 'appid', value: fromQuery };
  if (body && typeof body === 'object' && typeof (body as Record<string, unknown>).appid === 'string') {
    return { field: 'appid', value: (body as Record<string, string>).appid };
  }
  return null;
}

type BodyRead = { ok: true; value: unknown } | { ok: false; result: SandboxResult };

async function readBody(request: Request, operation: OperationModel, dialect: ErrorDialect): Promise<BodyRead> {
  if (request.method === 'GET' || request.method === 'HEAD') return { ok: true, value: undefined };
  let bytes: Uint8Array;
  try {
    // Bounded while streaming: a chunked upload past the limit is refused after one chunk, not buffered whole.
    bytes = await readBodyLimited(request.body, { maxBytes: MAX_BODY_BYTES, declaredLength: request.headers.get('content-length') });
  } catch (error) {
    if (!(error instanceof BodyReadError)) throw error;
    return { ok: false, result: error.reason === 'too_large' ? gateway.tooLarge(MAX_BODY_BYTES) : { status: 408, body: { message: error.message } } };
  }
  if (bytes.byteLength === 0) return { ok: true, value: undefined };
  const type = request.headers.get('content-type');
  // A missing Content-Type is tolerated (curl -d without -H); a different one is refused, as Agora does.
  if (type && !/^application\/(.+\+)?json\b/i.test(type) && operation.requestBody) {
    return { ok: false, result: gateway.unsupportedMediaType() };
  }
  try {
    return { ok: true, value: JSON.parse(new TextDecoder().decode(bytes)) };
  } catch (error) {
    const detail = error instanceof Error ? error.message : 'parse error';
    return { ok: false, result: dialect.invalidParameter('body', `is not valid JSON (${detail}); send a JSON object.`) };
  }
}

/**
 * Build the sandbox. Throws when the catalog has a family no module serves, or
 * an operation its family has no handler for.
 */
export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const resolved = resolveOptions(options);
  const families = options.families ?? defaultFamilies;
  const operations = listOperations();
  const familyById = new Map(families.map((family) => [family.id, family]));
  const handlers = new Map<string, OperationHandler>();
  for (const family of families) for (const handler of family.handlers) handlers.set(handler.operationId, handler);
  const unserved = [...new Set(operations.map((op) => op.family))].filter((id) => !familyById.has(id));
  if (unserved.length) {
    throw new Error(`The catalog has family(ies) ${unserved.join(', ')} with no module: add each to the registry in src/families/index.ts.`);
  }
  const missing = operations.filter((operation) => !handlers.has(operation.id)).map((operation) => operation.id);
  if (missing.length) throw new Error(`The sandbox has no handler for catalog operation(s): ${missing.join(', ')}.`);
  precompile(operations);

  const store = options.store ?? new MemoryStore();
  const projects = new ProjectRepository(store, families.flatMap((family) => family.slices ?? []));
  const accounts = new Accounts(store);
  const limits = new SandboxLimits(store, resolved.planLimitPerMinute, allRuleKeys(operations));
  const faults = new FaultTracker(store);
  const dispatcher = new Dispatcher(options.webhooks ?? {}, projects, resolved.now);
  const notifications = { dispatcher, counter: new StreamCounter(), timings: { ...STREAM_TIMINGS, ...options.eventStream } };

  /** CORS and the cross-site guard wrap every answer, so no path can forget them. */
  async function handler(request: Request): Promise<Response> {
    if (request.method === 'OPTIONS') return preflight(request);
    const refused = refuseCrossSite(request);
    if (refused) return refused;
    try {
      return withCors(request, await answer(request));
    } catch (error) {
      const unavailable = storeUnavailable(error);
      if (unavailable) return withCors(request, unavailable);
      throw error;
    }
  }

  async function answer(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const requestId = request.headers.get('x-request-id')?.trim() || crypto.randomUUID();
    const now = resolved.now();
    const path = stripBase(url.pathname, resolved.basePath);
    const common: Record<string, string> = { 'X-Request-ID': requestId };
    // The plan quota and its X-RateLimit-* headers belong to operations whose catalog limits name a
    // plan (the guide's calls); Agora documents per-family QPS limits and no such headers for the rest.
    const planned = (operation: OperationModel | undefined): boolean => Boolean(operation?.limits.qps.some((row) => row.kind === 'plan'));
    const planPeek = async (appId: string): Promise<Record<string, string>> =>
      planned(match?.operation) ? rateLimitHeaders(await limits.plan.peek(appId, now)) : {};

    if (path.startsWith(ADMIN_PREFIX)) {
      const answered = await administer({ request, path, now, accounts, projects, limits, store, options: resolved, notifications });
      answered.headers.set('X-Request-ID', requestId);
      return answered;
    }

    // Routing comes first only so an injected error can take the addressed family's shape.
    const match = matchOperation(request.method, path);
    // Agora's ids are printable ASCII. A decoded CR/LF or "€" would otherwise reach a response header
    // (Media Pull echoes the player id as X-Resource-ID), where Headers throws and the connection drops.
    const badParam = match && Object.entries(match.params).find(([, value]) => !PRINTABLE_ASCII.test(value));
    if (match && badParam) {
      const { dialect } = familyById.get(match.operation.family)!;
      return toResponse(dialect.invalidParameter(badParam[0], 'must be printable ASCII (no line breaks, control or non-ASCII characters).'), common);
    }
    const fault = await applyFault({
      request,
      url,
      requestId,
      now,
      tracker: faults,
      timeoutMs: resolved.faultTimeoutMs,
      bodyFor: (status) => (match ? familyById.get(match.operation.family)!.dialect.faultBody(status) : gatewayFault(status)),
    });
    const addressed = match ? familyById.get(match.operation.family)! : undefined;
    // The family's own headers (Media Pull's X-Resource-ID) go on every answer, injected faults included.
    const withFamilyHeaders = (result: SandboxResult): SandboxResult => {
      const extra = addressed?.responseHeaders?.(match!.params, result);
      return extra ? { ...result, headers: { ...extra, ...result.headers } } : result;
    };
    // The meter on an injected fault is the caller's own project's, so it agrees with the answers before and after it.
    const callerAppId = async (): Promise<string> => {
      const caller = await accounts.resolve(request.headers.get('authorization'), match?.operation.security ?? [], now);
      return caller.verdict === 'ok' ? caller.appId : DEMO.appId;
    };
    if (fault) return toResponse(withFamilyHeaders(fault), { ...common, ...(planned(match?.operation) ? await planPeek(await callerAppId()) : {}) });
    if (!match || !addressed) return toResponse(gateway.noRoute(), common);
    const { operation, params } = match;
    const { dialect } = addressed;
    const handlerDef = handlers.get(operation.id)!;

    // Authentication comes first, as at Agora's gateway: a 401 is not counted against the plan.
    const caller = await accounts.resolve(request.headers.get('authorization'), operation.security, now);
    if (caller.verdict !== 'ok') {
      // The meter shown beside a 401 is the demo project's: a caller nobody knows has no project to read.
      return toResponse(withFamilyHeaders(gateway.unauthorized(caller.verdict)), { ...common, ...(await planPeek(DEMO.appId)) });
    }

    const body = await readBody(request, operation, dialect);
    // A call that names no project at all (Agora's NCS IP queries) acts for the credentials' project.
    const named = namesProject(operation);
    const appRef = named ? findAppId(params, url.searchParams, body.ok ? body.value : undefined) : null;
    const owned = !named || appRef?.value === caller.appId;
    const appId = caller.appId;
    // Counted against the credentials' own project even when the request names another, so no caller can use up
    // someone else's quota by writing their App ID (the request is refused below anyway).
    const plan = planned(operation) ? await limits.plan.consume(appId, now) : null;
    const planHeaders = plan ? rateLimitHeaders(plan) : {};
    const send = (result: SandboxResult) => toResponse(withFamilyHeaders(result), { ...common, ...planHeaders });

    if (plan && !plan.allowed) return send(dialect.planLimited(plan.limit, plan.retryAfterSeconds));
    if (!body.ok) return send(body.result);
    if (!owned) return send(dialect.invalidAppId(appRef?.field ?? 'appid', appRef?.value ?? '', caller.appId));
    const paramError = validateParams(operation, params, url.searchParams, request.headers);
    if (paramError) return send(dialect.invalidParameter(paramError.field, paramError.reason));
    if (operation.requestBody?.required && body.value === undefined) {
      return send(dialect.invalidParameter('body', 'is required: send a JSON object.'));
    }
    if (body.value !== undefined) {
      const bodyError = validateBody(operation, body.value);
      if (bodyError) return send(dialect.invalidParameter(bodyError.field, bodyError.reason));
    }

    for (const rule of qpsRulesFor(operation, { body: body.value, query: url.searchParams })) {
      const decision = await limits.qps.acquire(appId, rule, now);
      if (!decision.allowed) return send(dialect.qpsLimited(rule.text, decision.retryAfterSeconds));
    }
    try {
      const result = await projects.update(appId, now, (project) => {
        // Copied on every call so a notice sent later, by a timer, can be signed (see ProjectState.ncsSecret).
        project.ncsSecret = caller.ncsSecret;
        const mark = causeMark(project);
        const ctx: HandlerContext = { request, operation, params, query: url.searchParams, body: body.value, appId, project, options: resolved, now, requestId };
        const answered = handlerDef.check?.(ctx) ?? handlerDef.handle(ctx);
        stampCause(project, mark, { requestId, operationId: operation.id, method: request.method, path });
        return answered;
      });
      return send(result);
    } catch (error) {
      if (!(error instanceof ProjectBusyError)) throw error;
      return send({ status: 503, body: dialect.faultBody(503), headers: { 'Retry-After': '1' } });
    }
  }

  return {
    handler,
    store,
    reset: () => store.clear(),
    close: async () => {
      await dispatcher.close();
      await store.close();
    },
  };
}

/**
 * A store that cannot be reached (Redis down, wrong URL) is the deployment's
 * fault, not the caller's: 503 with Retry-After and a sentence saying so,
 * never a dropped connection. The message names no URL or password.
 */
function storeUnavailable(error: unknown): Response | null {
  if (!(error instanceof StoreUnavailableError)) return null;
  return new Response(
    JSON.stringify({ error: { code: 'sandbox_store_unavailable', message: 'The sandbox cannot reach its state store right now. Try again in a few seconds; if it persists, the site operator should check SANDBOX_STORE.' } }),
    { status: 503, headers: { 'Content-Type': 'application/json', 'Retry-After': '5', 'Cache-Control': 'no-store' } },
  );
}
