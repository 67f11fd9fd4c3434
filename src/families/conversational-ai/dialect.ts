/**
 * How Conversational AI's errors look: `{detail, reason}` (Agora's ErrorResponse),
 * `reason` one of the names on Agora's status-code page (InvalidRequestBody,
 * MissingRequiredField, InvalidFieldValue, TaskConflict, TaskNotFound, ...),
 * `detail` a sentence naming the field or agent. 401 comes from the gateway.
 */
import { appIdReason, gatewayMessage } from '../../sandbox/errors';
import type { ErrorDialect } from '../../sandbox/family';
import type { SandboxResult } from '../../sandbox/types';

/** The `reason` names Agora's status-code page lists, by the status each comes with. */
export type CaiReason =
  | 'InvalidRequestBody'
  | 'MissingRequiredField'
  | 'InvalidFieldValue'
  | 'ServiceNotEnabled'
  | 'TaskNotFound'
  | 'TaskConflict'
  | 'ConcurrencyLimitExceeded'
  | 'InternalError'
  | 'ServiceUnavailable';

const FAULT_REASONS: Record<number, CaiReason> = { 500: 'InternalError', 503: 'ServiceUnavailable' };

/** An error in Agora's shape. */
export function caiError(status: number, reason: CaiReason, detail: string, headers?: Record<string, string>): SandboxResult {
  return { status, headers, body: { detail, reason } };
}

/** The reason for a refused field: a missing one, a body that is no JSON, or a wrong value. */
function fieldReason(field: string, reason: string): CaiReason {
  if (field === 'body' && reason.startsWith('is not valid JSON')) return 'InvalidRequestBody';
  return reason.startsWith('is required') ? 'MissingRequiredField' : 'InvalidFieldValue';
}

export const conversationalAiDialect: ErrorDialect = {
  error: (status, message, field, reason, options = {}) => ({
    status,
    headers: options.headers,
    body: { detail: field ? `${field}: ${reason}` : reason, reason: message },
  }),
  invalidParameter: (field, reason) => caiError(400, fieldReason(field, reason), `${field}: ${reason}`),
  // Agora answers 403 ServiceNotEnabled for a project the service is not enabled for; an App ID
  // other than the credentials' own project is one, as far as these credentials go.
  invalidAppId: (field, appId, ownAppId) => caiError(403, 'ServiceNotEnabled', `${field}: ${appIdReason(appId, ownAppId)}`),
  planLimited: (_limit, retryAfter) => ({ status: 429, headers: { 'Retry-After': String(retryAfter) }, body: { message: gatewayMessage(429) } }),
  // Agora documents 429 with no reason name of its own: the gateway answers it.
  qpsLimited: (_text, retryAfter) => ({ status: 429, headers: { 'Retry-After': String(retryAfter) }, body: { message: gatewayMessage(429) } }),
  faultBody: (status) => {
    const reason = FAULT_REASONS[status];
    return reason ? { detail: gatewayMessage(status), reason } : { message: gatewayMessage(status) };
  },
};
