/**
 * Error bodies in the shape each part of Agora uses (facts sheet and the
 * catalog's responses): the gateway answers `{message}`, Cloud Recording
 * `{code, reason}`, channel management `{message}`, Media Pull
 * `{message, reason}` (its troubleshooting table sends readers to `reason`) and
 * the guide's examples `{code, message, details{field, reason}}`.
 */
import type { OperationFamily } from '../catalog/types';
import { DEMO } from './demo';
import type { SandboxResult } from './types';

/** Gateway errors, identical for every family. */
export const gateway = {
  unauthorized: (): SandboxResult => ({ status: 401, body: { message: 'Invalid authentication credentials' } }),
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

/**
 * A family-shaped error. `field` is a dotted path (`clientRequest.scene`) or
 * '' when the error is not about one field; `reason` says what is wrong and
 * how to fix it. `code` is Cloud Recording's body code (default: the status).
 */
export function familyError(
  family: OperationFamily,
  status: number,
  message: string,
  field: string,
  reason: string,
  options: { headers?: Record<string, string>; code?: number } = {},
): SandboxResult {
  const located = field ? `${field}: ${reason}` : reason;
  const { headers } = options;
  switch (family) {
    case 'guide':
      return { status, headers, body: { code: status, message, details: { field, reason } } };
    case 'cloud-recording':
      return { status, headers, body: { code: options.code ?? status, reason: `${message}: ${located}` } };
    case 'channel-management':
      return { status, headers, body: { message: `${message}: ${located}` } };
    case 'media-pull':
      return { status, headers, body: { message, reason: located } };
  }
}

/** The guide's own 400 for a bad channel name, word for word. */
export const GUIDE_CHANNEL_ERROR = {
  code: 400,
  message: 'Invalid channel name format',
  details: { field: 'channel', reason: 'Channel name must be alphanumeric and under 64 characters' },
};

/** 400 for a request that breaks the schema or a semantic rule. */
export function invalidParameter(family: OperationFamily, field: string, reason: string): SandboxResult {
  if (family === 'guide' && field === 'channel') return { status: 400, body: GUIDE_CHANNEL_ERROR };
  switch (family) {
    case 'guide':
      return familyError(family, 400, 'Invalid request parameter', field, reason);
    case 'cloud-recording':
      return familyError(family, 400, 'invalid parameter', field, reason, { code: 2 });
    case 'channel-management':
      return familyError(family, 400, 'Invalid parameter', field, reason);
    case 'media-pull':
      return familyError(family, 400, 'Invalid parameter. Fix it in your request and retry.', field, reason);
  }
}

/** Another App ID than the demo one, as each family reports it. */
export function invalidAppId(family: OperationFamily, field: string, appId: string): SandboxResult {
  const reason = `the sandbox only knows the demo App ID ${DEMO.appId} ("${appId.slice(0, 64)}" is not a project here). Use the demo App ID, or switch to Live with your own.`;
  switch (family) {
    case 'channel-management':
      // Agora's documented body, plus the sandbox's hint.
      return { status: 400, body: { message: 'invalid appid', reason } };
    case 'cloud-recording':
      return { status: 400, body: { code: 2, reason: `invalid appid: ${reason}` } };
    case 'guide':
      // The guide's calls document 403 for credentials without access to a project.
      return familyError(family, 403, 'Forbidden', field, `These credentials have no access to this project: ${reason}`);
    case 'media-pull':
      // Media Pull documents 403 for a project where cloud player is not available.
      return familyError(family, 403, 'Cloud player is not enabled for this project. Contact us to enable it.', field, reason);
  }
}

/** 429 past the plan limit (guide shape for the guide's calls, the gateway's otherwise). */
export function planLimited(family: OperationFamily, limit: number, retryAfter: number): SandboxResult {
  const headers = { 'Retry-After': String(retryAfter) };
  if (family === 'guide') {
    return familyError('guide', 429, 'Rate limit exceeded', '', `The Starter plan allows ${limit} requests per minute; retry after ${retryAfter} s.`, { headers });
  }
  return { status: 429, headers, body: { message: 'API rate limit exceeded' } };
}

/** 429 past a QPS limit of the catalog's x-limits. */
export function qpsLimited(family: OperationFamily, text: string, retryAfter: number): SandboxResult {
  const headers = { 'Retry-After': String(retryAfter) };
  const reason = `${text} Wait ${retryAfter} s and retry.`;
  if (family === 'media-pull') return { status: 429, headers, body: { message: 'Request rate limit exceeded.', reason } };
  if (family === 'guide') return familyError('guide', 429, 'Rate limit exceeded', '', reason, { headers });
  return { status: 429, headers, body: { message: 'API rate limit exceeded' } };
}

const GATEWAY_MESSAGES: Record<number, string> = {
  429: 'API rate limit exceeded',
  500: 'An unexpected error occurred',
  502: 'An invalid response was received from the upstream server',
  503: 'Service temporarily unavailable',
  504: 'The upstream server is timing out',
};

/** Media Pull's troubleshooting table words these statuses itself. */
const MEDIA_PULL_MESSAGES: Record<number, string> = {
  429: 'Request rate limit exceeded.',
  500: 'Some internal error happened. Contact us to help fix it.',
  502: 'Internal errors. Contact us for troubleshooting.',
  503: 'Service unavailable temporarily. Retry with the retreat strategy.',
  504: 'Gateway timeout. Query to check whether the player has been created or to create one instead.',
};

const GUIDE_MESSAGES: Record<number, string> = {
  429: 'Rate limit exceeded',
  500: 'Internal server error',
  502: 'Bad gateway',
  503: 'Service unavailable',
  504: 'Gateway timeout',
};

/** The body of an injected 429/5xx, shaped like the family's (gateway's when the path matched nothing). */
export function faultBody(family: OperationFamily | null, status: number): unknown {
  switch (family) {
    case 'guide':
      return { code: status, message: GUIDE_MESSAGES[status], details: { field: '', reason: 'Retry with back-off.' } };
    case 'media-pull':
      return { message: MEDIA_PULL_MESSAGES[status] };
    case 'cloud-recording':
      if (status === 500) return { code: 500, reason: 'internal error' };
      return { message: GATEWAY_MESSAGES[status] };
    default:
      return { message: GATEWAY_MESSAGES[status] };
  }
}
