/**
 * The whole production server over a real port: static build, /sandbox and
 * /api/relay in the sandbox environment, sharing one sandbox state.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request as httpRequest } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { createSandbox } from '../src/sandbox/index';
import { startServer } from './index';

const APP_ID = '0123456789abcdef0123456789abcdef';
const AUTH = `Basic ${Buffer.from('demo-customer-id:demo-customer-secret').toString('base64')}`;

let buildDir: string;
let base: string;
let close: () => Promise<void>;
const logs: unknown[] = [];

beforeAll(async () => {
  buildDir = mkdtempSync(join(tmpdir(), 'relay-build-'));
  const write = (file: string, text: string) => {
    mkdirSync(join(buildDir, file, '..'), { recursive: true });
    writeFileSync(join(buildDir, file), text);
  };
  write('index.html', '<!doctype html><title>home</title>');
  write('404.html', '<!doctype html><title>not found page</title>');
  write('docs/guide/index.html', '<title>guide dir</title>');
  write('docs/flat.html', '<title>flat page</title>');
  write('assets/js/main.3f2a9c1b.js', `console.log(${JSON.stringify('x'.repeat(4000))});`);
  write('openapi.json', '{"openapi":"3.1.0"}');
  const started = await startServer({
    port: 0,
    host: '127.0.0.1',
    buildDir,
    env: {},
    sandbox: createSandbox({ basePath: '/sandbox' }),
    // Back-off waits are skipped so the retry test takes milliseconds.
    relay: { sleep: async () => undefined, logger: { log: (entry) => logs.push(entry) } },
  });
  base = started.url;
  close = started.close;
});

afterAll(async () => {
  await close();
  rmSync(buildDir, { recursive: true, force: true });
});

/** Raw request, so paths like `/../` reach the server unnormalised. */
function raw(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const url = new URL(base);
    const req = httpRequest({ host: url.hostname, port: url.port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

const relay = (envelope: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base}/api/relay`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(envelope) });

describe('static site', () => {
  it('serves routes the Docusaurus way', async () => {
    const home = await raw('/');
    expect(home.status).toBe(200);
    expect(home.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(home.headers['cache-control']).toBe('no-cache');
    expect((await raw('/docs/guide')).body.toString()).toContain('guide dir');
    expect((await raw('/docs/guide/')).body.toString()).toContain('guide dir');
    expect((await raw('/docs/flat')).body.toString()).toContain('flat page');
    expect((await raw('/openapi.json')).headers['content-type']).toBe('application/json; charset=utf-8');
  });

  it('answers unknown paths with 404.html', async () => {
    const missing = await raw('/docs/nope');
    expect(missing.status).toBe(404);
    expect(missing.body.toString()).toContain('not found page');
  });

  it('caches hashed assets for a year and gzips them on request', async () => {
    const asset = await raw('/assets/js/main.3f2a9c1b.js', { 'accept-encoding': 'gzip' });
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(asset.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(asset.body).toString()).toContain('xxxx');
    const revalidated = await raw('/assets/js/main.3f2a9c1b.js', { 'if-none-match': String(asset.headers.etag) });
    expect(revalidated.status).toBe(304);
  });

  it.each(['/../../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/docs/..%2f..%2f..%2fetc/passwd', '/%00', '/..\\..\\etc\\passwd', '/%E0%A4%A'])(
    'cannot escape the build directory: %s',
    async (path) => {
      const response = await raw(path);
      expect(response.status).toBe(404);
      expect(response.body.toString()).not.toContain('root:');
    },
  );

  it('refuses methods other than GET and HEAD', async () => {
    const response = await fetch(`${base}/`, { method: 'DELETE' });
    expect(response.status).toBe(405);
  });
});

describe('/sandbox and /api/relay', () => {
  it('relays a sandbox acquire and returns a resourceId', async () => {
    const response = await relay({
      operationId: 'acquire',
      environment: 'sandbox',
      path: { appid: APP_ID },
      headers: { Authorization: AUTH },
      body: { cname: 'demo', uid: '527841', clientRequest: {} },
    });
    expect(response.status).toBe(200);
    const result = await response.json();
    expect(result.status).toBe(200);
    expect(typeof result.body.resourceId).toBe('string');
    expect(result.attempts).toHaveLength(1);
    expect(response.headers.get('x-request-id')).toBeTruthy();
  });

  it('shares one sandbox between /sandbox and the relay', async () => {
    const channel = `shared${Date.now()}`;
    const direct = await fetch(`${base}/sandbox/v1/apps/${APP_ID}/cloud_recording/acquire`, {
      method: 'POST',
      headers: { authorization: AUTH, 'content-type': 'application/json' },
      body: JSON.stringify({ cname: channel, uid: '42', clientRequest: {} }),
    });
    expect(direct.status).toBe(200);
    const { resourceId } = await direct.json();
    const started = await relay({
      operationId: 'start-recording',
      environment: 'sandbox',
      path: { appid: APP_ID, resourceid: resourceId, mode: 'mix' },
      headers: { Authorization: AUTH },
      body: { cname: channel, uid: '42', clientRequest: { recordingConfig: { channelType: 0 }, storageConfig: { vendor: 1, region: 0, bucket: 'b', accessKey: 'a', secretKey: 's' } } },
    });
    const result = await started.json();
    expect(result.status).toBe(200);
    expect(result.body.resourceId).toBe(resourceId);
    expect(typeof result.body.sid).toBe('string');
  });

  it('retries a sandbox 503 fault with the same X-Request-ID and succeeds', async () => {
    const response = await relay({
      operationId: 'list-channels',
      environment: 'sandbox',
      path: { appid: APP_ID },
      headers: { Authorization: AUTH, 'X-Sandbox-Fault': '503' },
    });
    const result = await response.json();
    expect(result.attempts.map((a: { status: number }) => a.status)).toEqual([503, 200]);
  });

  it('fails over when the sandbox says the primary is down', async () => {
    const response = await relay({
      operationId: 'list-channels',
      environment: 'sandbox',
      path: { appid: APP_ID },
      headers: { Authorization: AUTH, 'X-Sandbox-Down': 'api.agora.io' },
    });
    const result = await response.json();
    expect(result.status).toBe(200);
    expect(result.attempts.map((a: { host: string }) => a.host)).toEqual(['api.agora.io', 'api.agora.io', 'api.sd-rtn.com']);
    expect(result.attempts[0].error.kind).toBe('dns');
  });

  it('keys the rate limit on the socket address, not a client-sent x-client-ip', async () => {
    const limited = await startServer({ port: 0, buildDir, env: {}, sandbox: null, relay: { rateLimit: { max: 1, windowMs: 60_000 }, logger: { log: () => undefined } } });
    try {
      const send = (ip: string) =>
        fetch(`${limited.url}/api/relay`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-client-ip': ip },
          body: JSON.stringify({ operationId: 'nope', environment: 'live' }),
        });
      expect((await send('10.0.0.1')).status).toBe(404);
      expect((await send('10.0.0.2')).status).toBe(429);
    } finally {
      await limited.close();
    }
  });

  it('keys the rate limit on x-client-ip when TRUST_PROXY=1 (a reverse proxy sets it)', async () => {
    const proxied = await startServer({ port: 0, buildDir, env: { TRUST_PROXY: '1' }, sandbox: null, relay: { rateLimit: { max: 1, windowMs: 60_000 }, logger: { log: () => undefined } } });
    try {
      const send = (ip: string) =>
        fetch(`${proxied.url}/api/relay`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-client-ip': ip },
          body: JSON.stringify({ operationId: 'nope', environment: 'live' }),
        });
      expect((await send('10.0.0.1')).status).toBe(404);
      expect((await send('10.0.0.2')).status).toBe(404);
      expect((await send('10.0.0.2')).status).toBe(429);
    } finally {
      await proxied.close();
    }
  });

  it('mounts a sandbox by default, and answers 503 on /sandbox when told to mount none', async () => {
    const quiet = { logger: { log: () => undefined } };
    const byDefault = await startServer({ port: 0, buildDir, env: {}, relay: quiet });
    const without = await startServer({ port: 0, buildDir, env: {}, sandbox: null, relay: quiet });
    try {
      const list = (url: string) => fetch(`${url}/sandbox/dev/v1/channel/${APP_ID}`, { headers: { authorization: AUTH } });
      expect((await list(byDefault.url)).status).toBe(200);
      const missing = await list(without.url);
      expect(missing.status).toBe(503);
      expect((await missing.json()).error.code).toBe('sandbox_unavailable');
    } finally {
      await Promise.all([byDefault.close(), without.close()]);
    }
  });

  it('never logs the Authorization header', () => {
    expect(logs.length).toBeGreaterThan(0);
    expect(JSON.stringify(logs)).not.toContain(AUTH.slice(6));
  });
});
