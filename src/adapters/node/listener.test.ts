import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { toNodeListener, type BodyStreamOptions, type FetchHandler } from './listener';

let server: Server | undefined;
afterEach(
  () =>
    new Promise<void>((resolve) => {
      server?.closeAllConnections();
      return server ? server.close(() => resolve()) : resolve();
    }),
);

interface Sent {
  status: number;
  connection: string | undefined;
  body: string;
  /** Bytes the client wrote before the answer came. */
  written: number;
}

/** POST `chunks` chunked, one every `everyMs`, stopping as soon as the answer arrives. */
function post(base: string, chunks: number, chunkBytes: number, everyMs = 0): Promise<Sent> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    let written = 0;
    let answered = false;
    const req = httpRequest({ host: url.hostname, port: url.port, method: 'POST', path: '/', headers: { 'transfer-encoding': 'chunked' } }, (res) => {
      answered = true;
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (text: string) => (body += text));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body, written }));
    });
    req.on('error', (error) => (answered ? undefined : reject(error)));
    const chunk = Buffer.alloc(chunkBytes, 0x20);
    const next = (left: number) => {
      if (answered || left === 0) return void (answered || req.end());
      written += chunk.length;
      const ok = req.write(chunk);
      if (everyMs) setTimeout(() => next(left - 1), everyMs);
      else if (ok) next(left - 1);
      else req.once('drain', () => next(left - 1));
    };
    next(chunks);
  });
}

async function serve(handler: FetchHandler, body?: BodyStreamOptions): Promise<string> {
  server = createServer(toNodeListener(handler, undefined, body));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('toNodeListener', () => {
  it('passes method, path, headers and body through and writes the response', async () => {
    const base = await serve(async (request) => {
      const url = new URL(request.url);
      return new Response(JSON.stringify({
        method: request.method,
        path: url.pathname + url.search,
        header: request.headers.get('x-test'),
        clientIp: request.headers.get('x-client-ip'),
        body: await request.text(),
      }), { status: 201, headers: { 'content-type': 'application/json', 'x-out': 'yes' } });
    });
    const res = await fetch(`${base}/a/b?c=d`, { method: 'POST', headers: { 'x-test': 'v' }, body: 'héllo' });
    expect(res.status).toBe(201);
    expect(res.headers.get('x-out')).toBe('yes');
    expect(await res.json()).toEqual({ method: 'POST', path: '/a/b?c=d', header: 'v', clientIp: '127.0.0.1', body: 'héllo' });
  });

  it('destroys the socket when the handler throws, as a failing host would', async () => {
    const base = await serve(async () => {
      throw new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } });
    });
    await expect(fetch(`${base}/`)).rejects.toThrow();
  });

  it('aborts the request signal when the client goes away', async () => {
    let aborted: Promise<boolean> | undefined;
    const base = await serve(async (request) => {
      aborted = new Promise((resolve) => request.signal.addEventListener('abort', () => resolve(true)));
      await aborted;
      return new Response('late');
    });
    const controller = new AbortController();
    const pending = fetch(`${base}/`, { signal: controller.signal }).catch(() => 'cancelled');
    await new Promise((resolve) => setTimeout(resolve, 100));
    controller.abort();
    expect(await pending).toBe('cancelled');
    expect(await aborted).toBe(true);
  });

  it('caps the body a naive handler reads whole: 413 after the cap, connection closed, the rest unread', async () => {
    const base = await serve(async (request) => new Response(String((await request.arrayBuffer()).byteLength)), { maxBytes: 64 * 1024 });
    const sent = await post(base, 64, 1024 * 1024);
    expect(sent.status).toBe(413);
    expect(sent.connection).toBe('close');
    expect(JSON.parse(sent.body).error.code).toBe('body_too_large');
    expect(sent.written).toBeLessThan(64 * 1024 * 1024);
  });

  it('answers 408 to a body that trickles past the body deadline', async () => {
    const base = await serve(async (request) => new Response(await request.text()), { deadlineMs: 300 });
    const sent = await post(base, 100, 1, 50);
    expect(sent.status).toBe(408);
    expect(sent.connection).toBe('close');
    expect(JSON.parse(sent.body).error.code).toBe('body_timeout');
  });

  it('closes the connection when it answers before reading the body, instead of draining it', async () => {
    const base = await serve(async () => new Response('no thanks', { status: 401 }));
    const sent = await post(base, 20, 1024, 20);
    expect(sent.status).toBe(401);
    expect(sent.connection).toBe('close');
  });

  it('reads a body sent in pieces with pauses whole: an empty buffer between pieces is not the end', async () => {
    const base = await serve(async (request) => new Response(String((await request.text()).length)));
    const sent = await post(base, 6, 10, 15);
    expect(sent.status).toBe(200);
    expect(sent.body).toBe('60');
  });

  it('keeps the connection for an answer given after the whole body', async () => {
    const base = await serve(async (request) => new Response(await request.text()));
    const sent = await post(base, 2, 10);
    expect(sent.status).toBe(200);
    expect(sent.body).toBe(' '.repeat(20));
    expect(sent.connection).not.toBe('close');
  });
});
