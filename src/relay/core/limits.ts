/** Size limits while streaming, and the per-client rate limit. */
import { BodyReadError, concat, readBodyLimited, type BodySource } from '../../adapters/body';
import { NetworkFailure, RelayError } from './errors';
import { StoreUnavailableError, type KeyValueStore } from '../../sandbox/store/types';
import type { UpstreamAnswer } from './options';

/** Read chunks up to `max` bytes; past it, stop reading (which releases the source) and give null. */
export async function readLimited(body: AsyncIterable<Uint8Array> | null, max: number): Promise<Uint8Array | null> {
  if (!body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of body) {
    total += chunk.byteLength;
    if (total > max) return null;
    chunks.push(chunk);
  }
  return concat(chunks, total);
}

export function bodyTooLarge(max: number): RelayError {
  return new RelayError(413, 'body_too_large', `The envelope is larger than ${max} bytes. Send a smaller body.`);
}

/** The shared reader's refusal as the relay's own error (413 body_too_large, 408 body_timeout). */
export function relayBodyError(error: unknown): RelayError {
  if (error instanceof BodyReadError) {
    return error.reason === 'too_large' ? bodyTooLarge(error.limit) : new RelayError(408, 'body_timeout', error.message);
  }
  // The stream broke (the client went away mid-body): a refusal, not a relay bug to log as internal.
  const detail = error instanceof Error ? error.message : String(error);
  return new RelayError(400, 'bad_envelope', `The request body could not be read (${detail}). Send it again.`);
}

/**
 * The client's envelope from a body stream, refused with 413 past `max`
 * (Content-Length first, then while streaming) and 408 past the body deadline.
 * Both forms of the relay (Fetch, Node) read through here.
 */
// Stateless when not streaming, so one decoder serves every call.
const UTF8 = new TextDecoder();

export async function readEnvelopeBody(body: ReadableStream<Uint8Array> | BodySource | null, declaredLength: string | null | undefined, max: number, deadlineMs?: number): Promise<string> {
  try {
    return UTF8.decode(await readBodyLimited(body, { maxBytes: max, declaredLength, deadlineMs }));
  } catch (error) {
    throw relayBodyError(error);
  }
}

/** The client's envelope from a Fetch Request (see readEnvelopeBody). */
export function readRequestBody(request: Request, max: number): Promise<string> {
  return readEnvelopeBody(request.body, request.headers.get('content-length'), max);
}

/**
 * The upstream's body, capped after decompression (upstreams hand over decoded
 * bytes): every byte, or null once more than `max` arrived (see `upstreamTooLarge`).
 */
export function readUpstreamBody(answer: UpstreamAnswer, max: number): Promise<Uint8Array | null> {
  return answer.collect && answer.body ? answer.collect(max) : readLimited(answer.body, max);
}

/** The failure for an answer past the cap. */
export function upstreamTooLarge(host: string, max: number): NetworkFailure {
  return new NetworkFailure('too-large', `${host} sent more than ${Math.round(max / 1024 / 1024)} MiB; the relay stopped reading.`);
}

export interface RateLimitOptions {
  /** Requests per window per client (default 120). */
  max: number;
  /** Window length in ms (default 60 000). */
  windowMs: number;
}

/**
 * Fixed-window counter per client key, kept in the store the sandbox uses, so
 * on a deployment with a shared store (SANDBOX_STORE=redis://…) the limit holds
 * across every instance; the store's expiry drops old windows.
 */
export function createRateLimiter(options: RateLimitOptions, now: () => number, store: KeyValueStore) {
  return async function take(key: string): Promise<{ ok: true } | { ok: false; retryAfterSeconds: number }> {
    const t = now();
    let window;
    try {
      window = await store.takeWindow(`relay:${key}`, t, options.windowMs, options.max);
    } catch (error) {
      // A store outage must not take Live calls down with it: the limit fails open until the store is back
      // (the sandbox, which needs the store for its state, answers 503 meanwhile).
      if (error instanceof StoreUnavailableError) return { ok: true };
      throw error;
    }
    if (window.allowed) return { ok: true };
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((window.start + options.windowMs - t) / 1000)) };
  };
}
