/**
 * What both forms of the site (Fetch handler, Node listener) mount the same
 * way: the sandbox on SANDBOX_BASE_PATH, and the relay wired to that very
 * sandbox, so `/sandbox/...` and the relay's `environment: "sandbox"` share
 * one state (an id acquired on one is valid on the other).
 */
import type { RelayOptions } from '../relay/core/index';
import { createSandbox, type Sandbox } from '../sandbox/index';
import { SANDBOX_BASE_PATH } from './routes';

/** The sandbox a site mounts: the one given, none for `null`, else a fresh one on SANDBOX_BASE_PATH. */
export function mountSandbox(given: Sandbox | null | undefined): Sandbox | null {
  return given === undefined ? createSandbox({ basePath: SANDBOX_BASE_PATH }) : given;
}

/** Relay options that send `environment: "sandbox"` calls to `sandbox` in-process (none: the relay answers 503). */
export function relayToSandbox(sandbox: Sandbox | null): Pick<RelayOptions, 'sandbox' | 'sandboxBasePath'> {
  return sandbox ? { sandbox: sandbox.handler, sandboxBasePath: SANDBOX_BASE_PATH } : {};
}
