/**
 * How the guide's example calls answer errors: `{code, message, details{field, reason}}`,
 * with the guide's own 400 body, word for word, for a bad channel name.
 */
import { appIdReason } from '../../sandbox/errors';
import type { ErrorDialect } from '../../sandbox/family';

/** The guide's own 400 for a bad channel name, word for word. */
export const GUIDE_CHANNEL_ERROR = {
  code: 400,
  message: 'Invalid channel name format',
  details: { field: 'channel', reason: 'Channel name must be alphanumeric and under 64 characters' },
};

const FAULT_MESSAGES: Record<number, string> = {
  429: 'Rate limit exceeded',
  500: 'Internal server error',
  502: 'Bad gateway',
  503: 'Service unavailable',
  504: 'Gateway timeout',
};

export const guideDialect: ErrorDialect = {
  error: (status, message, field, reason, options = {}) => ({
    status,
    headers: options.headers,
    body: { code: status, message, details: { field, reason } },
  }),
  invalidParameter(field, reason) {
    if (field === 'channel') return { status: 400, body: GUIDE_CHANNEL_ERROR };
    return this.error(400, 'Invalid request parameter', field, reason);
  },
  invalidAppId(field, appId, ownAppId) {
    // The guide's calls document 403 for credentials without access to a project.
    return this.error(403, 'Forbidden', field, `These credentials have no access to this project: ${appIdReason(appId, ownAppId)}`);
  },
  planLimited(limit, retryAfter) {
    return this.error(429, 'Rate limit exceeded', '', `The Starter plan allows ${limit} requests per minute; retry after ${retryAfter} s.`, {
      headers: { 'Retry-After': String(retryAfter) },
    });
  },
  qpsLimited(text, retryAfter) {
    return this.error(429, 'Rate limit exceeded', '', `${text} Wait ${retryAfter} s and retry.`, { headers: { 'Retry-After': String(retryAfter) } });
  },
  faultBody: (status) => ({ code: status, message: FAULT_MESSAGES[status], details: { field: '', reason: 'Retry with back-off.' } }),
};
