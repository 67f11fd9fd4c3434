/**
 * The parts of an error that no family owns: the gateway's answers (every
 * Agora family sits behind the same gateway: 401, unknown route, body too
 * large, wrong media type), its standard messages for 429/5xx, and the
 * sandbox's sentence about App IDs it does not hold. Each family's own error
 * shapes are its dialect (`src/families/<family>/dialect.ts`).
 */
import { DEMO } from './demo';
import type { SandboxResult } from './types';

/** Gateway errors, identical for every family. */
export const gateway = {
  /**
   * 401, worded as Agora's gateway words it: `Unauthorized` when the request
   * carries no Authorization header, `Invalid authentication credentials` when
   * it carries one that is wrong (Cloud Recording's status-code page).
   */
  unauthorized: (verdict: 'missing' | 'invalid'): SandboxResult => ({
    status: 401,
    body: { message: verdict === 'missing' ? 'Unauthorized' : 'Invalid authentication credentials' },
  }),
  noRoute: (): SandboxResult => ({ status: 404, body: { message: 'no Route matched with those values' } }),
  tooLarge: (maxBytes: number): SandboxResult => ({
    status: 413,
    body: { message: `Request body is larger than the sandbox accepts (${maxBytes} bytes).` },
  }),
  unsupportedMediaType: (): SandboxResult => ({
    status: 415,
    body: { message: 'Unsupported Media Type: send the body as JSON with "Content-Type: application/json".' },
  }),
};

const GATEWAY_MESSAGES: Record<number, string> = {
  429: 'API rate limit exceeded',
  500: 'An unexpected error occurred',
  502: 'An invalid response was received from the upstream server',
  503: 'Service temporarily unavailable',
  504: 'The upstream server is timing out',
};

/** The gateway's message for a 429 or 5xx status. */
export function gatewayMessage(status: number): string {
  return GATEWAY_MESSAGES[status] ?? 'An unexpected error occurred';
}

/** Why the sandbox refuses an App ID for these credentials, and what to do instead. */
export function appIdReason(appId: string, ownAppId: string): string {
  const whose = ownAppId === DEMO.appId ? 'the shared demo project' : 'your sandbox project';
  return `these credentials open ${whose}, App ID ${ownAppId} ("${appId.slice(0, 64)}" is not it). Use ${ownAppId}, or switch to Live with your own App ID.`;
}

/** A dialect's pieces for a family that answers like the gateway (`{message}` bodies). */
export function gatewayFault(status: number): unknown {
  return { message: gatewayMessage(status) };
}
