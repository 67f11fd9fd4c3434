/**
 * The site as one Fetch handler, for serverless runtimes (Vercel, Netlify,
 * Cloudflare Workers). Fetch API only: nothing here may import `node:*` or
 * undici, or a Worker bundle would pull them in.
 */
import { createRelay, relayOptionsFromEnv, type RelayOptions } from '../relay/core/index';
import type { Sandbox } from '../sandbox/index';
import { mountSandbox, relayToSandbox } from './parts';
import { notMounted, route, type PlainAnswer } from './routes';

export type FetchHandler = (request: Request) => Promise<Response>;

export interface FetchSiteOptions {
  /** Settings (RELAY_*, AGORA_*): `process.env`, or a Worker's `env` (default: none). */
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

/** The whole site (relay, sandbox, optional pages) as `(Request) => Promise<Response>`. */
export function createFetchSite(options: FetchSiteOptions = {}): FetchHandler {
  const sandbox = mountSandbox(options.sandbox);
  const parts = {
    relay: createRelay({ ...relayOptionsFromEnv(options.env ?? {}), ...relayToSandbox(sandbox), ...options.relay }),
    sandbox: sandbox?.handler ?? null,
    static: options.static ?? null,
  };
  return async (request) => {
    const part = route(new URL(request.url).pathname);
    if (part === 'relay') return parts.relay(request);
    const handler = parts[part];
    return handler ? handler(request) : toResponse(notMounted(part));
  };
}
