/** Size limits while streaming, and the per-client rate limit. */
import { NetworkFailure, RelayError } from './errors';
import type { UpstreamAnswer } from './options';
import { iterateStream } from './upstream';

/** Read chunks up to `max` bytes; past it, stop reading (which releases the source) and throw `onTooLarge()`. */
export async function readLimited(body: AsyncIterable<Uint8Array> | null, max: number, onTooLarge: () => Error): Promise<Uint8Array> {
  if (!body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of body) {
    total += chunk.byteLength;
    if (total > max) throw onTooLarge();
    chunks.push(chunk);
  }
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

export function bodyTooLarge(max: number): RelayError {
  return new RelayError(413, 'body_too_large', `The envelope is larger than ${max} bytes. Send a smaller body.`);
}

/** The client's envelope from a Fetch Request, refused with 413 past `max` (Content-Length first, then while reading). */
export async function readRequestBody(request: Request, max: number): Promise<string> {
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > max) throw bodyTooLarge(max);
  const bytes = await readLimited(request.body ? iterateStream(request.body) : null, max, () => bodyTooLarge(max));
  return new TextDecoder().decode(bytes);
}

/** The upstream's body, capped after decompression (upstreams hand over decoded bytes). */
export function readUpstreamBody(answer: UpstreamAnswer, max: number, host: string): Promise<Uint8Array> {
  const tooLarge = () => new NetworkFailure('too-large', `${host} sent more than ${Math.round(max / 1024 / 1024)} MiB; the relay stopped reading.`);
  if (answer.collect && answer.body) return answer.collect(max, tooLarge);
  return readLimited(answer.body, max, tooLarge);
}

export interface RateLimitOptions {
  /** Requests per window per client (default 120). */
  max: number;
  /** Window length in ms (default 60 000). */
  windowMs: number;
}

/** Fixed-window counter per client key; old windows are dropped as they expire. */
export function createRateLimiter(options: RateLimitOptions, now: () => number) {
  const windows = new Map<string, { start: number; count: number }>();
  let lastSweep = now();
  return function take(key: string): { ok: true } | { ok: false; retryAfterSeconds: number } {
    const t = now();
    if (t - lastSweep > options.windowMs) {
      for (const [k, w] of windows) if (t - w.start >= options.windowMs) windows.delete(k);
      lastSweep = t;
    }
    let window = windows.get(key);
    if (!window || t - window.start >= options.windowMs) {
      window = { start: t, count: 0 };
      windows.set(key, window);
    }
    window.count += 1;
    if (window.count <= options.max) return { ok: true };
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((window.start + options.windowMs - t) / 1000)) };
  };
}
