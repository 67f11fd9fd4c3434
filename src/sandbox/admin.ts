/**
 * The sandbox's administrative paths, `{base}/__sandbox/...`. Every one acts
 * on one project and, except creating a project, needs that project's
 * credentials: nothing here reaches another visitor's state, and nothing is
 * global. (respond.ts keeps these paths same-origin and without CORS.)
 *
 * - `POST /__sandbox/projects`: a new project for this visitor (rate-limited per client).
 * - `GET /__sandbox/project`: the caller's project (App ID, when it expires).
 * - `POST /__sandbox/reset`: the caller's project back to its seeded state, its limits cleared.
 * - `DELETE /__sandbox/project`: the caller's project and credentials forgotten.
 * - `GET /__sandbox/events`: the caller's project's notifications, live (server-sent events; events/stream.ts).
 * - `GET|PUT|DELETE /__sandbox/webhook`: where the caller's project's notifications are POSTed
 *   (a target among the operator's allowed prefixes; events/delivery.ts).
 */
import { BodyReadError, readBodyLimited } from '../adapters/body';
import { clientKey } from '../adapters/clientKey';
import type { Accounts, Caller } from './accounts';
import type { Dispatcher } from './events/delivery';
import { openEventStream, type StreamCounter, type StreamTimings } from './events/stream';
import type { SandboxLimits } from './limits';
import type { ProjectRepository } from './state';
import type { KeyValueStore } from './store/types';
import type { ResolvedOptions } from './types';

export const ADMIN_PREFIX = '/__sandbox/';

export interface AdminContext {
  request: Request;
  /** Path below the mount, starting with ADMIN_PREFIX. */
  path: string;
  now: number;
  accounts: Accounts;
  projects: ProjectRepository;
  limits: SandboxLimits;
  store: KeyValueStore;
  options: ResolvedOptions;
  notifications: { dispatcher: Dispatcher; counter: StreamCounter; timings: StreamTimings };
}

const HOUR_MS = 60 * 60_000;

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    // Fresh credentials must never sit in a cache.
    headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers },
  });
}

function refusal(status: number, code: string, message: string, headers?: Record<string, string>): Response {
  return json(status, { error: { code, message } }, headers);
}

const ROUTES: Record<string, string[]> = {
  [`${ADMIN_PREFIX}projects`]: ['POST'],
  [`${ADMIN_PREFIX}project`]: ['GET', 'DELETE'],
  [`${ADMIN_PREFIX}reset`]: ['POST'],
  [`${ADMIN_PREFIX}events`]: ['GET'],
  [`${ADMIN_PREFIX}webhook`]: ['GET', 'PUT', 'DELETE'],
};

/** Answer one administrative request. */
export async function administer(ctx: AdminContext): Promise<Response> {
  const { request, path } = ctx;
  const methods = ROUTES[path];
  if (!methods) {
    const known = Object.entries(ROUTES).map(([route, verbs]) => `${verbs.join('/')} ${route}`);
    return refusal(404, 'not_found', `No administrative path ${path.slice(0, 80)}. The sandbox has: ${known.join('; ')}.`);
  }
  if (!methods.includes(request.method)) {
    return refusal(405, 'method_not_allowed', `${path} takes ${methods.join(' or ')}, not ${request.method}.`, { Allow: methods.join(', ') });
  }
  if (path === `${ADMIN_PREFIX}projects`) return issueProject(ctx);

  const caller = await ctx.accounts.resolve(request.headers.get('authorization'), ['basic', 'bearer'], ctx.now);
  if (caller.verdict !== 'ok') {
    const message =
      caller.verdict === 'missing'
        ? `${path} acts on one project: send that project's credentials (curl -u <customer ID>:<customer secret>).`
        : 'These credentials open no sandbox project: it expired after a week unused, was deleted, or was dropped by a full store. Create a new one with POST /__sandbox/projects.';
    // No WWW-Authenticate: a browser would answer it with its own login dialog over the page that asked.
    return refusal(401, 'unauthorized', message);
  }
  if (path === `${ADMIN_PREFIX}events`) {
    const { dispatcher, counter, timings } = ctx.notifications;
    return openEventStream({ request, appId: caller.appId, ncsSecret: caller.ncsSecret, projects: ctx.projects, now: ctx.options.now, settings: (project) => dispatcher.settings(project), timings, counter });
  }
  if (path === `${ADMIN_PREFIX}webhook`) return webhook(ctx, caller);
  if (request.method === 'GET') return describeProject(ctx, caller);
  if (caller.demo && !ctx.options.demoReset) {
    return refusal(
      403,
      'demo_project_shared',
      "The demo project is shared by every reader of these docs, so it cannot be reset or deleted here. Create your own project (POST /__sandbox/projects) and reset that.",
    );
  }
  await ctx.projects.drop(caller.appId);
  await ctx.limits.reset(caller.appId);
  if (path === `${ADMIN_PREFIX}reset`) return json(200, { reset: true, appId: caller.appId });
  await ctx.accounts.remove(caller.customerId);
  return json(200, { deleted: true, appId: caller.appId });
}

async function issueProject(ctx: AdminContext): Promise<Response> {
  const limit = ctx.options.projectsPerHour;
  // Counted in the store, so the limit holds across every instance of a deployment.
  const window = await ctx.store.takeWindow(`issue:${clientKey((name) => ctx.request.headers.get(name), ctx.options.clientIpHeaders)}`, ctx.now, HOUR_MS, limit);
  if (!window.allowed) {
    const retryAfter = Math.max(1, Math.ceil((window.start + HOUR_MS - ctx.now) / 1000));
    return refusal(
      429,
      'too_many_projects',
      `This network created ${limit} sandbox projects in the last hour. Keep using the one you have, wait ${Math.ceil(retryAfter / 60)} min, or use the shared demo project (demo credentials).`,
      { 'Retry-After': String(retryAfter) },
    );
  }
  return json(201, await ctx.accounts.issue(ctx.now));
}

/** The longest webhook setting body read (a URL in JSON). */
const MAX_WEBHOOK_BODY = 4096;

/** Read, choose or clear the URL the caller's project's notices are POSTed to. */
async function webhook(ctx: AdminContext, caller: Extract<Caller, { verdict: 'ok' }>): Promise<Response> {
  const { dispatcher } = ctx.notifications;
  if (ctx.request.method === 'GET') return json(200, { delivery: dispatcher.settings(await ctx.projects.peek(caller.appId)) });
  if (caller.demo && !ctx.options.demoReset) {
    return refusal(403, 'demo_project_shared', "The demo project is shared by every reader, so its notifications cannot be sent to your server. Create your own project (POST /__sandbox/projects) and set its webhook.");
  }
  let url: string | null = null;
  if (ctx.request.method === 'PUT') {
    let text: string;
    try {
      text = new TextDecoder().decode(await readBodyLimited(ctx.request.body, { maxBytes: MAX_WEBHOOK_BODY, declaredLength: ctx.request.headers.get('content-length') }));
    } catch (error) {
      if (!(error instanceof BodyReadError)) throw error;
      return refusal(error.reason === 'too_large' ? 413 : 408, 'invalid_body', `Send {"url": "https://..."} (at most ${MAX_WEBHOOK_BODY} bytes).`);
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return refusal(400, 'invalid_body', 'The body is not JSON. Send {"url": "https://your.server/agora/notifications"}.');
    }
    const given = (body as { url?: unknown } | null)?.url;
    if (typeof given !== 'string' || given.trim() === '') return refusal(400, 'invalid_body', 'Send {"url": "https://your.server/agora/notifications"}: `url` is missing or not a string.');
    const problem = dispatcher.targetProblem(given.trim());
    if (problem) return refusal(problem.code === 'webhooks_disabled' ? 403 : 400, problem.code, problem.message);
    url = new URL(given.trim()).href;
  }
  const project = await ctx.projects.update(caller.appId, ctx.now, (current) => {
    if (url) current.webhook = url;
    else delete current.webhook;
    return current;
  });
  return json(200, { delivery: dispatcher.settings(project) });
}

async function describeProject(ctx: AdminContext, caller: Extract<Caller, { verdict: 'ok' }>): Promise<Response> {
  if (caller.demo) return json(200, { appId: caller.appId, customerId: caller.customerId, ncsSecret: caller.ncsSecret, demo: true });
  const described = await ctx.accounts.describe(caller.customerId);
  return described ? json(200, { ...described, customerId: caller.customerId, demo: false }) : refusal(401, 'unauthorized', 'This project has just been deleted.');
}
