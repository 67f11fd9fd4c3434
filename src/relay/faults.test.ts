/**
 * Fault scenarios against a real HTTP upstream on a local port, through both
 * upstream clients the relay ships with (undici on Node, fetch on serverless).
 * Back-off waits go through a fake clock, so the tests never sleep for real.
 */
import { createServer } from 'node:net';
import { createUndiciUpstream } from './adapters/node/upstream';
import type { RawUpstream, Upstream } from './core/options';
import { APP_ID } from './testing/fixtures';
import { startFakeServer, routeToLocal, type FakeServer } from './testing/fakeServer';
import { makeRelay, readJson, relayRequest } from './testing/harness';

let fake: FakeServer;
let closedPort: number;

beforeAll(async () => {
  fake = await startFakeServer();
  // A port that was just free and is now closed: connecting to it is refused.
  closedPort = await new Promise<number>((resolve) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
});
afterAll(() => fake.close());

const query = (scenario: string, extra: Record<string, unknown> = {}) => ({
  operationId: 'query-recording',
  environment: 'live',
  path: { appid: APP_ID, resourceid: 'r1', sid: 's1', mode: 'mix' },
  headers: { 'X-Scenario': scenario },
  ...extra,
});
const acquire = (scenario: string, extra: Record<string, unknown> = {}) => ({
  operationId: 'acquire',
  environment: 'live',
  path: { appid: APP_ID },
  headers: { 'X-Scenario': scenario },
  body: { cname: 'demo', uid: '1', clientRequest: {} },
  ...extra,
});

const clients: Array<[string, () => Upstream | RawUpstream]> = [
  ['undici dispatch', () => createUndiciUpstream()],
  ['global fetch', () => (req: Request) => fetch(req)],
];

describe.each(clients)('fault scenarios through %s', (_name, makeClient) => {
  // Short attempts for the timeout scenarios; the others get room for a busy shared machine.
  function relayFor(route: { dns?: string[]; ports?: Record<string, number> } = {}, attemptTimeoutMs = 5000) {
    return makeRelay({ fetch: routeToLocal(makeClient(), fake.port, route), limits: { attemptTimeoutMs } });
  }
  const hostsOf = (body: { attempts: Array<{ host: string }> }) => body.attempts.map((a) => a.host);

  it('slow headers: times out each attempt, skips the alternate, ends 504', async () => {
    const { handler, clock } = relayFor({}, 250);
    const response = await handler(relayRequest(query('slow-headers')));
    const body = await readJson(response);
    expect(response.status).toBe(504);
    expect(body.error.code).toBe('upstream_timeout');
    expect(body.attempts.map((a: { error: { kind: string } }) => a.error.kind)).toEqual(['timeout', 'timeout', 'timeout', 'timeout']);
    expect(hostsOf(body)).toEqual(['api.agora.io', 'api.agora.io', 'api-us-east-1.agora.io', 'api-us-east-1.agora.io']);
    expect(clock.waits).toEqual([1100, 3300, 6500]);
    expect(body.attempts.map((a: { waitMs: number }) => a.waitMs)).toEqual([0, 1100, 3300, 6500]);
  });

  it('slow body: the per-attempt timeout covers the body too', async () => {
    const { handler } = relayFor({}, 250);
    const response = await handler(relayRequest(query('slow-body', { retry: false })));
    const body = await readJson(response);
    expect(response.status).toBe(504);
    expect(body.attempts).toHaveLength(1);
    expect(body.attempts[0].error.kind).toBe('timeout');
  });

  it('reset on an idempotent GET: retried on the primary, then the adjacent region (alternate skipped)', async () => {
    const { handler } = relayFor();
    const response = await handler(relayRequest(query('reset')));
    const body = await readJson(response);
    expect(response.status).toBe(502);
    expect(body.error.code).toBe('upstream_unreachable');
    expect(body.attempts.map((a: { error: { kind: string } }) => a.error.kind)).toEqual(['reset', 'reset', 'reset', 'reset']);
    expect(hostsOf(body)).not.toContain('api.sd-rtn.com');
  });

  it('reset on a non-idempotent POST: not retried (it may have reached the server)', async () => {
    const { handler } = relayFor();
    const response = await handler(relayRequest(acquire('reset')));
    const body = await readJson(response);
    expect(response.status).toBe(502);
    expect(body.attempts).toHaveLength(1);
    expect(body.error.message).toMatch(/not idempotent/);
  });

  it('429 with Retry-After seconds: waits at least that long, same host, then succeeds', async () => {
    const { handler, clock } = relayFor();
    const body = await readJson(await handler(relayRequest(query('429-then-ok'))));
    expect(body.status).toBe(200);
    expect(body.attempts.map((a: { status: number }) => a.status)).toEqual([429, 200]);
    expect(hostsOf(body)).toEqual(['api.agora.io', 'api.agora.io']);
    expect(clock.waits).toEqual([2000]);
  });

  it('429 on a non-idempotent POST: retried on the same host (the server refused it before acting)', async () => {
    const { handler, clock } = relayFor();
    const body = await readJson(await handler(relayRequest(acquire('429-then-ok'))));
    expect(body.status).toBe(200);
    expect(body.attempts.map((a: { status: number }) => a.status)).toEqual([429, 200]);
    expect(hostsOf(body)).toEqual(['api.agora.io', 'api.agora.io']);
    expect(clock.waits).toEqual([2000]);
  });

  it('429 with an HTTP-date Retry-After', async () => {
    const { handler, clock } = relayFor();
    const retryAt = new Date(clock.now() + 4000).toUTCString();
    const body = await readJson(await handler(relayRequest(query('429-date', { headers: { 'X-Scenario': '429-date', 'X-Retry-At': retryAt } }))));
    expect(body.attempts.map((a: { status: number }) => a.status)).toEqual([429, 200]);
    expect(clock.waits).toEqual([4000]);
  });

  it('429 asking for longer than the 30 s budget: stops and says why', async () => {
    const { handler, clock } = relayFor();
    const body = await readJson(await handler(relayRequest(query('429-long'))));
    expect(body.status).toBe(429);
    expect(body.attempts).toHaveLength(1);
    expect(body.note).toMatch(/budget/);
    expect(clock.waits).toEqual([]);
  });

  it('503 then 200: one retry on the primary after about 1 s', async () => {
    const { handler, clock } = relayFor();
    const response = await handler(relayRequest(query('503-then-ok')));
    const body = await readJson(response);
    expect(response.status).toBe(200);
    expect(body.status).toBe(200);
    expect(body.attempts.map((a: { status: number }) => a.status)).toEqual([503, 200]);
    expect(hostsOf(body)).toEqual(['api.agora.io', 'api.agora.io']);
    expect(clock.waits).toEqual([1100]);
  });

  it('503 every time: primary, primary, alternate, adjacent, then the last answer with a note', async () => {
    const { handler } = relayFor();
    const body = await readJson(await handler(relayRequest(query('always-503'))));
    expect(body.status).toBe(503);
    expect(hostsOf(body)).toEqual(['api.agora.io', 'api.agora.io', 'api.sd-rtn.com', 'api-us-east-1.agora.io']);
    expect(body.note).toMatch(/Gave up after 4 attempts/);
  });

  it('503 on a non-idempotent POST: answered once, not retried', async () => {
    const { handler } = relayFor();
    const body = await readJson(await handler(relayRequest(acquire('always-503'))));
    expect(body.status).toBe(503);
    expect(body.attempts).toHaveLength(1);
    expect(body.note).toMatch(/not idempotent/);
  });

  it('DNS failure on the primary: retried, then the alternate primary answers (POST too: it never left)', async () => {
    const { handler } = relayFor({ dns: ['api.agora.io'] });
    for (const envelope of [query('ok'), acquire('ok')]) {
      const body = await readJson(await handler(relayRequest(envelope)));
      expect(body.status).toBe(200);
      expect(body.attempts.map((a: { error: { kind: string } | null }) => a.error?.kind ?? null)).toEqual(['dns', 'dns', null]);
      expect(hostsOf(body)).toEqual(['api.agora.io', 'api.agora.io', 'api.sd-rtn.com']);
      expect(body.body.host).toBe('api.sd-rtn.com');
    }
  });

  it('connection refused on the primary: skips the alternate and reaches the adjacent region', async () => {
    const { handler } = relayFor({ ports: { 'api.agora.io': closedPort } });
    const body = await readJson(await handler(relayRequest(acquire('ok'))));
    expect(body.status).toBe(200);
    expect(body.attempts.map((a: { error: { kind: string } | null }) => a.error?.kind ?? null)).toEqual(['connect', 'connect', null]);
    expect(hostsOf(body)).toEqual(['api.agora.io', 'api.agora.io', 'api-us-east-1.agora.io']);
  });

  it('huge body: stops reading past 10 MiB, 502 upstream_too_large, not retried', async () => {
    const { handler } = relayFor();
    const response = await handler(relayRequest(query('huge')));
    const body = await readJson(response);
    expect(response.status).toBe(502);
    expect(body.error.code).toBe('upstream_too_large');
    expect(body.attempts).toHaveLength(1);
  });

  it('gzip bomb: the cap counts decompressed bytes', async () => {
    const { handler } = relayFor();
    const body = await readJson(await handler(relayRequest(query('huge-gzip'))));
    expect(body.error.code).toBe('upstream_too_large');
  });

  it('gzip body: decoded, Content-Encoding and Content-Length dropped', async () => {
    const { handler } = relayFor();
    const body = await readJson(await handler(relayRequest(query('gzip'))));
    expect(body.status).toBe(200);
    expect(body.body.compressed).toBe(true);
    expect(body.headers['content-encoding']).toBeUndefined();
    expect(body.headers['content-length']).toBeUndefined();
    expect(body.sizeBytes).toBeGreaterThan(2000);
  });

  it('non-JSON body: returned as text', async () => {
    const { handler } = relayFor();
    const text = await readJson(await handler(relayRequest(query('text'))));
    expect(text.body).toBe('plain words, not JSON');
    const lie = await readJson(await handler(relayRequest(query('json-lie'))));
    expect(lie.body).toBe('<html>gateway page</html>');
  });

  it('a real 302 to the metadata address is reported, not followed', async () => {
    const { handler } = relayFor();
    const before = fake.seen.length;
    const body = await readJson(await handler(relayRequest(query('redirect'))));
    expect(body.error.code).toBe('upstream_redirect');
    expect(body.error.message).toContain('169.254.169.254');
    expect(fake.seen.length - before).toBe(1);
  });

  it('400: never retried', async () => {
    const { handler } = relayFor();
    const body = await readJson(await handler(relayRequest(query('400'))));
    expect(body.status).toBe(400);
    expect(body.attempts).toHaveLength(1);
    expect(body.note).toBeUndefined();
  });

  it('Media Pull 404: retried on the 5-6 / 10-11 s schedule, three failures and the task has failed', async () => {
    const { handler, clock } = relayFor();
    const envelope = { operationId: 'delete-cloud-player', environment: 'live', path: { region: 'na', appId: APP_ID, id: 'p1' }, headers: { 'X-Scenario': '404' } };
    const body = await readJson(await handler(relayRequest(envelope)));
    expect(body.status).toBe(404);
    expect(clock.waits).toEqual([5500, 10500]);
    expect(hostsOf(body)).toEqual(['api.agora.io', 'api.agora.io', 'api.sd-rtn.com']);
    expect(body.note).toMatch(/Gave up after 3 attempts/);
  });

  it('retry: false makes exactly one attempt', async () => {
    const { handler } = relayFor();
    const body = await readJson(await handler(relayRequest(query('always-503', { retry: false }))));
    expect(body.attempts).toHaveLength(1);
    expect(body.note).toMatch(/retry/);
  });

  it('keeps one X-Request-ID across attempts', async () => {
    const { handler } = relayFor();
    const before = fake.seen.length;
    const id = `same-id-${_name.replace(/\W/g, '')}`;
    await handler(relayRequest(query('503-then-ok', { headers: { 'X-Scenario': '503-then-ok', 'X-Request-ID': id } })));
    expect(fake.seen.slice(before).map((entry) => entry.requestId)).toEqual([id, id]);
    const generated = fake.seen.length;
    await handler(relayRequest(query('503-then-ok')));
    const ids = fake.seen.slice(generated).map((entry) => entry.requestId);
    expect(ids).toHaveLength(2);
    expect(ids[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids[1]).toBe(ids[0]);
  });
});

describe('upstreamBaseOverride (tests and benchmark only)', () => {
  it('sends every attempt to the override while reporting catalog hosts', async () => {
    const { handler } = makeRelay({ fetch: createUndiciUpstream(), upstreamBaseOverride: `http://127.0.0.1:${fake.port}` });
    const body = await readJson(await handler(relayRequest(query('ok'))));
    expect(body.status).toBe(200);
    expect(body.attempts[0].host).toBe('api.agora.io');
    expect(body.body.url).toBe(`/v1/apps/${APP_ID}/cloud_recording/resourceid/r1/sid/s1/mode/mix/query`);
    expect(body.headers['set-cookie']).toBeUndefined();
    expect(body.headers['x-resource-id']).toBe('res-42');
  });

  it('cannot be set from an envelope', async () => {
    const { handler, live } = makeRelay();
    const response = await handler(relayRequest({ ...query('ok'), upstreamBaseOverride: 'http://127.0.0.1:1' }));
    expect(response.status).toBe(400);
    expect(live.calls).toHaveLength(0);
  });
});

describe('safe-to-repeat Media Pull create', () => {
  const create = (player: Record<string, unknown>) => ({
    operationId: 'create-cloud-player',
    environment: 'live',
    path: { region: 'na', appId: APP_ID },
    headers: { 'X-Scenario': 'always-503' },
    body: { player },
  });
  it('retries a named create on 503 (a repeat would get 409, not a second player), but not an unnamed one', async () => {
    const named = makeRelay({ fetch: routeToLocal(createUndiciUpstream(), fake.port) });
    const namedBody = await readJson(await named.handler(relayRequest(create({ name: 'main', streamUrl: 'rtmp://x/live', channelName: 'c' }))));
    expect(namedBody.attempts.length).toBeGreaterThan(1);
    const unnamed = makeRelay({ fetch: routeToLocal(createUndiciUpstream(), fake.port) });
    const unnamedBody = await readJson(await unnamed.handler(relayRequest(create({ streamUrl: 'rtmp://x/live', channelName: 'c' }))));
    expect(unnamedBody.attempts).toHaveLength(1);
    expect(unnamedBody.note).toMatch(/not idempotent/);
  });
});

describe('client goes away', () => {
  it('aborts the upstream attempt and does not retry', async () => {
    const { handler, clock } = makeRelay({ fetch: routeToLocal(createUndiciUpstream(), fake.port) });
    const controller = new AbortController();
    const request = new Request(relayRequest(query('slow-headers')), { signal: controller.signal });
    const started = Date.now();
    setTimeout(() => controller.abort(), 100);
    const body = await readJson(await handler(request));
    expect(Date.now() - started).toBeLessThan(1500);
    expect(body.attempts).toHaveLength(1);
    expect(body.error.message).toMatch(/client went away/);
    expect(clock.waits).toEqual([]);
  });
});
