/**
 * How Cloud Recording's errors look: `{code, reason}` from the service, the
 * gateway's `{message}` for rate limits and most injected faults. Where Agora's
 * status-code page gives a fixed `reason` (`invalid_appid`, `task conflict`, ...)
 * the sandbox answers with exactly that string, because clients match on it;
 * code 2 (invalid parameters) carries a sentence naming the field instead.
 */
import type { ErrorDialect } from '../../sandbox/family';
import { gatewayMessage } from '../../sandbox/errors';
import type { SandboxResult } from '../../sandbox/types';

/** Agora's fixed `{code, reason}` pairs and the HTTP status each comes with (status-codes page). */
export const RECORDING_ERRORS = {
  alreadyStarted: { status: 201, code: 7, reason: 'already started' },
  invalidOperation: { status: 400, code: 49, reason: 'invalid operation' },
  taskConflict: { status: 400, code: 53, reason: 'task conflict' },
  invalidAppId: { status: 400, code: 400, reason: 'invalid_appid' },
  invalidChannelName: { status: 400, code: 401, reason: 'invalid_channel_name' },
  vendorOverLoad: { status: 400, code: 406, reason: 'vendor_over_load' },
  noRecordedData: { status: 206, code: 435, reason: 'no recorded data' },
  workerNotFound: { status: 404, code: 404, reason: 'failed to find worker' },
  noWorker: { status: 500, code: 502, reason: 'Failed to allocate worker' },
} as const;

export type RecordingErrorName = keyof typeof RECORDING_ERRORS;

/** One of Agora's fixed Cloud Recording errors, body exactly as documented. */
export function recordingError(name: RecordingErrorName): SandboxResult {
  const { status, code, reason } = RECORDING_ERRORS[name];
  return { status, body: { code, reason } };
}

export const cloudRecordingDialect: ErrorDialect = {
  error: (status, message, field, reason, options = {}) => ({
    status,
    headers: options.headers,
    body: { code: options.code ?? status, reason: `${message}: ${field ? `${field}: ${reason}` : reason}` },
  }),
  invalidParameter(field, reason) {
    return this.error(400, 'invalid parameter', field, reason, { code: 2 });
  },
  // Agora answers an App ID it does not know at acquire with code 400 `invalid_appid`;
  // the other calls of the family name the same App ID, so they answer alike.
  invalidAppId: () => recordingError('invalidAppId'),
  planLimited: (_limit, retryAfter) => ({ status: 429, headers: { 'Retry-After': String(retryAfter) }, body: { message: gatewayMessage(429) } }),
  qpsLimited: (_text, retryAfter) => ({ status: 429, headers: { 'Retry-After': String(retryAfter) }, body: { message: gatewayMessage(429) } }),
  faultBody: (status) => (status === 500 ? { code: 500, reason: 'internal error' } : { message: gatewayMessage(status) }),
};
