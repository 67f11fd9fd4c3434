/**
 * Serve a Fetch handler `(Request) => Promise<Response>` from node:http. Used by
 * the production server, the standalone sandbox and the dev-server plugin, so
 * the handlers themselves stay runtime-neutral.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';

export type FetchHandler = (request: Request) => Promise<Response>;

/** Build a Fetch `Request` from a Node request; the signal aborts when the client goes away. */
export function toFetchRequest(req: IncomingMessage, res: ServerResponse, origin?: string): Request {
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
    body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
    signal: controller.signal,
    // Required by Node's fetch for streamed request bodies.
    ...(hasBody ? { duplex: 'half' } : {}),
  } as RequestInit);
}

/** Write a Fetch `Response` to a Node response, streaming the body. */
export async function writeFetchResponse(response: Response, res: ServerResponse): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name === 'set-cookie') return;
    headers[name] = value;
  });
  const cookies = response.headers.getSetCookie?.() ?? [];
  if (cookies.length) headers['set-cookie'] = cookies;
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

/**
 * A node:http listener for a Fetch handler. A handler that throws (the sandbox
 * simulating a reset or an unreachable host) gets its socket destroyed, which is
 * what a client of a real failing host would see.
 */
export function toNodeListener(handler: FetchHandler, origin?: string) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    let request: Request;
    try {
      request = toFetchRequest(req, res, origin);
    } catch {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'bad_request', message: 'The request line could not be parsed.' } }));
      return;
    }
    handler(request)
      .then((response) => writeFetchResponse(response, res))
      .catch(() => {
        res.destroy();
      });
  };
}
