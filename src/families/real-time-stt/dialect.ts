/**
 * How Real-Time STT 7.x fails: `{"reason", "detail"}` (Agora's migration guide:
 * `reason` says why, `detail` adds the particulars), with the status codes of its
 * common-errors page. A failed query answers `{message, agent_id, status: FAILED}`
 * instead (sandbox.ts builds that one).
 */
import { appIdReason } from '../../sandbox/errors';
import type { ErrorDialect } from '../../sandbox/family';

/** Short reasons, worded as Agora's status-code table words them. */
const FAULT_REASONS: Record<number, string> = {
  429: 'Too many requests.',
  500: 'Internal server error.',
  502: 'Internal server error.',
  503: 'Service temporarily unavailable.',
  504: 'Internal communication error.',
};

/** The reason of a 400 for a request the service cannot read (its v6 wording, still the first words of v7's). */
export const INVALID_REASON = 'body schema check fail';

export const sttDialect: ErrorDialect = {
  error: (status, message, field, reason, options = {}) => ({
    status,
    headers: options.headers,
    body: { reason: message, detail: field ? `${field}: ${reason}` : reason },
  }),
  invalidParameter(field, reason) {
    return this.error(400, INVALID_REASON, field, reason);
  },
  invalidAppId(field, appId, ownAppId) {
    // The common-errors page: invalid_appid when Real-Time STT is not enabled for the App ID.
    return this.error(400, 'invalid_appid', field, appIdReason(appId, ownAppId));
  },
  planLimited: (_limit, retryAfter) => ({ status: 429, headers: { 'Retry-After': String(retryAfter) }, body: { message: 'API rate limit exceeded' } }),
  qpsLimited: (text, retryAfter) => ({
    status: 429,
    headers: { 'Retry-After': String(retryAfter) },
    body: { reason: FAULT_REASONS[429], detail: `${text} Wait ${retryAfter} s and retry.` },
  }),
  faultBody: (status) => ({
    reason: FAULT_REASONS[status] ?? 'Internal server error.',
    detail: status === 504 ? 'The call may have taken effect: query or list the agents before repeating it.' : 'Retry with back-off (1, 3 and 6 seconds).',
  }),
};
