import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { toNodeListener, type FetchHandler } from './listener';

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function serve(handler: FetchHandler): Promise<string> {
  server = createServer(toNodeListener(handler));
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
});
