/**
 * The production server under hostile connections, over a real port on
 * loopback: a 256 MiB chunked upload, a flood of idle sockets, a trickled
 * body, and shutdown with a relay call in flight. Deadlines are shortened so
 * the whole file takes a few seconds; every wait has an upper bound.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, request as httpRequest, type Server } from 'node:http';
import { connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from './index';
import { DEFAULT_SERVER_LIMITS, serverLimitsFromEnv, type ServerLimits } from './limits';

const APP_ID = '0123456789abcdef0123456789abcdef';
const AUTH = `Basic ${Buffer.from('demo-customer-id:demo-customer-secret').toString('base64')}`;
const MiB = 1024 * 1024;
const quiet = { logger: { log: () => undefined } };

let buildDir: string;
const running: RunningServer[] = [];

beforeAll(() => {
  buildDir = mkdtempSync(join(tmpdir(), 'limits-build-'));
  writeFileSync(join(buildDir, 'index.html'), '<!doctype html><title>home</title>');
});

afterAll(async () => {
  await Promise.all(running.map((server) => server.close()));
  rmSync(buildDir, { recursive: true, force: true });
});

async function serve(limits: Partial<ServerLimits>, relay: Record<string, unknown> = {}): Promise<RunningServer> {
  const server = await startServer({ port: 0, host: '127.0.0.1', buildDir, env: {}, limits, relay: { ...quiet, ...relay } });
  running.push(server);
  return server;
}

const portOf = (server: RunningServer) => (server.server.address() as AddressInfo).port;
const mb = (bytes: number) => (bytes / MiB).toFixed(1);

/** Resolve with `value` after `ms`; the unref keeps a forgotten timer from holding the worker. */
const after = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms).unref());

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * POST a body of `total` bytes of spaces, chunked, honouring backpressure, and
 * stop writing as soon as the server answers or hangs up. Resolves with the
 * answer (status 0 if none came) and how many bytes the client got to write.
 */
function uploadChunked(port: number, path: string, total: number, headers: Record<string, string>): Promise<{ answer: Answer; sent: number }> {
  const chunk = Buffer.alloc(MiB, 0x20);
  return new Promise((resolve) => {
    let sent = 0;
    let stopped = false;
    let answer: Answer = { status: 0, headers: {}, body: '' };
    const finish = () => resolve({ answer, sent });
    const req = httpRequest({ host: '127.0.0.1', port, path, method: 'POST', headers: { ...headers, 'transfer-encoding': 'chunked' } }, (res) => {
      stopped = true;
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (text: string) => (body += text));
      res.on('end', () => {
        answer = { status: res.statusCode ?? 0, headers: res.headers, body };
        finish();
      });
      res.on('error', finish);
    });
    req.on('error', () => {
      stopped = true;
      // The server closing mid-upload is expected; the answer (if any) was already read.
      setTimeout(finish, 50);
    });
    const pump = () => {
      while (!stopped && sent < total) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!stopped) req.end();
    };
    pump();
  });
}

describe('server limits from env', () => {
  it('reads every limit from its variable and names the variable when one is wrong', () => {
    expect(serverLimitsFromEnv({})).toEqual(DEFAULT_SERVER_LIMITS);
    const limits = serverLimitsFromEnv({ MAX_CONNECTIONS: '50', SHUTDOWN_TIMEOUT_MS: '2000', REQUEST_TIMEOUT_MS: '3000', HEADERS_TIMEOUT_MS: '9000' });
    expect(limits).toMatchObject({ maxConnections: 50, shutdownTimeoutMs: 2000, requestTimeoutMs: 3000, headersTimeoutMs: 3000 });
    expect(() => serverLimitsFromEnv({ KEEP_ALIVE_TIMEOUT_MS: 'soon' })).toThrow(/KEEP_ALIVE_TIMEOUT_MS=soon/);
  });
});

describe('big uploads', () => {
  it('refuses a 256 MiB chunked upload to the sandbox after its limit, with RSS flat and the rest unread', async () => {
    const server = await serve({});
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const { answer, sent } = await uploadChunked(portOf(server), `/sandbox/v1/apps/${APP_ID}/cloud_recording/acquire`, 256 * MiB, {
      authorization: AUTH,
      'content-type': 'application/json',
    });
    clearInterval(sampler);
    const afterRss = process.memoryUsage().rss;
    peak = Math.max(peak, afterRss);
    console.log(`256 MiB chunked upload: RSS before ${mb(before)} MiB, peak ${mb(peak)} MiB, after ${mb(afterRss)} MiB; client wrote ${mb(sent)} MiB before the server hung up`);
    expect(answer.status).toBe(413);
    expect(answer.headers.connection).toBe('close');
    expect(JSON.parse(answer.body).message).toMatch(/larger than the sandbox accepts/);
    // The server stopped reading: the client could only fill the socket buffers, nowhere near 256 MiB.
    expect(sent).toBeLessThan(64 * MiB);
    expect(peak - before).toBeLessThan(64 * MiB);
  });

  it('refuses a chunked relay envelope past 1 MiB while it streams', async () => {
    const server = await serve({});
    const { answer, sent } = await uploadChunked(portOf(server), '/api/relay', 256 * MiB, { 'content-type': 'application/json' });
    expect(answer.status).toBe(413);
    expect(answer.headers.connection).toBe('close');
    expect(JSON.parse(answer.body).error.code).toBe('body_too_large');
    expect(sent).toBeLessThan(64 * MiB);
  });

  it('refuses a declared 1 GiB relay envelope without reading it and closes the connection', async () => {
    const server = await serve({});
    const answer = await new Promise<Answer>((resolve, reject) => {
      const req = httpRequest(
        { host: '127.0.0.1', port: portOf(server), path: '/api/relay', method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(1024 * MiB) } },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (text: string) => (body += text));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        },
      );
      req.on('error', reject);
      req.write('{"operationId":');
    });
    expect(answer.status).toBe(413);
    expect(answer.headers.connection).toBe('close');
    expect(JSON.parse(answer.body).error.code).toBe('body_too_large');
  });
});

describe('slow clients', () => {
  it('answers a trickled body with 408 at the request deadline and closes the socket', async () => {
    const server = await serve({ requestTimeoutMs: 1_000, headersTimeoutMs: 1_000, checkIntervalMs: 100 });
    const socket = connect(portOf(server), '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (text: string) => (received += text));
    const closed = new Promise<boolean>((resolve) => socket.once('close', () => resolve(true)));
    socket.write('POST /api/relay HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{');
    // One byte every 200 ms: the whole body would take 20 s.
    const trickle = setInterval(() => socket.writable && socket.write(' '), 200);
    const outcome = await Promise.race([closed, after(5_000, false)]);
    clearInterval(trickle);
    socket.destroy();
    expect(outcome).toBe(true);
    expect(received).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('keeps serving new visitors while 2,000 idle sockets are open, and closes the idle ones at the headers deadline', async () => {
    const limits = { headersTimeoutMs: 2_000, requestTimeoutMs: 3_000, checkIntervalMs: 250, maxConnections: 500 };
    const server = await serve(limits);
    const port = portOf(server);
    const idle: Socket[] = [];
    // Per socket, what it got before closing: nothing (evicted at the cap for a newcomer) or node's 408 (headers deadline).
    const endings: Promise<'evicted' | 'timed out'>[] = [];
    const floodStart = Date.now();
    // Batches keep the listen backlog from overflowing; every socket sends nothing.
    for (let batch = 0; batch < 20; batch++) {
      const opened = Array.from({ length: 100 }, () => {
        const socket = connect(port, '127.0.0.1');
        let received = '';
        socket.on('error', () => undefined);
        // Reading is what lets the client see the server's FIN.
        socket.on('data', (data: Buffer) => (received += data.toString('latin1')));
        idle.push(socket);
        endings.push(new Promise((resolve) => socket.once('close', () => resolve(received.startsWith('HTTP/1.1 408') ? 'timed out' : 'evicted'))));
        return new Promise<void>((resolve) => {
          socket.once('connect', () => resolve());
          socket.once('close', () => resolve());
        });
      });
      await Promise.all(opened);
    }
    const held = await new Promise<number>((resolve) => server.server.getConnections((_, count) => resolve(count)));
    const visitor = await fetch(`${server.url}/`, { headers: { connection: 'close' } });
    expect(visitor.status).toBe(200);
    expect(await visitor.text()).toContain('home');
    // Bounded: the deadline plus a few checking intervals plus slack; nothing waits longer.
    const ended = await Promise.race([Promise.all(endings), after(limits.headersTimeoutMs + 3_000, null)]);
    const count = (kind: string) => ended?.filter((ending) => ending === kind).length ?? 0;
    console.log(
      `idle flood: ${idle.length} sockets opened, ${held} held by the server (cap ${limits.maxConnections}), ` +
        `${count('evicted')} evicted for newcomers, ${count('timed out')} closed with 408 at the headers deadline; new visitor answered ${visitor.status}; ` +
        `all idle sockets gone ${ended ? `${Date.now() - floodStart} ms after the flood began` : 'NOT within the bound'}`,
    );
    idle.forEach((socket) => socket.destroy());
    expect(held).toBeLessThanOrEqual(limits.maxConnections);
    expect(ended).not.toBeNull();
    expect(count('evicted')).toBeGreaterThan(0);
    expect(count('timed out')).toBeGreaterThan(0);
  });
});

describe('graceful shutdown', () => {
  let upstream: Server;
  let upstreamUrl: string;
  let delayMs = 1_000;
  const arrived: Array<() => void> = [];

  beforeAll(async () => {
    // A local "Agora" that answers after `delayMs`.
    upstream = createHttpServer((req, res) => {
      arrived.shift()?.();
      req.resume();
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"resourceId":"slow-but-fine"}');
      }, delayMs).unref();
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    upstream.closeAllConnections();
    await new Promise((resolve) => upstream.close(resolve));
  });

  function relayCall(server: RunningServer): Promise<Response | Error> {
    const envelope = {
      operationId: 'acquire',
      environment: 'live',
      path: { appid: APP_ID },
      headers: { Authorization: AUTH },
      body: { cname: 'demo', uid: '527841', clientRequest: {} },
      retry: false,
    };
    return fetch(`${server.url}/api/relay`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(envelope) }).catch(
      (error: Error) => error,
    );
  }

  const refused = (port: number) =>
    new Promise<string>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve('accepted');
      });
      socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    });

  it('stops accepting, lets an in-flight relay call finish, then closes', async () => {
    delayMs = 1_000;
    const server = await serve({ shutdownTimeoutMs: 5_000 }, { upstreamBaseOverride: upstreamUrl, sleep: async () => undefined });
    const reached = new Promise<void>((resolve) => arrived.push(resolve));
    const call = relayCall(server);
    await reached;
    const port = portOf(server);
    const closing = server.close();
    expect(await refused(port)).toBe('ECONNREFUSED');
    const answer = await call;
    expect(answer).toBeInstanceOf(Response);
    const response = answer as Response;
    expect(response.status).toBe(200);
    expect(response.headers.get('connection')).toBe('close');
    const result = await response.json();
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ resourceId: 'slow-but-fine' });
    expect(await Promise.race([closing.then(() => 'closed'), after(3_000, 'still open')])).toBe('closed');
    console.log('shutdown: new connection refused (ECONNREFUSED), in-flight relay call answered 200 after the 1 s upstream, server closed');
  });

  it('closes a call still running when the shutdown grace runs out', async () => {
    delayMs = 10_000;
    const server = await serve({ shutdownTimeoutMs: 300 }, { upstreamBaseOverride: upstreamUrl, sleep: async () => undefined });
    const reached = new Promise<void>((resolve) => arrived.push(resolve));
    const call = relayCall(server);
    await reached;
    const outcome = await Promise.race([server.close().then(() => 'closed'), after(3_000, 'still open')]);
    expect(outcome).toBe('closed');
    expect(await call).toBeInstanceOf(Error);
  });
});
