/**
 * The Node upstream (undici's dispatcher with the relay's own handler) against
 * a real HTTP server on a local port: what the handler must get right that the
 * relay's fault scenarios (faults.test.ts) do not single out.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, deflateSync } from 'node:zlib';
import { Abort } from '../../core/abort';
import type { UpstreamAnswer } from '../../core/options';
import { createUndiciUpstream } from './upstream';

const BIG = Buffer.alloc(300 * 1024, 'abcdefghij');

let server: Server;
let base: string;
/** What the server saw last: the path it was asked for, and whether the client left before the answer ended. */
const seen = { path: '', clientLeft: false };
/** Resolves the hanging route's answer (the test decides when). */
let release: (() => void) | null = null;

function route(req: IncomingMessage, res: ServerResponse): void {
  seen.path = req.url ?? '';
  seen.clientLeft = false;
  res.on('close', () => {
    if (!res.writableFinished) seen.clientLeft = true;
  });
  switch (req.url) {
    case '/repeated':
      res.setHeader('X-Thing', ['a', 'b']);
      res.setHeader('Content-Type', 'text/plain');
      res.end('ok');
      return;
    case '/big':
      // In pieces, so the answer outgrows what the handler buffers before anyone reads.
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      for (let offset = 0; offset < BIG.length; offset += 16 * 1024) res.write(BIG.subarray(offset, offset + 16 * 1024));
      res.end();
      return;
    case '/no-content':
      res.writeHead(204);
      res.end();
      return;
    case '/br':
      res.writeHead(200, { 'content-encoding': 'br', 'content-type': 'application/json' });
      res.end(brotliCompressSync('{"compressed":"br"}'));
      return;
    case '/deflate':
      res.writeHead(200, { 'content-encoding': 'deflate', 'content-type': 'application/json' });
      res.end(deflateSync('{"compressed":"deflate"}'));
      return;
    case '/corrupt-gzip':
      res.writeHead(200, { 'content-encoding': 'gzip', 'content-type': 'application/json' });
      res.end('this was never gzip');
      return;
    case '/early-hints':
      res.writeEarlyHints({ link: '</style.css>; rel=preload; as=style' });
      res.end('after hints');
      return;
    case '/hang-body':
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('first part ');
      release = () => res.end('rest');
      return;
    default:
      res.end(`path ${req.url}`);
  }
}

beforeAll(async () => {
  server = createServer(route);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const upstream = createUndiciUpstream();
const text = (bytes: Uint8Array | null) => Buffer.from(bytes ?? 'null: over the cap').toString('utf8');

function get(path: string, signal = new Abort(), method = 'GET'): Promise<UpstreamAnswer> {
  return upstream.send({ url: `${base}${path}`, method, headers: { accept: 'application/json' }, signal });
}

describe('the Node upstream', () => {
  it('joins a repeated header with ", " under its lower-case name', async () => {
    const answer = await get('/repeated');
    expect(answer.status).toBe(200);
    expect(answer.statusText).toBe('OK');
    expect(answer.headers['x-thing']).toBe('a, b');
    expect(text(await answer.collect!(1024))).toBe('ok');
  });

  it('keeps a body that outgrew the unread buffer, whole, when it is collected later', async () => {
    const answer = await get('/big');
    // Let the answer arrive (and the handler pause reading) before anyone collects it.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const bytes = await answer.collect!(1024 * 1024);
    expect(Buffer.compare(Buffer.from(bytes!), BIG)).toBe(0);
  });

  it('stops past the cap (null), and frees the connection for the next call', async () => {
    const answer = await get('/big');
    expect(await answer.collect!(100 * 1024)).toBeNull();
    const next = await get('/repeated');
    expect(text(await next.collect!(1024))).toBe('ok');
  });

  it('gives no body for 204 and for HEAD', async () => {
    expect((await get('/no-content')).body).toBeNull();
    const head = await get('/repeated', new Abort(), 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBeNull();
  });

  it('decodes brotli and deflate bodies, dropping Content-Encoding and Content-Length', async () => {
    for (const encoding of ['br', 'deflate']) {
      const answer = await get(`/${encoding}`);
      expect(answer.headers['content-encoding']).toBeUndefined();
      expect(answer.headers['content-length']).toBeUndefined();
      expect(JSON.parse(text(await answer.collect!(1024)))).toEqual({ compressed: encoding });
    }
  });

  it('fails a compressed body that does not decode, and the next call still works', async () => {
    const answer = await get('/corrupt-gzip');
    await expect(answer.collect!(1024)).rejects.toThrow();
    expect(text(await (await get('/repeated')).collect!(1024))).toBe('ok');
  });

  it('skips informational answers (103 Early Hints) and gives the final one', async () => {
    const answer = await get('/early-hints');
    expect(answer.status).toBe(200);
    expect(text(await answer.collect!(1024))).toBe('after hints');
  });

  it('sends any URL the fast split refuses through a URL parse (dot segments resolved)', async () => {
    const answer = await get('/a/./b/../c?x=1');
    expect(text(await answer.collect!(1024))).toBe('path /a/c?x=1');
    expect(seen.path).toBe('/a/c?x=1');
  });

  it('refuses at once when the signal has already fired', async () => {
    const signal = new Abort();
    signal.abort(new Error('gone before it started'));
    await expect(get('/repeated', signal)).rejects.toThrow('gone before it started');
  });

  it('fails a body still arriving when the signal fires, and the server sees the client leave', async () => {
    const signal = new Abort();
    const answer = await get('/hang-body', signal);
    const body = answer.collect!(1024);
    signal.abort(new Error('attempt timed out'));
    await expect(body).rejects.toThrow('attempt timed out');
    await vi.waitFor(() => expect(seen.clientLeft).toBe(true));
    release?.();
  });

  it('drops a body the caller stops iterating (the relay does so for a redirect) by aborting the request', async () => {
    const answer = await get('/hang-body');
    for await (const chunk of answer.body!) {
      expect(text(chunk)).toBe('first part ');
      break;
    }
    await vi.waitFor(() => expect(seen.clientLeft).toBe(true));
    release?.();
  });
});
