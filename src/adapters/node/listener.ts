/**
 * Serve a Fetch handler `(Request) => Promise<Response>` from node:http. Used by
 * the production server, the standalone sandbox and the dev-server plugin, so
 * the handlers themselves stay runtime-neutral.
 *
 * Request bodies reach the handler as a pull-based stream with its own cap and
 * deadline (`nodeBodyStream`), so no handler behind this listener can make the
 * process buffer or drain an unbounded upload. An answer written while the
 * request body is still arriving closes the connection (`Connection: close`):
 * node:http would otherwise read the rest of the body to reuse the socket.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyReadError, DEFAULT_BODY_DEADLINE_MS, type BodySource } from '../body';

export type FetchHandler = (request: Request) => Promise<Response>;

/** Hard cap for any body this listener streams; handlers apply their own, smaller limits. */
export const LISTENER_MAX_BODY_BYTES = 1024 * 1024;

export interface BodyStreamOptions {
  /** Bytes past which the stream errors with a 413 BodyReadError (default LISTENER_MAX_BODY_BYTES). */
  maxBytes?: number;
  /** Total time for the body, from the request's arrival; past it the stream errors with a 408 BodyReadError. */
  deadlineMs?: number;
}

/**
 * The request body as chunks on demand, in paused mode: nothing is read from
 * the socket beyond node's own buffer until someone asks. `cancel` stops
 * listening and leaves the rest unread (never `destroy`, which would take the
 * socket and the refusal with it); the answer then carries `Connection: close`
 * (see `mustClose`). Used directly by the relay (no web stream on its fast
 * path) and, wrapped, as the Fetch Request body.
 */
export function nodeBodySource(req: IncomingMessage): BodySource {
  return new NodeBodySource(req);
}

/**
 * A class rather than closures: one per request on the relay's hot path, and its
 * listeners are bound once per instance instead of built (and named) per call.
 */
class NodeBodySource implements BodySource {
  private wake: (() => void) | null = null;
  private failure: Error | null = null;
  private cancelled = false;
  private readonly notify: () => void;
  private readonly onError: (error: Error) => void;
  private readonly onClose: () => void;

  constructor(private readonly req: IncomingMessage) {
    this.notify = this.wakeReader.bind(this);
    this.onError = this.fail.bind(this);
    this.onClose = this.closed.bind(this);
    req.on('readable', this.notify);
    req.on('end', this.notify);
    req.on('error', this.onError);
    req.on('close', this.onClose);
  }

  private wakeReader(): void {
    const waiting = this.wake;
    this.wake = null;
    waiting?.();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.wakeReader();
  }

  /** The client went away mid-body: whoever reads must not wait for a deadline. */
  private closed(): void {
    if (!this.req.complete) this.failure ??= new Error('the client closed the connection before sending the whole body');
    this.wakeReader();
  }

  private detach(): void {
    this.req.off('readable', this.notify);
    this.req.off('end', this.notify);
    this.req.off('error', this.onError);
    this.req.off('close', this.onClose);
  }

  async read(): Promise<Uint8Array | null> {
    for (;;) {
      if (this.cancelled) return null;
      if (this.failure) {
        this.detach();
        throw this.failure;
      }
      const chunk = this.req.read() as Buffer | null;
      if (chunk !== null) return chunk;
      // `complete`: the parser has seen the whole message, and `read()` just emptied the buffer, so nothing
      // is left; answering now spares waiting a tick for 'end' (which still follows on its own).
      if (this.req.readableEnded || this.req.complete) {
        this.detach();
        return null;
      }
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  cancel(): void {
    this.cancelled = true;
    this.detach();
    this.req.pause();
    // A read waiting for data settles (null): the reader decides what the cancel meant.
    this.wakeReader();
  }
}

/**
 * The request body as a web stream for Fetch handlers, with the listener's own
 * cap and deadline (counted from the request's arrival), so even a handler that
 * calls `request.arrayBuffer()` cannot make the process buffer or wait without
 * bound. It reads only when pulled.
 */
export function nodeBodyStream(req: IncomingMessage, options: BodyStreamOptions = {}): ReadableStream<Uint8Array> {
  const maxBytes = options.maxBytes ?? LISTENER_MAX_BODY_BYTES;
  const deadlineMs = options.deadlineMs ?? DEFAULT_BODY_DEADLINE_MS;
  const source = nodeBodySource(req);
  let total = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired =
    deadlineMs > 0
      ? new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new BodyReadError('timeout', deadlineMs)), deadlineMs);
          // A handler that never reads its body must not keep the process alive.
          timer.unref?.();
        })
      : null;
  expired?.catch(() => undefined);
  const stop = () => {
    if (timer) clearTimeout(timer);
    source.cancel();
  };
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const chunk = await (expired ? Promise.race([source.read(), expired]) : source.read());
          if (chunk === null) {
            stop();
            controller.close();
            return;
          }
          total += chunk.byteLength;
          if (total > maxBytes) throw new BodyReadError('too_large', maxBytes);
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        } catch (error) {
          stop();
          controller.error(error);
        }
      },
      cancel: stop,
    },
    // Pull only when the handler reads: no read-ahead beyond node's own buffer.
    { highWaterMark: 0 },
  );
}

/** An answer sent before the whole request body arrived must close the connection rather than drain the rest. */
export function mustClose(req: IncomingMessage): boolean {
  return !req.complete;
}

/** Build a Fetch `Request` from a Node request; the signal aborts when the client goes away. */
export function toFetchRequest(req: IncomingMessage, res: ServerResponse, origin?: string, body: BodyStreamOptions = {}): Request {
  const host = req.headers.host ?? 'localhost';
  const base = origin ?? `http://${host}`;
  const url = new URL(req.url ?? '/', base);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) value.forEach((v) => headers.append(name, v));
    else headers.set(name, value);
  }
  // The client's address, for per-client rate limits; a proxy in front may overwrite it.
  if (req.socket.remoteAddress && !headers.has('x-client-ip')) {
    headers.set('x-client-ip', req.socket.remoteAddress);
  }
  const controller = new AbortController();
  // 'close' on the response fires when the socket closes before we finished writing.
  res.on('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  const method = (req.method ?? 'GET').toUpperCase();
  const hasBody = method !== 'GET' && method !== 'HEAD';
  return new Request(url, {
    method,
    headers,
    body: hasBody ? nodeBodyStream(req, body) : undefined,
    signal: controller.signal,
    // Required by Node's fetch for streamed request bodies.
    ...(hasBody ? { duplex: 'half' } : {}),
  } as RequestInit);
}

/** Write a Fetch `Response` to a Node response, streaming the body; `close` adds `Connection: close`. */
export async function writeFetchResponse(response: Response, res: ServerResponse, close = false): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name === 'set-cookie') return;
    headers[name] = value;
  });
  const cookies = response.headers.getSetCookie?.() ?? [];
  if (cookies.length) headers['set-cookie'] = cookies;
  if (close) headers.connection = 'close';
  // An empty reason phrase ("HTTP/1.1 503 ") confuses some clients; let Node supply the standard one.
  res.writeHead(response.status, response.statusText || undefined, headers);
  if (!response.body) {
    res.end();
    return;
  }
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!res.write(value)) await new Promise((resolve) => res.once('drain', resolve));
    }
    res.end();
  } catch {
    res.destroy();
  }
}

/** The plain answer for a body refused by the listener's own cap or deadline (the handler let it through). */
function refusal(error: BodyReadError): Response {
  const code = error.reason === 'too_large' ? 'body_too_large' : 'body_timeout';
  return new Response(JSON.stringify({ error: { code, message: error.message } }), {
    status: error.status,
    headers: { 'content-type': 'application/json' },
  });
}

/**
 * A node:http listener for a Fetch handler. A handler that throws (the sandbox
 * simulating a reset or an unreachable host) gets its socket destroyed, which is
 * what a client of a real failing host would see; a body the listener refused
 * (too large, too slow) is answered 413/408 instead.
 */
export function toNodeListener(handler: FetchHandler, origin?: string, body: BodyStreamOptions = {}) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    let request: Request;
    try {
      request = toFetchRequest(req, res, origin, body);
    } catch {
      res.writeHead(400, { 'content-type': 'application/json', ...(mustClose(req) ? { connection: 'close' } : {}) });
      res.end(JSON.stringify({ error: { code: 'bad_request', message: 'The request line could not be parsed.' } }));
      return;
    }
    handler(request)
      .catch((error: unknown) => {
        if (error instanceof BodyReadError) return refusal(error);
        throw error;
      })
      .then((response) => writeFetchResponse(response, res, mustClose(req)))
      .catch(() => {
        res.destroy();
      });
  };
}
