/**
 * What both forms of the site (Fetch handler, Node listener) mount the same
 * way: the sandbox on SANDBOX_BASE_PATH, and the relay wired to that very
 * sandbox, so `/sandbox/...` and the relay's `environment: "sandbox"` share
 * one state (an id acquired on one is valid on the other).
 */
import type { RelayOptions } from '../relay/core/index';
import { parseAllowList, type WebhookOptions } from '../sandbox/events/delivery';
import { createSandbox, type Sandbox } from '../sandbox/index';
import { createStore } from '../sandbox/store/index';
import { SANDBOX_BASE_PATH } from './routes';

/**
 * The sandbox a site mounts: the one given, none for `null`, else one on
 * SANDBOX_BASE_PATH built from the settings: its store from SANDBOX_STORE
 * (memory when unset) and SANDBOX_STORE_PREFIX, the per-client project limit
 * from SANDBOX_PROJECTS_PER_HOUR, the client from `clientIpHeaders`, and, on a
 * long-running server, webhook delivery from SANDBOX_WEBHOOK_URL and SANDBOX_WEBHOOK_ALLOW.
 */
export function mountSandbox(
  given: Sandbox | null | undefined,
  env: Record<string, string | undefined> = {},
  clientIpHeaders?: string[],
  runtime: 'server' | 'serverless' = 'serverless',
): Sandbox | null {
  if (given !== undefined) return given;
  const perHour = Number(env.SANDBOX_PROJECTS_PER_HOUR);
  return createSandbox({
    basePath: SANDBOX_BASE_PATH,
    store: createStore(env.SANDBOX_STORE, { prefix: env.SANDBOX_STORE_PREFIX, token: env.SANDBOX_STORE_TOKEN }),
    clientIpHeaders,
    projectsPerHour: Number.isInteger(perHour) && perHour > 0 ? perHour : undefined,
    webhooks: webhooksFromEnv(env, runtime),
  });
}

/**
 * Webhook delivery from the settings. It needs a process that outlives the request (a
 * notice is sent after the answer, a retry seconds later), so a serverless runtime
 * (Workers, Vercel, Netlify) delivers nowhere and says so once.
 */
export function webhooksFromEnv(env: Record<string, string | undefined>, runtime: 'server' | 'serverless'): WebhookOptions | undefined {
  const url = env.SANDBOX_WEBHOOK_URL?.trim() || undefined;
  const allow = parseAllowList(env.SANDBOX_WEBHOOK_ALLOW);
  if (!url && allow.length === 0) return undefined;
  if (runtime === 'serverless') {
    console.warn('SANDBOX_WEBHOOK_URL / SANDBOX_WEBHOOK_ALLOW are ignored here: webhook delivery needs a long-running server (npm run serve, Docker). The Events panel still shows every notification.');
    return undefined;
  }
  return { url, allow };
}

/** Relay options that send `environment: "sandbox"` calls to `sandbox` in-process (none: the relay answers 503). */
export function relayToSandbox(sandbox: Sandbox | null): Pick<RelayOptions, 'sandbox' | 'sandboxBasePath' | 'store'> {
  // The relay's rate limit counts in the sandbox's store, so one setting (SANDBOX_STORE) shares both across instances.
  return sandbox ? { sandbox: sandbox.handler, sandboxBasePath: SANDBOX_BASE_PATH, store: sandbox.store } : {};
}
