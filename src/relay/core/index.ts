/** Public entry of the relay core: `createRelay(options)` serves POST /api/relay as a Fetch handler. */
import { getOperation } from '../../catalog';
import { createRelayHandler } from './relay';
import type { RelayOptions } from './options';

export type { RelayOptions, Upstream, RelayLogger, RelayLogEntry, RelayLimits, ServerCredentials } from './options';
export type { RawUpstream, UpstreamCall, UpstreamAnswer } from './options';
export { relayOptionsFromEnv, DEFAULT_LIMITS } from './options';
export { createRelayEngine, type RelayInput, type RelayOutput } from './relay';
export * from '../contract';

/** The relay handler; the catalog lookup defaults to `src/catalog`. */
export function createRelay(options: RelayOptions = {}): (req: Request) => Promise<Response> {
  return createRelayHandler({ ...options, getOperation: options.getOperation ?? getOperation });
}
