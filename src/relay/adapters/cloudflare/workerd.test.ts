/**
 * The Cloudflare Workers entry under the real Workers runtime: the bundle that
 * `wrangler deploy` uploads (scripts/bundle-worker.ts, wrangler.toml's `main`),
 * run by workerd through Miniflare with wrangler.toml's compatibility date and
 * flags. Runs offline: no request leaves the machine (sandbox calls only).
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import type { Readable } from 'node:stream';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Miniflare } from 'miniflare';
import { NO_REDIS_ON_WORKERS } from './noRedis';
import { bundleWorker, type WorkerBundle } from '../../../../scripts/bundle-worker';
import { DEMO } from '../../../sandbox/demo';
import { STORAGE } from '../../../sandbox/testing';
import { createFetchSite } from '../../../site/fetch';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../../..');

interface WranglerSettings {
  main: string;
  compatibilityDate: string;
  compatibilityFlags: string[];
  buildCommand: string;
  assets: { directory: string; runWorkerFirst: string[]; notFoundHandling: string; htmlHandling: string };
}

/** The wrangler.toml settings the test shares with the deployment, read by key (no TOML parser is installed; each key occurs once). */
async function readWrangler(): Promise<WranglerSettings> {
  const text = await readFile(join(root, 'wrangler.toml'), 'utf8');
  const value = (key: string) => text.match(new RegExp(`^${key}\\s*=\\s*(.+)$`, 'm'))?.[1].trim();
  const main = value('main');
  const date = value('compatibility_date');
  const flags = value('compatibility_flags');
  const build = value('command');
  const [directory, first, notFound, html] = ['directory', 'run_worker_first', 'not_found_handling', 'html_handling'].map(value);
  if (!main || !date || !flags || !build || !directory || !first || !notFound || !html) {
    throw new Error('wrangler.toml needs main, compatibility_date, compatibility_flags, [build] command and [assets] directory, run_worker_first, not_found_handling, html_handling.');
  }
  return {
    main: JSON.parse(main),
    compatibilityDate: JSON.parse(date),
    compatibilityFlags: JSON.parse(flags),
    buildCommand: JSON.parse(build),
    assets: { directory: JSON.parse(directory), runWorkerFirst: JSON.parse(first), notFoundHandling: JSON.parse(notFound), htmlHandling: JSON.parse(html) },
  };
}

const DEMO_AUTH = `Basic ${btoa(`${DEMO.customerId}:${DEMO.customerSecret}`)}`;
const WHO = { cname: 'demo', uid: '527841' };
const ORIGIN = 'https://docs.example.workers.dev';

interface Answer {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON
  body: any;
}

let wrangler: WranglerSettings;
let outdir: string;
let bundle: WorkerBundle;
let mf: Miniflare;

/** One request to the Worker; `ip` stands for Cloudflare's cf-connecting-ip. */
async function send(
  method: string,
  path: string,
  options: { body?: unknown; auth?: string; ip?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { 'cf-connecting-ip': options.ip ?? '203.0.113.10', ...options.headers };
  if (options.auth) headers.authorization = options.auth;
  if (options.body !== undefined) headers['content-type'] ??= 'application/json';
  const response = await mf.dispatchFetch(`${ORIGIN}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // Not JSON: kept as text so a failing assertion shows what came back.
  }
  return { status: response.status, headers: response.headers as unknown as Headers, body };
}

/** A relay call (POST /api/relay) for the sandbox environment. */
function relay(envelope: Record<string, unknown>, ip?: string): Promise<Answer> {
  return send('POST', '/api/relay', { body: { environment: 'sandbox', ...envelope }, ip });
}

function basic(customerId: string, customerSecret: string): string {
  return `Basic ${btoa(`${customerId}:${customerSecret}`)}`;
}

beforeAll(async () => {
  wrangler = await readWrangler();
  outdir = await mkdtemp(join(tmpdir(), 'agora-worker-'));
  bundle = await bundleWorker({ outdir });
  mf = new Miniflare({
    modules: true,
    modulesRoot: outdir,
    scriptPath: bundle.file,
    compatibilityDate: wrangler.compatibilityDate,
    compatibilityFlags: wrangler.compatibilityFlags,
    // The site's public origin, as a deployment must name it (or SITE_ALLOWED_HOSTS, whose Host check Miniflare
    // cannot show: it sends its own loopback address as Host); a low per-client project limit, so the test reaches it.
    bindings: { RELAY_ALLOWED_ORIGINS: ORIGIN, SANDBOX_PROJECTS_PER_HOUR: '3' },
  });
  await mf.ready;
});

afterAll(async () => {
  await mf?.dispose();
  if (outdir) await rm(outdir, { recursive: true, force: true });
});

describe('Cloudflare Workers entry under workerd', () => {
  it('is the bundle wrangler deploys: same entry script, one self-contained module', async () => {
    expect(wrangler.main).toBe('dist/worker/index.js');
    // wrangler uploads `main` as is (no_bundle): nothing may sit beside it.
    expect(await readdir(outdir)).toEqual(['index.js']);
    expect(wrangler.buildCommand).toContain('scripts/bundle-worker.ts dist/worker');
    expect(bundle.schemas).toBeGreaterThan(10);
    // Workers cap a script at 3 MB gzipped on the free plan; this is the uncompressed size, far below it.
    expect(bundle.bytes).toBeLessThan(2_000_000);
  });

  it('relays a sandbox call and returns the sandbox answer', async () => {
    const answer = await relay({ operationId: 'acquire', path: { appid: DEMO.appId }, headers: { Authorization: DEMO_AUTH }, body: { ...WHO, clientRequest: {} } });
    expect(answer.status).toBe(200);
    expect(answer.body.status).toBe(200);
    expect(answer.body.body).toMatchObject(WHO);
    expect(answer.body.body.resourceId).toMatch(/^[A-Za-z0-9_-]{100,}$/);
    expect(answer.body.attempts).toHaveLength(1);
    // The site's own headers come through the Worker too.
    expect(answer.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('serves /sandbox directly with the demo credentials, sharing state with the relay', async () => {
    const acquired = await send('POST', `/sandbox/v1/apps/${DEMO.appId}/cloud_recording/acquire`, { auth: DEMO_AUTH, body: { ...WHO, clientRequest: { scene: 0 } } });
    expect(acquired.status).toBe(200);
    const resourceId = acquired.body.resourceId as string;
    // Started through the relay, queried on /sandbox: one state in the Worker.
    const started = await relay({
      operationId: 'start-recording',
      path: { appid: DEMO.appId, resourceid: resourceId, mode: 'mix' },
      headers: { Authorization: DEMO_AUTH },
      body: { ...WHO, clientRequest: { storageConfig: STORAGE } },
    });
    expect(started.body.status).toBe(200);
    const sid = started.body.body.sid as string;
    const query = await send('GET', `/sandbox/v1/apps/${DEMO.appId}/cloud_recording/resourceid/${resourceId}/sid/${sid}/mode/mix/query`, { auth: DEMO_AUTH });
    expect(query.status).toBe(200);
    expect(query.body).toMatchObject({ resourceId, sid });
    const channels = await send('GET', `/sandbox/dev/v1/channel/${DEMO.appId}`, { auth: DEMO_AUTH });
    expect(channels.status).toBe(200);
  });

  it("streams a project's notifications (server-sent events, WebCrypto signatures) under workerd", async () => {
    const response = await mf.dispatchFetch(`${ORIGIN}/sandbox/__sandbox/events`, { headers: { authorization: DEMO_AUTH, 'cf-connecting-ip': '203.0.113.10' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const created = await send('POST', `/sandbox/na/v1/projects/${DEMO.appId}/cloud-player/players`, {
      auth: DEMO_AUTH,
      body: { player: { streamUrl: 'rtmp://example.agora.io/live/w', channelName: 'workerd', uid: 31 } },
      headers: { 'x-request-id': 'req-workerd' },
    });
    expect(created.status).toBe(200);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let text = '';
    const deadline = Date.now() + 10_000;
    while (!text.includes('Player Created') && Date.now() < deadline) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value);
    }
    await reader.cancel();
    const notice = text.split('\n\n').find((message) => message.includes('"Player Created"'))!;
    const record = JSON.parse(notice.split('\n').find((line) => line.startsWith('data: '))!.slice(6));
    expect(record.body.payload.xRequestId).toBe('req-workerd');
    const { createHmac } = await import('node:crypto');
    expect(record.headers['Agora-Signature-V2']).toBe(createHmac('sha256', DEMO.ncsSecret).update(record.raw).digest('hex'));
  });

  it('answers a schema violation exactly as the Node site does (validators compiled at build time)', async () => {
    const bad = { cname: 'demo', uid: 527841, clientRequest: { scene: 9 } };
    const path = `/sandbox/v1/apps/${DEMO.appId}/cloud_recording/acquire`;
    const inWorker = await send('POST', path, { auth: DEMO_AUTH, body: bad });
    const node = createFetchSite({ env: {} });
    const inNode = await node(new Request(`${ORIGIN}${path}`, { method: 'POST', headers: { authorization: DEMO_AUTH, 'content-type': 'application/json' }, body: JSON.stringify(bad) }));
    expect(inWorker.status).toBe(400);
    expect(inWorker.status).toBe(inNode.status);
    expect(inWorker.body).toEqual(await inNode.json());
  });

  it('gives a new visitor project its own credentials and state, invisible to the demo project', async () => {
    const created = await send('POST', '/sandbox/__sandbox/projects', { ip: '198.51.100.1' });
    expect(created.status).toBe(201);
    expect(created.headers.get('cache-control')).toContain('no-store');
    const project = created.body as { appId: string; customerId: string; customerSecret: string };
    expect(project.appId).toMatch(/^[0-9a-f]{32}$/);
    expect(project.appId).not.toBe(DEMO.appId);
    const auth = basic(project.customerId, project.customerSecret);

    const acquired = await relay({ operationId: 'acquire', path: { appid: project.appId }, headers: { Authorization: auth }, body: { ...WHO, clientRequest: {} } });
    expect(acquired.body.status).toBe(200);
    const resourceId = acquired.body.body.resourceId as string;
    const started = await send('POST', `/sandbox/v1/apps/${project.appId}/cloud_recording/resourceid/${resourceId}/mode/mix/start`, {
      auth,
      body: { ...WHO, clientRequest: { storageConfig: STORAGE } },
    });
    expect(started.status).toBe(200);
    const sid = started.body.sid as string;

    const ownQuery = await send('GET', `/sandbox/v1/apps/${project.appId}/cloud_recording/resourceid/${resourceId}/sid/${sid}/mode/mix/query`, { auth });
    expect(ownQuery.status).toBe(200);
    // The same recording asked for in the demo project: not there.
    const demoQuery = await send('GET', `/sandbox/v1/apps/${DEMO.appId}/cloud_recording/resourceid/${resourceId}/sid/${sid}/mode/mix/query`, { auth: DEMO_AUTH });
    expect(demoQuery.status).toBe(404);
    expect(demoQuery.body).toEqual({ code: 404, reason: 'failed to find worker' });
    // The project's credentials do not open the demo App ID either.
    const crossed = await send('GET', `/sandbox/v1/apps/${DEMO.appId}/cloud_recording/resourceid/${resourceId}/sid/${sid}/mode/mix/query`, { auth });
    expect(crossed.status).toBe(400);
    expect(crossed.body).toEqual({ code: 400, reason: 'invalid_appid' });

    const whoAmI = await send('GET', '/sandbox/__sandbox/project', { auth });
    expect(whoAmI.status).toBe(200);
    expect(whoAmI.body).toMatchObject({ appId: project.appId, demo: false });
  });

  it('limits projects per client and says when to come back', async () => {
    const ip = '198.51.100.77';
    const statuses: number[] = [];
    let last: Answer | undefined;
    for (let i = 0; i < 4; i++) {
      last = await send('POST', '/sandbox/__sandbox/projects', { ip });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([201, 201, 201, 429]);
    expect(last!.body.error.code).toBe('too_many_projects');
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it("accepts the site's own pages and refuses other sites", async () => {
    const envelope = { operationId: 'acquire', environment: 'sandbox', path: { appid: DEMO.appId }, headers: { Authorization: DEMO_AUTH }, body: { ...WHO, clientRequest: {} } };
    const ownPage = await send('POST', '/api/relay', { body: envelope, headers: { origin: ORIGIN, 'sec-fetch-site': 'same-origin' } });
    expect(ownPage.status).toBe(200);
    const foreignPage = await send('POST', '/api/relay', { body: envelope, headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } });
    expect(foreignPage.status).toBe(403);
    expect(foreignPage.body.error.code).toBe('origin_not_allowed');
    const ownProject = await send('POST', '/sandbox/__sandbox/projects', { ip: '198.51.100.9', headers: { origin: ORIGIN, 'sec-fetch-site': 'same-origin' } });
    expect(ownProject.status).toBe(201);
    const foreignProject = await send('POST', '/sandbox/__sandbox/projects', { ip: '198.51.100.9', headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } });
    expect(foreignProject.status).toBe(403);
    expect(foreignProject.body.error.code).toBe('cross_site_refused');
  });

  it('never answers bad input with a 5xx', async () => {
    const oversizedEnvelope = await send('POST', '/api/relay', { body: { operationId: 'acquire', environment: 'sandbox', body: { pad: 'x'.repeat(2 * 1024 * 1024) } } });
    expect(oversizedEnvelope.status).toBe(413);
    expect(oversizedEnvelope.body.error.code).toBe('body_too_large');
    const oversizedBody = await send('POST', `/sandbox/v1/apps/${DEMO.appId}/cloud_recording/acquire`, { auth: DEMO_AUTH, body: { ...WHO, pad: 'x'.repeat(100 * 1024) } });
    expect(oversizedBody.status).toBe(413);
    const unknownPage = await send('GET', '/no/such/page');
    expect(unknownPage.status).toBe(404);
    expect(unknownPage.body.error.code).toBe('not_found');
    const unknownSandboxPath = await send('GET', '/sandbox/v9/nothing/here', { auth: DEMO_AUTH });
    expect(unknownSandboxPath.status).toBe(404);
    const notJson = await send('POST', '/api/relay', { body: '{"operationId": ', headers: { 'content-type': 'application/json' } });
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.code).toBe('bad_envelope');
    const unknownOperation = await relay({ operationId: 'no-such-operation' });
    expect(unknownOperation.status).toBe(404);
    expect(unknownOperation.body.error.code).toBe('unknown_operation');
    const badCredentials = await send('POST', '/sandbox/__sandbox/reset', { auth: basic('nobody', 'nothing') });
    expect(badCredentials.status).toBe(401);
  });
});

describe('Cloudflare Workers entry with SANDBOX_STORE=redis://…', () => {
  it('answers 503 sandbox_store_unavailable and logs what to set instead (Workers have no TCP client)', async () => {
    let log = '';
    const worker = new Miniflare({
      modules: true,
      modulesRoot: outdir,
      scriptPath: bundle.file,
      compatibilityDate: wrangler.compatibilityDate,
      compatibilityFlags: wrangler.compatibilityFlags,
      bindings: { SANDBOX_STORE: 'redis://default:not-a-real-secret@redis.example:6379' },
      handleRuntimeStdio(stdout: Readable, stderr: Readable) {
        stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
        stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
      },
    });
    try {
      const response = await worker.dispatchFetch(`${ORIGIN}/sandbox/dev/v1/channel/${DEMO.appId}`, { headers: { authorization: DEMO_AUTH } });
      expect(response.status).toBe(503);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('sandbox_store_unavailable');
      expect(body.error.message).not.toContain('not-a-real-secret');
      // The log line reaches the runtime's output asynchronously.
      await vi.waitFor(() => expect(log).toContain(NO_REDIS_ON_WORKERS), { timeout: 5000 });
      expect(log).not.toContain('not-a-real-secret');
    } finally {
      await worker.dispose();
    }
  });
});

describe("Cloudflare Workers entry behind wrangler.toml's [assets]", () => {
  it('serves the pages as Docusaurus builds them, and starts the Worker only for the relay and the sandbox', async () => {
    expect(wrangler.assets.directory).toBe('./build');
    // A build/ in miniature: docusaurus.config.ts's trailingSlash: false writes docs/x.html next to docs/folder/index.html.
    const assets = join(outdir, 'assets');
    await mkdir(join(assets, 'docs/video-calling'), { recursive: true });
    await writeFile(join(assets, 'index.html'), '<title>home</title>');
    await writeFile(join(assets, '404.html'), '<title>missing</title>');
    await writeFile(join(assets, 'docs/sandbox.html'), '<title>sandbox page</title>');
    await writeFile(join(assets, 'docs/video-calling/index.html'), '<title>video calling</title>');
    const site = new Miniflare({
      modules: true,
      modulesRoot: outdir,
      scriptPath: bundle.file,
      compatibilityDate: wrangler.compatibilityDate,
      compatibilityFlags: wrangler.compatibilityFlags,
      // What wrangler makes of [assets]: run_worker_first's patterns become the router's user_worker rules.
      assets: {
        directory: assets,
        routerConfig: { has_user_worker: true, invoke_user_worker_ahead_of_assets: false, static_routing: { user_worker: wrangler.assets.runWorkerFirst } },
        assetConfig: {
          not_found_handling: wrangler.assets.notFoundHandling as '404-page',
          html_handling: wrangler.assets.htmlHandling as 'drop-trailing-slash',
        },
      },
    });
    try {
      const get = async (path: string, init: RequestInit = {}) => {
        const response = await site.dispatchFetch(`${ORIGIN}${path}`, { redirect: 'manual', ...init } as never);
        return { status: response.status, text: await response.text() };
      };
      expect(await get('/')).toEqual({ status: 200, text: '<title>home</title>' });
      // Docusaurus links are /docs/x, never with .html or a trailing slash: served as they are, no redirect.
      expect(await get('/docs/sandbox')).toEqual({ status: 200, text: '<title>sandbox page</title>' });
      expect(await get('/docs/video-calling')).toEqual({ status: 200, text: '<title>video calling</title>' });
      expect(await get('/no/such/page')).toEqual({ status: 404, text: '<title>missing</title>' });
      // A name that only starts like the sandbox's is a page path, not the Worker's.
      expect(await get('/sandboxes')).toEqual({ status: 404, text: '<title>missing</title>' });
      const sandbox = await get(`/sandbox/dev/v1/channel/${DEMO.appId}`, { headers: { authorization: DEMO_AUTH } });
      expect(sandbox.status).toBe(200);
      expect(JSON.parse(sandbox.text).success).toBe(true);
      const relayed = await get('/api/relay', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(relayed.status).toBe(400);
      expect(JSON.parse(relayed.text).error.code).toBe('bad_envelope');
    } finally {
      await site.dispose();
    }
  });
});
