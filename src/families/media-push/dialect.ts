/**
 * How Media Push's errors look: `{message, reason}`. Agora's status-code table
 * words `message` (its troubleshooting sends readers to `reason` too, and the
 * query call documents `reason` alone), so the sandbox sends both.
 */
import { appIdReason } from '../../sandbox/errors';
import type { ErrorDialect } from '../../sandbox/family';

/** The status-code table's own wording of these statuses, in our words. */
const FAULT_MESSAGES: Record<number, string> = {
  429: 'Request rate limit exceeded.',
  500: 'Internal errors. Contact Agora technical support.',
  502: 'Internal errors. Contact Agora technical support.',
  503: 'The server is temporarily overloaded. Retry with the back-off.',
  504: 'Gateway timeout. Check whether the converter was created; if not, create it again.',
};

/** The 400 message for a field, in the pattern Agora's table gives for `rtmpUrl` and `idleTimeout`. */
export function badRequestMessage(field: string): string {
  const name = field.split('.').pop() || 'request body';
  return `Invalid parameter: ${name}. Replace it and retry.`;
}

export const mediaPushDialect: ErrorDialect = {
  error: (status, message, field, reason, options = {}) => ({
    status,
    headers: options.headers,
    body: { message, reason: field ? `${field}: ${reason}` : reason },
  }),
  invalidParameter(field, reason) {
    return this.error(400, badRequestMessage(field), field, reason);
  },
  invalidAppId(field, appId, ownAppId) {
    // Agora documents 403 for a project that may not use Media Push.
    return this.error(403, 'The project lacks permission to use this function. Contact Agora technical support.', field, appIdReason(appId, ownAppId));
  },
  planLimited: (_limit, retryAfter) => ({ status: 429, headers: { 'Retry-After': String(retryAfter) }, body: { message: 'API rate limit exceeded' } }),
  qpsLimited: (text, retryAfter) => ({
    status: 429,
    headers: { 'Retry-After': String(retryAfter) },
    body: { message: FAULT_MESSAGES[429], reason: `${text} Wait ${retryAfter} s and retry.` },
  }),
  faultBody: (status) => ({ message: FAULT_MESSAGES[status] ?? FAULT_MESSAGES[500] }),
};
