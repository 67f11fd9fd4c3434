/**
 * The Node upstream: undici's `request` (several times faster than global
 * fetch on Node 20) as a RawUpstream, so no Fetch objects are built on the
 * hot path. Bodies are decoded here, so the core's 10 MiB cap counts
 * decompressed bytes whatever the upstream.
 */
import { STATUS_CODES } from 'node:http';
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { Agent, request, type Dispatcher } from 'undici';
import type { RawUpstream, UpstreamAnswer, UpstreamCall } from '../../core/options';

const NULL_BODY = new Set([101, 204, 205, 304]);

function decoderFor(encoding: string | undefined) {
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

/** Read a Node stream whole with 'data' events (cheaper than async iteration), destroying it past `max`. */
function collect(stream: Readable, max: number, onTooLarge: () => Error): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    stream.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > max) {
        stream.destroy();
        reject(onTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    stream.once('end', () => resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total)));
    stream.once('error', reject);
  });
}

/**
 * `http(s)://host[:port]/path?query` as undici's `origin` and `path`, without
 * the URL parse undici's top-level `request(url)` does on every call; null for
 * anything that is not plainly that shape (undici then parses it as before).
 * The relay builds these URLs itself from the catalog (hosts are lower-case
 * names, parameters are percent-encoded), so the fast path is the usual one,
 * and it only accepts text a URL parse would leave unchanged: a lower-case
 * host, printable ASCII without `\`, `#` or dot segments.
 */
export function splitUpstreamUrl(url: string): { origin: string; path: string } | null {
  const start = url.startsWith('https://') ? 8 : url.startsWith('http://') ? 7 : 0;
  if (start === 0) return null;
  const slash = url.indexOf('/', start);
  if (slash === -1 || slash === start) return null;
  for (let i = start; i < slash; i++) {
    const c = url.charCodeAt(i);
    const hostChar = (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x2d || c === 0x3a;
    if (!hostChar) return null;
  }
  for (let i = slash; i < url.length; i++) {
    const c = url.charCodeAt(i);
    if (c <= 0x20 || c >= 0x7f || c === 0x5c /* \ */ || c === 0x23 /* # */) return null;
    // `/.` may start a dot segment, which a URL parse would resolve.
    if (c === 0x2f && url.charCodeAt(i + 1) === 0x2e) return null;
  }
  return { origin: url.slice(0, slash), path: url.slice(slash) };
}

export interface UndiciUpstreamOptions {
  /** Custom dispatcher (tests); default: a keep-alive Agent. */
  dispatcher?: Dispatcher;
}

/**
 * An answer with a body to read. A class, so the per-call cost is one object:
 * `collect` is a shared method, not a closure built (and, under tsx, named) per call.
 */
class StreamAnswer implements UpstreamAnswer {
  constructor(
    readonly status: number,
    readonly statusText: string,
    readonly headers: Record<string, string>,
    readonly body: Readable,
  ) {}

  collect(max: number, onTooLarge: () => Error): Promise<Uint8Array> {
    return collect(this.body, max, onTooLarge);
  }
}

export function createUndiciUpstream(options: UndiciUpstreamOptions = {}): RawUpstream {
  const dispatcher = options.dispatcher ?? new Agent({ keepAliveTimeout: 10_000, connect: { timeout: 10_000 } });
  return {
    async send(call: UpstreamCall): Promise<UpstreamAnswer> {
      const method = call.method as Dispatcher.HttpMethod;
      // undici takes any EventTarget-like signal; the core's `Abort` is one (core/abort.ts).
      const signal = call.signal as AbortSignal;
      const split = splitUpstreamUrl(call.url);
      // Each form's options written out once, rather than spread from a shared object on every call.
      // Redirects are reported by the core, never followed (`maxRedirections: 0`).
      const res = split
        ? await dispatcher.request({ origin: split.origin, path: split.path, method, headers: call.headers, body: call.body, signal, maxRedirections: 0 })
        : await request(call.url, { method, headers: call.headers, body: call.body, signal, maxRedirections: 0, dispatcher });
      const headers: Record<string, string> = Object.create(null);
      for (const name in res.headers) {
        const value = res.headers[name];
        if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
      }
      const statusText = STATUS_CODES[res.statusCode] ?? '';
      if (NULL_BODY.has(res.statusCode) || call.method === 'HEAD') {
        res.body.destroy();
        return { status: res.statusCode, statusText, headers, body: null };
      }
      let body: Readable = res.body;
      const decoder = decoderFor(headers['content-encoding']);
      if (decoder) {
        body = res.body.pipe(decoder);
        res.body.on('error', (error) => decoder.destroy(error));
        // Stopping early (size cap) must free the socket too.
        decoder.on('close', () => res.body.destroy());
        delete headers['content-encoding'];
        delete headers['content-length'];
      }
      return new StreamAnswer(res.statusCode, statusText, headers, body);
    },
  };
}
