/** What the serverless entries share: the relay (global fetch upstream) plus an in-process sandbox. */
import { createSandbox } from '../../sandbox/index';
import { createRelay, relayOptionsFromEnv } from '../core/index';

/** Build a relay for a platform; `clientIpHeaders` names the header the platform sets and clients cannot forge. */
export function createServerlessRelay(env: Record<string, string | undefined>, clientIpHeaders: string[]) {
  const sandbox = createSandbox();
  return createRelay({ ...relayOptionsFromEnv(env), sandbox: sandbox.handler, clientIpHeaders });
}
