/** How channel management's errors look: `{message}` bodies, `invalid appid` as Agora documents it. */
import { appIdReason, gatewayFault, gatewayMessage } from '../../sandbox/errors';
import type { ErrorDialect } from '../../sandbox/family';

export const channelManagementDialect: ErrorDialect = {
  error: (status, message, field, reason, options = {}) => ({
    status,
    headers: options.headers,
    body: { message: `${message}: ${field ? `${field}: ${reason}` : reason}` },
  }),
  invalidParameter(field, reason) {
    return this.error(400, 'Invalid parameter', field, reason);
  },
  // Agora's documented body, plus the sandbox's hint.
  invalidAppId: (_field, appId, ownAppId) => ({ status: 400, body: { message: 'invalid appid', reason: appIdReason(appId, ownAppId) } }),
  planLimited: (_limit, retryAfter) => ({ status: 429, headers: { 'Retry-After': String(retryAfter) }, body: { message: gatewayMessage(429) } }),
  qpsLimited: (_text, retryAfter) => ({ status: 429, headers: { 'Retry-After': String(retryAfter) }, body: { message: gatewayMessage(429) } }),
  faultBody: gatewayFault,
};
