/** The relay's own refusals and how upstream failures are classified. */
import {
  CONNECT_ERROR_CODES,
  DNS_ERROR_CODES,
  type NetworkErrorKind,
  type RelayAttempt,
  type RelayErrorCode,
} from '../contract';

/** A refusal the relay answers itself with `{error: {code, message}}`. */
export class RelayError extends Error {
  constructor(
    readonly status: number,
    readonly code: RelayErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
    readonly attempts?: RelayAttempt[],
  ) {
    super(message);
    this.name = 'RelayError';
  }
}

/** A failed attempt that produced no HTTP answer. */
export class NetworkFailure extends Error {
  constructor(
    readonly kind: NetworkErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'NetworkFailure';
  }
}

/** The `code` an undici/Node network error carries, possibly nested in `cause`. */
function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

const DNS = new Set<string>(DNS_ERROR_CODES);
const CONNECT = new Set<string>(CONNECT_ERROR_CODES);

/**
 * Turn whatever an upstream threw into a NetworkFailure. `timedOut` says our own
 * per-attempt timer fired (the abort reason alone cannot tell a timeout from a
 * client that went away).
 */
export function classifyFailure(error: unknown, host: string, timedOut: boolean): NetworkFailure {
  if (error instanceof NetworkFailure) return error;
  if (timedOut) return new NetworkFailure('timeout', `${host} did not answer within the per-attempt time limit.`);
  const code = errorCode(error);
  if (code && DNS.has(code)) return new NetworkFailure('dns', `${host} could not be resolved (DNS ${code}).`);
  if (code && CONNECT.has(code)) return new NetworkFailure('connect', `Could not connect to ${host} (${code}); the request never reached it.`);
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
    return new NetworkFailure('timeout', `${host} stopped answering (${code}).`);
  }
  // Only a network error code goes into the message: an exception's own text can hold internals
  // (or echo client input), and this message reaches the client in `attempts`.
  const detail = code && /^[A-Z0-9_]{1,40}$/.test(code) ? ` (${code})` : '';
  return new NetworkFailure('reset', `The connection to ${host} failed mid-request${detail}; it may have reached the server.`);
}

/** Longest client-supplied value an answer or a log line repeats. */
export const MAX_ECHO_CHARS = 64;

/**
 * A client value cut to `max` characters with an ellipsis, for messages and
 * logs: a 900 KB operationId must not come back, or reach the log, at 900 KB.
 * Cuts before a high surrogate so the result stays valid UTF-16.
 */
export function clip(value: string, max = MAX_ECHO_CHARS): string {
  if (value.length <= max) return value;
  let end = max;
  const code = value.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return `${value.slice(0, end)}…`;
}
