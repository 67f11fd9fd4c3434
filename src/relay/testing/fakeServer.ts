/**
 * A real HTTP upstream on a local port for fault tests. The scenario comes
 * from the `x-scenario` request header; per-X-Request-ID counters let
 * "fail once, then succeed" scenarios see the relay's retries.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import type { RawUpstream, Upstream } from '../core/options';
import { toRawUpstream } from '../core/upstream';

const MiB = 1024 * 1024;

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

export interface FakeServer {
  server: Server;
  port: number;
  /** Requests seen, with the catalog host the relay meant (x-test-host). */
  seen: Array<{ scenario: string; host: string; method: string; url: string; requestId: string }>;
  close(): Promise<void>;
}

export async function startFakeServer(port = 0): Promise<FakeServer> {
  const counters = new Map<string, number>();
  const seen: FakeServer['seen'] = [];
  const timers = new Set<NodeJS.Timeout>();
  const later = (ms: number, fn: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timers.add(timer);
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const scenario = String(req.headers['x-scenario'] ?? 'ok');
    const host = String(req.headers['x-test-host'] ?? '');
    seen.push({ scenario, host, method: req.method ?? '', url: req.url ?? '', requestId: String(req.headers['x-request-id']) });
    const key = `${scenario}:${req.headers['x-request-id']}`;
    const count = (counters.get(key) ?? 0) + 1;
    counters.set(key, count);
    req.resume();
    switch (scenario) {
      case 'slow-headers':
        return later(2000, () => json(res, 200, { late: true }));
      case 'slow-body':
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"partial":');
        return later(2000, () => res.end('true}'));
      case 'reset':
        return req.socket.destroy();
      case '429-then-ok':
        return count === 1 ? json(res, 429, { message: 'API rate limit exceeded' }, { 'retry-after': '2' }) : json(res, 200, { ok: true, count });
      case '429-date':
        return count === 1
          ? json(res, 429, { message: 'API rate limit exceeded' }, { 'retry-after': String(req.headers['x-retry-at']) })
          : json(res, 200, { ok: true, count });
      case '429-long':
        return json(res, 429, { message: 'API rate limit exceeded' }, { 'retry-after': '120' });
      case '503-then-ok':
        return count === 1 ? json(res, 503, { message: 'Service Unavailable' }) : json(res, 200, { ok: true, count, host });
      case 'always-503':
        return json(res, 503, { message: 'Service Unavailable' });
      case '404':
        return json(res, 404, { message: 'Resource is not found or destroyed.' });
      case '400':
        return json(res, 400, { message: 'Invalid parameter' });
      case 'huge': {
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        const chunk = Buffer.alloc(MiB, 97);
        let sent = 0;
        const pump = () => {
          while (sent < 11) {
            sent += 1;
            if (!res.write(chunk)) return res.once('drain', pump);
          }
          res.end();
        };
        res.on('error', () => undefined);
        return pump();
      }
      case 'huge-gzip': {
        const bomb = gzipSync(Buffer.alloc(11 * MiB, 48));
        res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip', 'content-length': String(bomb.length) });
        return res.end(bomb);
      }
      case 'text':
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
        return res.end('plain words, not JSON');
      case 'json-lie':
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end('<html>gateway page</html>');
      case 'gzip': {
        const body = gzipSync(Buffer.from(JSON.stringify({ compressed: true, filler: 'z'.repeat(2000) })));
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': String(body.length) });
        return res.end(body);
      }
      case 'redirect':
        res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' });
        return res.end();
      default:
        return json(res, 200, { ok: true, host, method: req.method, url: req.url }, { 'x-resource-id': 'res-42', 'set-cookie': 'a=1' });
    }
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
  const address = server.address() as AddressInfo;
  return {
    server,
    port: address.port,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Route catalog hosts to local ports: `https://api.agora.io/x` goes to
 * `http://127.0.0.1:<port>/x` with `x-test-host: api.agora.io`. Hosts in
 * `dns` throw like undici on a DNS failure; hosts in `ports` use another port
 * (e.g. a closed one, for a real ECONNREFUSED).
 */
export function routeToLocal(inner: Upstream | RawUpstream, port: number, options: { dns?: string[]; ports?: Record<string, number> } = {}): RawUpstream {
  const raw = toRawUpstream(inner);
  return {
    async send(call) {
      const url = new URL(call.url);
      if (options.dns?.includes(url.hostname)) {
        throw new TypeError('fetch failed', { cause: { code: 'ENOTFOUND', hostname: url.hostname } });
      }
      const target = `http://127.0.0.1:${options.ports?.[url.hostname] ?? port}${url.pathname}${url.search}`;
      return raw.send({ ...call, url: target, headers: { ...call.headers, 'x-test-host': url.hostname } });
    },
  };
}
