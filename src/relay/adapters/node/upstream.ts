/**
 * The Node upstream: undici's dispatcher driven through its handler interface
 * (`dispatch(options, handler)`) as a RawUpstream. undici's `request` wraps
 * every answer in an async resource and a Readable stream, which cost more per
 * call than all of the relay's own checks (bench:relay, issue 17); the handler
 * below keeps the answer's chunks in an array until the core collects them.
 * Bodies are decoded here, so the core's 10 MiB cap counts decompressed bytes
 * whatever the upstream.
 */
import { STATUS_CODES } from 'node:http';
import type { Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { Agent, type Dispatcher } from 'undici';
import { concat } from '../../../adapters/body';
import type { AbortLike } from '../../core/abort';
import type { RawUpstream, UpstreamAnswer, UpstreamCall } from '../../core/options';

const NULL_BODY = new Set([101, 204, 205, 304]);

/**
 * Bytes an answer may buffer before anyone reads it (the headers arrive first,
 * and the core asks for the body a moment later). Past it, undici stops
 * reading the socket until the body is read; a usual answer is far smaller and
 * arrives with its headers in one go.
 */
const UNREAD_BYTES = 64 * 1024;

function decoderFor(encoding: string | undefined): Transform | null {
  switch (encoding?.trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'deflate':
      return createInflate();
    case 'br':
      return createBrotliDecompress();
    default:
      return null;
  }
}

/** A lower-case host name or IPv4 address, with an optional port. */
const PLAIN_HOST = /^[a-z0-9.:-]+$/;
/** Printable ASCII but `#` and `\` (no space, control or non-ASCII character). */
const PLAIN_PATH = /^[\x21\x22\x24-\x5b\x5d-\x7e]*$/;

/**
 * `http(s)://host[:port]/path?query` as undici's `origin` and `path`, without
 * a URL parse on every call; null for anything that is not plainly that shape
 * (the caller then parses it). The relay builds these URLs itself from the
 * catalog (hosts are lower-case names, parameters are percent-encoded), so the
 * fast path is the usual one, and it only accepts text a URL parse would leave
 * unchanged: a lower-case host, printable ASCII without `\`, `#` or dot segments.
 */
export function splitUpstreamUrl(url: string): { origin: string; path: string } | null {
  const start = url.startsWith('https://') ? 8 : url.startsWith('http://') ? 7 : 0;
  if (start === 0) return null;
  const slash = url.indexOf('/', start);
  if (slash === -1 || slash === start) return null;
  const origin = url.slice(0, slash);
  const path = url.slice(slash);
  // `/.` may start a dot segment, which a URL parse would resolve.
  if (!PLAIN_HOST.test(origin.slice(start)) || !PLAIN_PATH.test(path) || path.includes('/.')) return null;
  return { origin, path };
}

/** Any other URL, parsed: undici wants the origin and the path apart. */
function parsedUpstreamUrl(url: string): { origin: string; path: string } {
  const parsed = new URL(url);
  return { origin: parsed.origin, path: `${parsed.pathname}${parsed.search}` };
}

/** undici's raw header list (name, value, name, value, ...) as lower-case names, repeated values joined with ", ". */
function headerRecord(raw: ReadonlyArray<Buffer | string>): Record<string, string> {
  const headers: Record<string, string> = Object.create(null);
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = (typeof raw[i] === 'string' ? (raw[i] as string) : (raw[i] as Buffer).toString('latin1')).toLowerCase();
    const value = typeof raw[i + 1] === 'string' ? (raw[i + 1] as string) : (raw[i + 1] as Buffer).toString('utf8');
    const before = headers[name];
    headers[name] = before === undefined ? value : `${before}, ${value}`;
  }
  return headers;
}

/**
 * One upstream call: undici's handler while the answer arrives, and the
 * answer the core reads. One object per call; its methods are shared, not
 * closures built (and, under tsx, named) on every call.
 *
 * Ends: the core collects the body (`collect`), or iterates it and stops early
 * (a redirect: the request is aborted, which closes its connection), or the call's
 * signal fires (its timeout, or the client left), which aborts the request and
 * fails whatever is waiting.
 */
class Exchange implements Dispatcher.DispatchHandlers, UpstreamAnswer {
  status = 0;
  statusText = '';
  headers: Record<string, string> = Object.create(null);
  body: AsyncIterable<Uint8Array> | null = null;

  private abortRequest: ((reason?: Error) => void) | null = null;
  private resumeReading: (() => void) | null = null;
  /** Before the head arrives, the send promise's settlers; null once settled. */
  private head: { resolve: (answer: UpstreamAnswer) => void; reject: (error: unknown) => void } | null;
  private readonly chunks: Buffer[] = [];
  private total = 0;
  private ended = false;
  private failure: unknown = null;
  private decoder: Transform | null = null;
  /** Set once the body is read whole (`collect`). */
  private reader: { max: number; resolve: (bytes: Uint8Array | null) => void; reject: (error: unknown) => void } | null = null;
  private wakeIterator: (() => void) | null = null;
  private readonly onSignal: () => void;

  constructor(
    private readonly method: string,
    private readonly signal: AbortLike,
    resolve: (answer: UpstreamAnswer) => void,
    reject: (error: unknown) => void,
  ) {
    this.head = { resolve, reject };
    this.onSignal = this.signalled.bind(this);
    signal.addEventListener('abort', this.onSignal);
  }

  // --- undici's side ---

  onConnect(abort: (reason?: Error) => void): void {
    // The signal may have fired while the request waited for a connection.
    if (this.signal.aborted) abort(this.signal.reason as Error);
    else this.abortRequest = abort;
  }

  onHeaders(statusCode: number, rawHeaders: Buffer[] | string[] | null, resume: () => void): boolean {
    // Informational answers (100 Continue, 103 Early Hints) precede the real one.
    if (statusCode < 200) return true;
    this.status = statusCode;
    this.statusText = STATUS_CODES[statusCode] ?? '';
    this.headers = headerRecord(rawHeaders ?? []);
    this.resumeReading = resume;
    if (!NULL_BODY.has(statusCode) && this.method !== 'HEAD') {
      this.body = this;
      const decoder = decoderFor(this.headers['content-encoding']);
      if (decoder) this.decodeWith(decoder);
    }
    const head = this.head!;
    this.head = null;
    head.resolve(this);
    return true;
  }

  onData(chunk: Buffer): boolean {
    // After a failure (the cap, a broken compressed body) nothing more is wanted; the request is being aborted.
    if (this.failure) return false;
    if (this.decoder) this.decoder.write(chunk);
    else if (this.body) this.accept(chunk);
    // Keep reading while someone reads, or while what waits is small.
    return this.reader !== null || this.wakeIterator !== null || this.total < UNREAD_BYTES;
  }

  onComplete(): void {
    if (this.decoder) this.decoder.end();
    else this.finish();
  }

  onError(error: Error): void {
    this.fail(error);
  }

  // --- the core's side (UpstreamAnswer) ---

  collect(max: number): Promise<Uint8Array | null> {
    return new Promise((resolve, reject) => {
      this.reader = { max, resolve, reject };
      if (this.failure) reject(this.failure);
      else if (this.total > max) this.tooLarge();
      else if (this.ended) resolve(concat(this.chunks, this.total));
      else this.resumeReading?.();
    });
  }

  /** Chunk by chunk (the core only iterates to drop a body it will not read); stopping early aborts the request. */
  async *[Symbol.asyncIterator](): AsyncGenerator<Uint8Array> {
    let next = 0;
    try {
      for (;;) {
        if (next < this.chunks.length) yield this.chunks[next++];
        else if (this.failure) throw this.failure;
        else if (this.ended) return;
        else {
          this.resumeReading?.();
          await new Promise<void>((resolve) => (this.wakeIterator = resolve));
        }
      }
    } finally {
      if (!this.ended && !this.failure) this.abort(new Error('the relay stopped reading this answer'));
    }
  }

  // --- shared ---

  private decodeWith(decoder: Transform): void {
    this.decoder = decoder;
    decoder.on('data', (chunk: Buffer) => this.accept(chunk));
    decoder.on('end', () => this.finish());
    decoder.on('error', (error: Error) => this.fail(error));
    delete this.headers['content-encoding'];
    delete this.headers['content-length'];
  }

  private accept(chunk: Buffer): void {
    if (this.ended || this.failure) return;
    this.total += chunk.length;
    if (this.reader && this.total > this.reader.max) {
      this.tooLarge();
      return;
    }
    this.chunks.push(chunk);
    this.wake();
  }

  private finish(): void {
    if (this.ended || this.failure) return;
    this.ended = true;
    this.detach();
    this.reader?.resolve(concat(this.chunks, this.total));
    this.wake();
  }

  private fail(error: unknown): void {
    if (this.ended || this.failure) return;
    this.failure = error;
    // Stop the request too when the failure is ours (a broken compressed body); after undici's own error it is a no-op.
    this.abort(error as Error);
    this.detach();
    this.decoder?.destroy();
    if (this.head) {
      const head = this.head;
      this.head = null;
      head.reject(error);
    }
    this.reader?.reject(error);
    this.wake();
  }

  /** Past the cap: stop reading (the request is aborted, which closes its connection) and give null. */
  private tooLarge(): void {
    const reader = this.reader!;
    this.reader = null;
    this.chunks.length = 0;
    this.fail(new Error('the answer is larger than the relay reads'));
    reader.resolve(null);
  }

  private abort(reason: Error): void {
    const abort = this.abortRequest;
    this.abortRequest = null;
    abort?.(reason);
  }

  private signalled(): void {
    this.fail(this.signal.reason);
  }

  private detach(): void {
    this.signal.removeEventListener('abort', this.onSignal);
    this.abortRequest = null;
  }

  private wake(): void {
    const wake = this.wakeIterator;
    this.wakeIterator = null;
    wake?.();
  }
}

export interface UndiciUpstreamOptions {
  /** Custom dispatcher (tests); default: a keep-alive Agent. */
  dispatcher?: Dispatcher;
}

export function createUndiciUpstream(options: UndiciUpstreamOptions = {}): RawUpstream {
  const dispatcher = options.dispatcher ?? new Agent({ keepAliveTimeout: 10_000, connect: { timeout: 10_000 } });
  return {
    send(call: UpstreamCall): Promise<UpstreamAnswer> {
      if (call.signal.aborted) return Promise.reject(call.signal.reason);
      const { origin, path } = splitUpstreamUrl(call.url) ?? parsedUpstreamUrl(call.url);
      return new Promise((resolve, reject) => {
        const exchange = new Exchange(call.method, call.signal, resolve, reject);
        // Redirects are reported by the core, never followed (no `maxRedirections`).
        dispatcher.dispatch({ origin, path, method: call.method as Dispatcher.HttpMethod, headers: call.headers, body: call.body }, exchange);
      });
    },
  };
}
