/**
 * The browser's relay client: POST an envelope to /api/relay and say what came
 * back. Anything the upstream answered (any HTTP status) is `{ ok: true }`;
 * everything else is `{ ok: false }` with a typed error whose message is
 * written for the reader. It never rejects, so callers branch on the result
 * instead of catching.
 */
import type { RelayAttempt, RelayEnvelope, RelayErrorBody, RelayErrorCode, RelayResult } from './contract';

/** Why no upstream answer reached the page. */
export type RelayClientErrorKind = 'timeout' | 'network' | 'blocked' | 'upstream' | 'abort';

export interface RelayClientErrorDetails {
  /** The relay's own code when it refused or gave up (`rate_limited`, `upstream_timeout`, ...). */
  code?: RelayErrorCode;
  /** The relay's HTTP status, when it answered at all. */
  status?: number;
  /** The attempts the relay made before giving up. */
  attempts?: RelayAttempt[];
  retryAfterSeconds?: number;
}

/** A failed call with no upstream answer; `message` says what happened in the reader's words. */
export class RelayClientError extends Error {
  constructor(
    readonly kind: RelayClientErrorKind,
    message: string,
    readonly details: RelayClientErrorDetails = {},
  ) {
    super(message);
    this.name = 'RelayClientError';
  }
}

export type RelayCall = { ok: true; result: RelayResult } | { ok: false; error: RelayClientError };

/** Sends one envelope; `signal` is the reader's Cancel. */
export type RelayClient = (envelope: RelayEnvelope, signal?: AbortSignal) => Promise<RelayCall>;

export interface RelayClientOptions {
  /** The relay's URL; `/api/relay` on this site. */
  endpoint?: string;
  /** Injected in tests; default: the global fetch, looked up per call. */
  fetch?: typeof fetch;
  /** Give up after this long even if the relay says nothing (its own budget is 30 s). */
  timeoutMs?: number;
}

// The relay gave up on the upstream; every other code is the relay refusing the call itself.
const UPSTREAM_CODES: readonly RelayErrorCode[] = ['upstream_unreachable', 'upstream_too_large', 'upstream_redirect'];

function kindOf(code: RelayErrorCode): RelayClientErrorKind {
  if (code === 'upstream_timeout') return 'timeout';
  return UPSTREAM_CODES.includes(code) ? 'upstream' : 'blocked';
}

function isRelayResult(value: unknown): value is RelayResult {
  return value !== null && typeof value === 'object' && typeof (value as { status?: unknown }).status === 'number';
}

function isRelayErrorBody(value: unknown): value is RelayErrorBody {
  const error = (value as RelayErrorBody | null)?.error;
  return typeof error?.code === 'string' && typeof error.message === 'string';
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function failure(kind: RelayClientErrorKind, message: string, details?: RelayClientErrorDetails): RelayCall {
  return { ok: false, error: new RelayClientError(kind, message, details) };
}

/** What the relay's HTTP answer means for the reader. */
function interpret(response: Response, text: string, endpoint: string): RelayCall {
  const data = parseJson(text);
  if (response.status === 200 && isRelayResult(data)) return { ok: true, result: data };
  if (isRelayErrorBody(data)) {
    const retryAfter = Number(response.headers.get('retry-after'));
    return failure(kindOf(data.error.code), data.error.message, {
      code: data.error.code,
      status: response.status,
      attempts: data.attempts,
      retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
    });
  }
  return failure('network', `The relay at ${endpoint} answered HTTP ${response.status} without its usual JSON: is it running on this site?`, {
    status: response.status,
  });
}

/** A client bound to one relay URL. */
export function createRelayClient(options: RelayClientOptions = {}): RelayClient {
  const { endpoint = '/api/relay', timeoutMs = 40_000 } = options;
  // Looked up per call, so a fetch installed after the client was made (tests, polyfills) is used.
  const fetchImpl: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  return async (envelope, signal) => {
    if (signal?.aborted) return failure('abort', 'You cancelled the request.');
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const onAbort = () => controller.abort();
    signal?.addEventListener('abort', onAbort, { once: true });

    /** A fetch or body read that broke: our timer, the reader's Cancel, or the network. */
    const broken = (error: unknown, what: string): RelayCall => {
      if (timedOut) return failure('timeout', `No answer from the relay within ${Math.round(timeoutMs / 1000)} seconds.`);
      if (controller.signal.aborted) return failure('abort', 'You cancelled the request.');
      return failure('network', `${what}: ${error instanceof Error ? error.message : String(error)}`);
    };

    try {
      let response: Response;
      try {
        response = await fetchImpl(endpoint, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(envelope),
          signal: controller.signal,
        });
      } catch (error) {
        return broken(error, `The page could not reach the relay at ${endpoint}`);
      }
      let text: string;
      try {
        text = await response.text();
      } catch (error) {
        return broken(error, `The relay's answer broke off`);
      }
      return interpret(response, text, endpoint);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  };
}
