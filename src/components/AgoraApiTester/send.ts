/**
 * POST the envelope to the relay. Resolves with the relay's result for
 * anything the upstream answered (any HTTP status); rejects with a typed
 * SendError when no upstream answer came back, so the UI can explain it.
 */
import type { RelayAttempt, RelayEnvelope, RelayErrorBody, RelayErrorCode, RelayResult } from '../../relay/core/contract';

export type SendErrorKind = 'timeout' | 'network' | 'blocked' | 'upstream' | 'abort';

export class SendError extends Error {
  constructor(
    readonly kind: SendErrorKind,
    message: string,
    readonly details: { code?: RelayErrorCode; status?: number; attempts?: RelayAttempt[]; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = 'SendError';
  }
}

export interface SendOptions {
  signal?: AbortSignal;
  /** The relay's URL; `/api/relay` on this site. */
  endpoint?: string;
  fetch?: typeof fetch;
  /** Give up after this long even if the relay says nothing (its own budget is 30 s). */
  timeoutMs?: number;
}

const UPSTREAM_CODES: RelayErrorCode[] = ['upstream_unreachable', 'upstream_too_large', 'upstream_redirect'];

function kindOf(code: RelayErrorCode): SendErrorKind {
  if (code === 'upstream_timeout') return 'timeout';
  return UPSTREAM_CODES.includes(code) ? 'upstream' : 'blocked';
}

function isRelayError(value: unknown): value is RelayErrorBody {
  const error = (value as RelayErrorBody | null)?.error;
  return typeof error?.code === 'string' && typeof error.message === 'string';
}

export async function sendToRelay(envelope: RelayEnvelope, options: SendOptions = {}): Promise<RelayResult> {
  const { endpoint = '/api/relay', fetch: fetchImpl = globalThis.fetch.bind(globalThis), timeoutMs = 40_000 } = options;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onAbort = () => controller.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  if (options.signal?.aborted) controller.abort();
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
      if (timedOut) throw new SendError('timeout', `No answer from the relay within ${Math.round(timeoutMs / 1000)} seconds.`);
      if (controller.signal.aborted) throw new SendError('abort', 'You cancelled the request.');
      throw new SendError('network', `The page could not reach the relay at ${endpoint}: ${(error as Error).message}`);
    }
    const text = await response.text();
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
    if (response.status === 200 && data && typeof data === 'object' && 'status' in data) return data as RelayResult;
    if (isRelayError(data)) {
      const retryAfter = Number(response.headers.get('retry-after'));
      throw new SendError(kindOf(data.error.code), data.error.message, {
        code: data.error.code,
        status: response.status,
        attempts: data.attempts,
        retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
      });
    }
    throw new SendError('network', `The relay at ${endpoint} answered HTTP ${response.status} without its usual JSON: is it running on this site?`, {
      status: response.status,
    });
  } catch (error) {
    if (error instanceof SendError) throw error;
    if (timedOut) throw new SendError('timeout', `No answer from the relay within ${Math.round(timeoutMs / 1000)} seconds.`);
    if (controller.signal.aborted) throw new SendError('abort', 'You cancelled the request.');
    throw new SendError('network', (error as Error).message);
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
}
