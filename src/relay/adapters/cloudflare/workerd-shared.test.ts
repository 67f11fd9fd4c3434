/**
 * Two Workers, one state: the Worker bundle under workerd twice (two Miniflare
 * instances stand for two Cloudflare isolates), both with SANDBOX_STORE naming
 * one REST store (src/sandbox/store/rest.ts). The REST front is the test
 * bridge of src/sandbox/store/testing.ts (Upstash's protocol over the real
 * redis-server the `redis` Vitest project starts), so no request leaves the machine.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Miniflare } from 'miniflare';
import { bundleWorker } from '../../../../scripts/bundle-worker';
import { DEMO } from '../../../sandbox/demo';
import { createStore } from '../../../sandbox/store/index';
import { startRestBridge, testRedisUrl, uniquePrefix, type RestBridge } from '../../../sandbox/store/testing';
import { STORAGE } from '../../../sandbox/testing';

const ORIGIN = 'https://docs.example.workers.dev';
const WHO = { cname: 'demo', uid: '527841' };
// Must match wrangler.toml (checked by workerd.test.ts).
const COMPATIBILITY_DATE = '2026-04-20';

let outdir: string;
const prefix = uniquePrefix('workerd');
let bridge: RestBridge;
const workers: Miniflare[] = [];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON
async function call(worker: Miniflare, method: string, path: string, auth: string, body?: unknown): Promise<{ status: number; body: any }> {
  const response = await worker.dispatchFetch(`${ORIGIN}${path}`, {
    method,
    headers: { authorization: auth, 'content-type': 'application/json', 'cf-connecting-ip': '198.51.100.20' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

beforeAll(async () => {
  bridge = await startRestBridge(testRedisUrl());
  outdir = await mkdtemp(join(tmpdir(), 'agora-worker-shared-'));
  const bundle = await bundleWorker({ outdir });
  const bindings = { SANDBOX_STORE: bridge.url, SANDBOX_STORE_TOKEN: bridge.token, SANDBOX_STORE_PREFIX: prefix };
  for (let i = 0; i < 2; i++) {
    workers.push(new Miniflare({ modules: true, modulesRoot: outdir, scriptPath: bundle.file, compatibilityDate: COMPATIBILITY_DATE, bindings }));
  }
  await Promise.all(workers.map((worker) => worker.ready));
});

afterAll(async () => {
  await Promise.all(workers.map((worker) => worker.dispose()));
  // The Redis outlives this file: leave none of the Workers' keys behind.
  const store = createStore(testRedisUrl(), { prefix });
  await store.clear();
  await store.close();
  await bridge?.close();
  if (outdir) await rm(outdir, { recursive: true, force: true });
});

describe('two Workers over one REST store', () => {
  it('acquire on one Worker, start on the other, query on the first: one visitor project', async () => {
    const [a, b] = workers;
    const created = await a.dispatchFetch(`${ORIGIN}/sandbox/__sandbox/projects`, { method: 'POST', headers: { 'cf-connecting-ip': '198.51.100.20' } });
    expect(created.status).toBe(201);
    const project = (await created.json()) as { appId: string; customerId: string; customerSecret: string };
    const auth = `Basic ${btoa(`${project.customerId}:${project.customerSecret}`)}`;
    const base = `/sandbox/v1/apps/${project.appId}/cloud_recording`;

    // The project made on A opens on B.
    const whoAmI = await call(b, 'GET', '/sandbox/__sandbox/project', auth);
    expect(whoAmI.status).toBe(200);
    expect(whoAmI.body.appId).toBe(project.appId);

    const acquired = await call(a, 'POST', `${base}/acquire`, auth, { ...WHO, clientRequest: { scene: 0 } });
    expect(acquired.status).toBe(200);
    const started = await call(b, 'POST', `${base}/resourceid/${acquired.body.resourceId}/mode/mix/start`, auth, { ...WHO, clientRequest: { storageConfig: STORAGE } });
    expect(started.status).toBe(200);
    const query = await call(a, 'GET', `${base}/resourceid/${acquired.body.resourceId}/sid/${started.body.sid}/mode/mix/query`, auth);
    expect(query.status).toBe(200);
    expect(query.body).toMatchObject({ resourceId: acquired.body.resourceId, sid: started.body.sid });

    // And the demo project still does not see it, on either Worker.
    const demoAuth = `Basic ${btoa(`${DEMO.customerId}:${DEMO.customerSecret}`)}`;
    const demoQuery = await call(b, 'GET', `/sandbox/v1/apps/${DEMO.appId}/cloud_recording/resourceid/${acquired.body.resourceId}/sid/${started.body.sid}/mode/mix/query`, demoAuth);
    expect(demoQuery.status).toBe(404);
  });
});
