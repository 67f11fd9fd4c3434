/**
 * The site as one Fetch handler, for serverless runtimes (Vercel, Netlify,
 * Cloudflare Workers). Fetch API only: nothing here may import `node:*` or
 * undici, or a Worker bundle would pull them in.
 */
import { createRelay, relayOptionsFromEnv, type RelayOptions } from '../relay/core/index';
import type { Sandbox } from '../sandbox/index';
import { mountSandbox, relayToSandbox } from './parts';
import { notMounted, route, type PlainAnswer } from './routes';
import { headersByRoute, hostRefusal, isAllowedHost, parseHostList } from './security';

export type FetchHandler = (request: Request) => Promise<Response>;

export interface FetchSiteOptions {
  /** Settings (RELAY_*, AGORA_*, SITE_*): `process.env`, or a Worker's `env` (default: none). */
  env?: Record<string, string | undefined>;
  /** Sandbox to mount; `null` mounts none (503 on /sandbox); default a fresh one. */
  sandbox?: Sandbox | null;
  /** Relay options on top of `env` (the platform's `clientIpHeaders`; tests inject an upstream). */
  relay?: Partial<RelayOptions>;
  /** Pages; serverless platforms serve them from their CDN, so the default is none (404). */
  static?: FetchHandler | null;
}

function toResponse(answer: PlainAnswer): Response {
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
}

/** `response` with `extra` headers it does not set itself (copied: a response from fetch has immutable headers). */
function withHeaders(response: Response, extra: Record<string, string>): Response {
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(extra)) if (!headers.has(name)) headers.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

/** The whole site (relay, sandbox, optional pages) as `(Request) => Promise<Response>`. */
export function createFetchSite(options: FetchSiteOptions = {}): FetchHandler {
  const env = options.env ?? {};
  const sandbox = mountSandbox(options.sandbox, env, options.relay?.clientIpHeaders);
  const parts = {
    relay: createRelay({ ...relayOptionsFromEnv(env), ...relayToSandbox(sandbox), ...options.relay }),
    sandbox: sandbox?.handler ?? null,
    static: options.static ?? null,
  };
  // Platforms route only the domains configured for them, so the Host check is opt-in here (SITE_ALLOWED_HOSTS);
  // the relay's Origin check never trusts Host either way.
  const hosts = env.SITE_ALLOWED_HOSTS ? parseHostList(env.SITE_ALLOWED_HOSTS) : null;
  const secure = headersByRoute(env);
  return async (request) => {
    const url = new URL(request.url);
    const host = request.headers.get('host') ?? url.host;
    if (hosts && !isAllowedHost(hosts, host)) return toResponse(hostRefusal(host));
    const part = route(url.pathname);
    if (part === 'relay') return withHeaders(await parts.relay(request), secure.relay);
    const handler = parts[part];
    return withHeaders(handler ? await handler(request) : toResponse(notMounted(part)), secure[part]);
  };
}
