/**
 * How Media Pull's errors look: `{message, reason}` (its troubleshooting table
 * sends readers to `reason`), worded as the best-practice page words them.
 */
import { appIdReason } from '../../sandbox/errors';
import type { ErrorDialect } from '../../sandbox/family';

/** The best-practice page's own wording of these statuses. */
const FAULT_MESSAGES: Record<number, string> = {
  429: 'Request rate limit exceeded.',
  500: 'Some internal error happened. Contact us to help fix it.',
  502: 'Internal errors. Contact us for troubleshooting.',
  503: 'Service unavailable temporarily. Retry with the retreat strategy.',
  504: 'Gateway timeout. Query to check whether the player has been created or to create one instead.',
};

/**
 * The 400 message for a field: the best-practice page's own sentences for
 * `streamUrl` and `channelName`, and the same pattern as the latter for the rest.
 */
export function badRequestMessage(field: string): string {
  const name = field.split('.').pop() ?? field;
  if (name === 'streamUrl') return "The 'streamUrl' parameter is incorrectly formatted.";
  return `The ${name || 'request body'} parameter is invalid. Fix it in your request and retry.`;
}

export const mediaPullDialect: ErrorDialect = {
  error: (status, message, field, reason, options = {}) => ({
    status,
    headers: options.headers,
    body: { message, reason: field ? `${field}: ${reason}` : reason },
  }),
  invalidParameter(field, reason) {
    return this.error(400, badRequestMessage(field), field, reason);
  },
  invalidAppId(field, appId, ownAppId) {
    // Media Pull documents 403 for a project where cloud player is not available.
    return this.error(403, 'Cloud player is not enabled for this project. Contact us to enable it.', field, appIdReason(appId, ownAppId));
  },
  planLimited: (_limit, retryAfter) => ({ status: 429, headers: { 'Retry-After': String(retryAfter) }, body: { message: 'API rate limit exceeded' } }),
  qpsLimited: (text, retryAfter) => ({
    status: 429,
    headers: { 'Retry-After': String(retryAfter) },
    body: { message: FAULT_MESSAGES[429], reason: `${text} Wait ${retryAfter} s and retry.` },
  }),
  faultBody: (status) => ({ message: FAULT_MESSAGES[status] }),
};
