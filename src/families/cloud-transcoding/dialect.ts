/**
 * How Cloud Transcoding's errors look: `{message}` (Agora's status-code page:
 * act on the status, not on the message). The template calls add
 * `status: "error"` (templateError).
 */
import { appIdReason, gatewayFault, gatewayMessage } from '../../sandbox/errors';
import type { ErrorDialect } from '../../sandbox/family';
import type { SandboxResult } from '../../sandbox/types';

const sentence = (field: string, reason: string): string => (field ? `${field}: ${reason}` : reason);

export const cloudTranscodingDialect: ErrorDialect = {
  error: (status, message, field, reason, options = {}) => ({
    status,
    headers: options.headers,
    body: { message: reason ? `${message} ${sentence(field, reason)}`.trim() : message },
  }),
  invalidParameter(field, reason) {
    return { status: 400, body: { message: `invalid parameter: ${sentence(field, reason)}` } };
  },
  invalidAppId(_field, appId, ownAppId) {
    // The status-code page's own sample 400 body, followed by the sandbox's explanation.
    return { status: 400, body: { message: `appid is invalid: ${appIdReason(appId, ownAppId)}` } };
  },
  planLimited: (_limit, retryAfter) => ({ status: 429, headers: { 'Retry-After': String(retryAfter) }, body: { message: gatewayMessage(429) } }),
  qpsLimited: (text, retryAfter) => ({
    status: 429,
    headers: { 'Retry-After': String(retryAfter) },
    body: { message: `${gatewayMessage(429)}: ${text}. Wait ${retryAfter} s and retry.` },
  }),
  faultBody: gatewayFault,
};

/** A template call's refusal: Agora's template error body, `{status: "error", message}`. */
export function templateError(result: SandboxResult): SandboxResult {
  return { ...result, body: { status: 'error', ...(result.body as object) } };
}
