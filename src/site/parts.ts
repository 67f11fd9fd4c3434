/**
 * What both forms of the site (Fetch handler, Node listener) mount the same
 * way: the sandbox on SANDBOX_BASE_PATH, and the relay wired to that very
 * sandbox, so `/sandbox/...` and the relay's `environment: "sandbox"` share
 * one state (an id acquired on one is valid on the other).
 */
import type { RelayOptions } from '../relay/core/index';
import { createSandbox, type Sandbox } from '../sandbox/index';
import { createStore } from '../sandbox/store/index';
import { SANDBOX_BASE_PATH } from './routes';

/**
 * The sandbox a site mounts: the one given, none for `null`, else one on
 * SANDBOX_BASE_PATH built from the settings: its store from SANDBOX_STORE
 * (memory when unset) and SANDBOX_STORE_PREFIX, the per-client project limit
 * from SANDBOX_PROJECTS_PER_HOUR, the client from `clientIpHeaders`.
 */
export function mountSandbox(given: Sandbox | null | undefined, env: Record<string, string | undefined> = {}, clientIpHeaders?: string[]): Sandbox | null {
  if (given !== undefined) return given;
  const perHour = Number(env.SANDBOX_PROJECTS_PER_HOUR);
  return createSandbox({
    basePath: SANDBOX_BASE_PATH,
    store: createStore(env.SANDBOX_STORE, { prefix: env.SANDBOX_STORE_PREFIX, token: env.SANDBOX_STORE_TOKEN }),
    clientIpHeaders,
    projectsPerHour: Number.isInteger(perHour) && perHour > 0 ? perHour : undefined,
  });
}

/** Relay options that send `environment: "sandbox"` calls to `sandbox` in-process (none: the relay answers 503). */
export function relayToSandbox(sandbox: Sandbox | null): Pick<RelayOptions, 'sandbox' | 'sandboxBasePath' | 'store'> {
  // The relay's rate limit counts in the sandbox's store, so one setting (SANDBOX_STORE) shares both across instances.
  return sandbox ? { sandbox: sandbox.handler, sandboxBasePath: SANDBOX_BASE_PATH, store: sandbox.store } : {};
}
