/**
 * The site as a node:http listener, for the production server and the
 * dev-server middleware. The relay route keeps the Node fast path (the relay
 * engine driven straight from node:http, undici upstream, no Fetch objects);
 * the sandbox, a Fetch handler, is adapted with toNodeListener.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { toNodeListener } from '../adapters/node/listener';
import { createNodeRelay } from '../relay/adapters/node/index';
import type { RelayOptions } from '../relay/core/index';
import type { Sandbox } from '../sandbox/index';
import { mountSandbox, relayToSandbox } from './parts';
import { notMounted, route, type PlainAnswer } from './routes';
import { headersByRoute, hostRefusal, isAllowedHost, parseHostList } from './security';

/** A node:http handler; the production pages (`server/static.ts`) are one, and may return a promise. */
export type NodeHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** Connect-style listener: with `next` (dev server), paths the site has no part for are passed on. */
export type NodeSiteListener = (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void) => void;

export interface NodeSiteOptions {
  /** Settings (RELAY_*, AGORA_*, SITE_*, TRUST_PROXY); default `process.env`. */
  env?: Record<string, string | undefined>;
  /** Sandbox to mount; `null` mounts none (503 on /sandbox); default a fresh one. */
  sandbox?: Sandbox | null;
  /** Relay options on top of `env` (tests inject an upstream, a clock, a logger, a rate limit). */
  relay?: Partial<RelayOptions>;
  /** The pages (production: the build directory). Without it: `next()` when given, else 404. */
  static?: NodeHandler | null;
  /** Trust `x-client-ip` from a reverse proxy in front (default: env TRUST_PROXY=1). */
  trustProxy?: boolean;
}

function write(res: ServerResponse, answer: PlainAnswer): void {
  res.writeHead(answer.status, answer.headers);
  res.end(answer.body);
}

/** A failing handler gets its socket destroyed: a half-written response cannot be turned into an error page. */
function run(handler: NodeHandler, req: IncomingMessage, res: ServerResponse): void {
  try {
    handler(req, res)?.catch(() => res.destroy());
  } catch {
    res.destroy();
  }
}

/** The whole site (relay, sandbox, optional pages) as one node:http listener. */
export function createNodeSite(options: NodeSiteOptions = {}): NodeSiteListener {
  const env = options.env ?? process.env;
  const trustProxy = options.trustProxy ?? env.TRUST_PROXY === '1';
  const sandbox = mountSandbox(options.sandbox, env, undefined, 'server');
  const relay = createNodeRelay({ env, ...relayToSandbox(sandbox), ...options.relay });
  const hosts = parseHostList(env.SITE_ALLOWED_HOSTS);
  const secure = headersByRoute(env);
  const parts = {
    sandbox: sandbox ? toNodeListener(sandbox.handler) : null,
    static: options.static ?? null,
  };
  return (req, res, next) => {
    // The request target is origin-form here (node:http), so the path is everything before `?`.
    const part = route((req.url ?? '/').split('?', 1)[0]);
    // DNS rebinding: a foreign name resolving to this machine must not reach any part, dev pages included.
    if (!isAllowedHost(hosts, req.headers.host)) return write(res, hostRefusal(req.headers.host));
    // Requests passed on belong to the dev server: leave them untouched.
    if (part === 'static' && !parts.static && next) return next();
    // Set before the part writes, so every answer carries them (a part's own headers win on a clash).
    for (const [name, value] of Object.entries(secure[part])) res.setHeader(name, value);
    // The relay keys its rate limit on x-client-ip (else the socket address); only a trusted proxy may set it.
    if (!trustProxy) delete req.headers['x-client-ip'];
    if (part === 'relay') return relay(req, res);
    const handler = parts[part];
    if (handler) run(handler, req, res);
    else write(res, notMounted(part));
  };
}
