/**
 * The one bounded body reader, shared by the relay (Fetch and Node forms) and
 * the sandbox. Fetch API only (no `node:*`), so Worker bundles can use it.
 *
 * A body is bounded while it streams: the declared Content-Length is checked
 * before a byte is read, the running total after every chunk, and the whole
 * read has one deadline. On refusal the reader is cancelled instead of drained,
 * so a 1 GiB upload costs the server one chunk, not 1 GiB of reading.
 */

/** Default total time a client gets to send its body (a slow upload meets it). */
export const DEFAULT_BODY_DEADLINE_MS = 10_000;

export type BodyRefusal = 'too_large' | 'timeout';

/** A body the reader refused: `status` is the HTTP answer (413 too large, 408 too slow). */
export class BodyReadError extends Error {
  readonly status: 413 | 408;
  constructor(
    readonly reason: BodyRefusal,
    readonly limit: number,
  ) {
    super(
      reason === 'too_large'
        ? `The request body is larger than ${limit} bytes. Send a smaller body.`
        : `The request body did not arrive within ${Math.round(limit / 1000)} s. Send it in one go, or check the connection.`,
    );
    this.name = 'BodyReadError';
    this.status = reason === 'too_large' ? 413 : 408;
  }
}

export interface BodyLimits {
  /** Largest body accepted, in bytes. */
  maxBytes: number;
  /** The request's Content-Length header, if any: a larger declared size is refused before reading. */
  declaredLength?: string | null;
  /** Total time for the whole body (default DEFAULT_BODY_DEADLINE_MS); 0 or less: no deadline. */
  deadlineMs?: number;
}

/** The chunks as one array (the only chunk itself when there is one). */
export function concat(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/**
 * A body as chunks on demand: what `readBodyLimited` needs from a runtime.
 * `read` gives the next chunk (null at the end); `cancel` means nobody will read
 * further, and must not read the rest either. A read pending when `cancel` is
 * called must settle (null or an error): that is how the deadline interrupts it.
 */
export interface BodySource {
  read(): Promise<Uint8Array | null>;
  cancel(): void;
}

/** A web stream as a BodySource (Fetch runtimes; the Node listener's Request body). */
export function streamSource(stream: ReadableStream<Uint8Array>): BodySource {
  const reader = stream.getReader();
  return {
    read: async () => {
      const { done, value } = await reader.read();
      return done ? null : value;
    },
    // Not awaited: a source that never answers must not hold the refusal back.
    cancel: () => void reader.cancel().catch(() => undefined),
  };
}

/**
 * Read a request body into memory, refusing it (BodyReadError) past `maxBytes`
 * or past the deadline. A refused source is cancelled, not read to its end; the
 * runtime decides what cancelling means (the Node sources keep the socket to
 * answer, then the answer closes it).
 */
export async function readBodyLimited(body: ReadableStream<Uint8Array> | BodySource | null, limits: BodyLimits): Promise<Uint8Array> {
  const { maxBytes } = limits;
  const source = body === null ? null : 'getReader' in body ? streamSource(body) : body;
  const declared = limits.declaredLength == null || limits.declaredLength === '' ? NaN : Number(limits.declaredLength);
  if (Number.isFinite(declared) && declared > maxBytes) {
    // Nothing read yet; cancelling tells the source nobody will.
    source?.cancel();
    throw new BodyReadError('too_large', maxBytes);
  }
  if (!source) return new Uint8Array(0);
  const deadlineMs = limits.deadlineMs ?? DEFAULT_BODY_DEADLINE_MS;
  // At the deadline the source is cancelled, which settles the pending read; no Promise.race per chunk
  // (each race allocates promises and reactions, which a small envelope pays on every call).
  let timedOut = false;
  const timer =
    deadlineMs > 0
      ? setTimeout(() => {
          timedOut = true;
          source.cancel();
        }, deadlineMs)
      : undefined;
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const chunk = await source.read();
      if (timedOut) throw new BodyReadError('timeout', deadlineMs);
      if (chunk === null) return concat(chunks, total);
      total += chunk.byteLength;
      if (total > maxBytes) throw new BodyReadError('too_large', maxBytes);
      chunks.push(chunk);
    }
  } catch (error) {
    source.cancel();
    // A read the deadline cancelled may fail in its own words; the refusal is the timeout.
    throw timedOut ? new BodyReadError('timeout', deadlineMs) : error;
  } finally {
    if (timer) clearTimeout(timer);
  }
}
