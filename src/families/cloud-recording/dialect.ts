/**
 * How Cloud Recording's errors look: `{code, reason}` from the service, the
 * gateway's `{message}` for rate limits and most injected faults.
 */
import type { ErrorDialect } from '../../sandbox/family';
import { appIdReason, gatewayMessage } from '../../sandbox/errors';

export const cloudRecordingDialect: ErrorDialect = {
  error: (status, message, field, reason, options = {}) => ({
    status,
    headers: options.headers,
    body: { code: options.code ?? status, reason: `${message}: ${field ? `${field}: ${reason}` : reason}` },
  }),
  invalidParameter(field, reason) {
    return this.error(400, 'invalid parameter', field, reason, { code: 2 });
  },
  invalidAppId: (_field, appId) => ({ status: 400, body: { code: 2, reason: `invalid appid: ${appIdReason(appId)}` } }),
  planLimited: (_limit, retryAfter) => ({ status: 429, headers: { 'Retry-After': String(retryAfter) }, body: { message: gatewayMessage(429) } }),
  qpsLimited: (_text, retryAfter) => ({ status: 429, headers: { 'Retry-After': String(retryAfter) }, body: { message: gatewayMessage(429) } }),
  faultBody: (status) => (status === 500 ? { code: 500, reason: 'internal error' } : { message: gatewayMessage(status) }),
};
