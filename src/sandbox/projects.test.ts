/**
 * Per-visitor projects: each issued project has its own App ID, credentials,
 * state, limits and reset, and nothing one visitor does reaches another.
 */
import { DEMO } from './demo';
import { createSandbox } from './index';
import { MemoryStore } from './store/memory';
import { StoreUnavailableError, type KeyValueStore } from './store/types';
import { APP, BASIC, BEARER, issueProject, paths, testSandbox } from './testing';

const acquireBody = { cname: 'room', uid: '527841', clientRequest: { scene: 0, resourceExpiredHour: 24 } };
const startBody = {
  cname: 'room',
  uid: '527841',
  clientRequest: { storageConfig: { vendor: 1, region: 0, bucket: 'b', accessKey: 'a', secretKey: 's' } },
};
const forApp = (path: string, appId: string) => path.replace(APP, appId);

describe('per-visitor sandbox projects', () => {
  it('issues a project with fresh credentials, never cached, that opens its own App ID only', async () => {
    const t = testSandbox();
    const response = await t.sandbox.handler(new Request('https://sandbox.test/__sandbox/projects', { method: 'POST' }));
    expect(response.status).toBe(201);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const issued = await response.json();
    expect(issued).toMatchObject({ appId: expect.stringMatching(/^[0-9a-f]{32}$/), customerId: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect(issued.appId).not.toBe(DEMO.appId);
    expect(issued.expiresAt - issued.createdAt).toBe(7 * 24 * 60 * 60_000);
    const mine = await issueProject(t.sandbox);
    expect((await t.call('GET', forApp(paths.channels, mine.appId), { auth: mine.basic })).status).toBe(200);
    // Someone else's App ID with these credentials: the family's invalid-App-ID answer, naming the caller's own.
    const foreign = await t.call('GET', forApp(paths.channels, issued.appId), { auth: mine.basic });
    expect(foreign.status).toBe(400);
    expect(foreign.body.reason).toContain(`your sandbox project, App ID ${mine.appId}`);
    // Nor does the demo App ID open with a visitor's credentials, or theirs with the demo credentials.
    expect((await t.call('GET', paths.channels, { auth: mine.basic })).status).toBe(400);
    expect((await t.call('GET', forApp(paths.channels, mine.appId))).status).toBe(400);
  });

  it('keeps state apart: a recording started in one project does not exist in another', async () => {
    const t = testSandbox();
    const a = await issueProject(t.sandbox);
    const b = await issueProject(t.sandbox);
    const acquired = await t.call('POST', forApp(paths.acquire, a.appId), { auth: a.basic, body: acquireBody });
    expect(acquired.status).toBe(200);
    const started = await t.call('POST', forApp(paths.start(acquired.body.resourceId), a.appId), { auth: a.basic, body: startBody });
    expect(started.status).toBe(200);
    const query = (who: typeof a) => t.call('GET', forApp(paths.task(acquired.body.resourceId, started.body.sid, 'mix', 'query'), who.appId), { auth: who.basic });
    expect((await query(a)).status).toBe(200);
    expect((await query(b)).status).toBe(404);
    // Channel management shows A's recorder in A's channel only.
    const users = (who: typeof a) => t.call('GET', forApp(paths.users('room'), who.appId), { auth: who.basic });
    expect((await users(a)).body.data.channel_exist).toBe(true);
    expect((await users(b)).body.data.channel_exist).toBe(false);
  });

  it('keeps limits apart: one project at its plan quota does not limit another', async () => {
    const t = testSandbox({ planLimitPerMinute: 3 });
    const a = await issueProject(t.sandbox);
    const b = await issueProject(t.sandbox);
    const get = (who: typeof a) => t.call('GET', forApp(paths.getChannel('demo'), who.appId), { auth: who.bearer });
    for (let i = 0; i < 3; i += 1) expect((await get(a)).status).toBe(200);
    expect((await get(a)).status).toBe(429);
    // An injected fault shows the caller's own meter, not the demo project's.
    const faulted = await t.call('GET', forApp(paths.getChannel('demo'), a.appId), { auth: a.bearer, headers: { 'X-Sandbox-Fault': '503' } });
    expect(faulted.status).toBe(503);
    expect(faulted.headers.get('x-ratelimit-remaining')).toBe('0');
    const other = await get(b);
    expect(other.status).toBe(200);
    expect(other.headers.get('x-ratelimit-remaining')).toBe('2');
    // Resetting A gives A its quota back and leaves B's count alone.
    expect((await t.call('POST', '/__sandbox/reset', { auth: a.basic })).status).toBe(200);
    expect((await get(a)).headers.get('x-ratelimit-remaining')).toBe('2');
    expect((await get(b)).headers.get('x-ratelimit-remaining')).toBe('1');
  });

  it('acts for the credentials\' project on a call that names none (the NCS IP query)', async () => {
    const t = testSandbox();
    const a = await issueProject(t.sandbox);
    const ncs = (await import('../catalog')).listOperations().find((op) => !op.params.some((p) => ['appid', 'appId', 'projectId'].includes(p.name)) && !op.requestBody?.schema.properties?.appid);
    expect(ncs, 'the catalog has an operation that names no project').toBeDefined();
    const answer = await t.call(ncs!.method.toUpperCase(), ncs!.path, { auth: a.basic });
    expect(answer.status).toBe(200);
  });

  it('counts injected faults per project: the same X-Request-ID in another project gets its own fault', async () => {
    const t = testSandbox();
    const a = await issueProject(t.sandbox);
    const b = await issueProject(t.sandbox);
    const faulty = (who: typeof a) =>
      t.call('GET', forApp(paths.channels, who.appId), { auth: who.basic, headers: { 'X-Sandbox-Fault': '503', 'X-Request-ID': 'shared-id' } });
    expect((await faulty(a)).status).toBe(503);
    expect((await faulty(b)).status).toBe(503);
    expect((await faulty(a)).status).toBe(200);
    expect((await faulty(b)).status).toBe(200);
  });

  it('describes, resets and deletes only the project whose credentials are sent', async () => {
    const t = testSandbox();
    const a = await issueProject(t.sandbox);
    const described = await t.call('GET', '/__sandbox/project', { auth: a.basic });
    expect(described.status).toBe(200);
    expect(described.body).toMatchObject({ appId: a.appId, customerId: a.customerId, demo: false, expiresAt: a.expiresAt });
    expect(JSON.stringify(described.body)).not.toContain(a.customerSecret);
    expect((await t.call('GET', '/__sandbox/project', { auth: a.bearer })).body.appId).toBe(a.appId);
    expect((await t.call('GET', '/__sandbox/project', { auth: null })).status).toBe(401);
    const wrong = `Basic ${btoa(`${a.customerId}:not-the-secret`)}`;
    expect((await t.call('POST', '/__sandbox/reset', { auth: wrong })).status).toBe(401);
    const deleted = await t.call('DELETE', '/__sandbox/project', { auth: a.basic });
    expect(deleted.body).toEqual({ deleted: true, appId: a.appId });
    const after = await t.call('GET', '/__sandbox/project', { auth: a.basic });
    expect(after.status).toBe(401);
    expect(after.body.error.message).toContain('POST /__sandbox/projects');
    expect((await t.call('GET', forApp(paths.channels, a.appId), { auth: a.basic })).status).toBe(401);
  });

  it('keeps the shared demo project from being reset or deleted, except on a standalone sandbox', async () => {
    const t = testSandbox();
    const refused = await t.call('POST', '/__sandbox/reset', { auth: BASIC });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('demo_project_shared');
    expect((await t.call('DELETE', '/__sandbox/project', { auth: BASIC })).status).toBe(403);
    expect((await t.call('GET', '/__sandbox/project', { auth: BEARER })).body).toMatchObject({ appId: APP, demo: true });
    const local = testSandbox({ demoReset: true });
    expect((await local.call('POST', '/__sandbox/reset', { auth: BASIC })).body).toEqual({ reset: true, appId: APP });
  });

  it('limits how many projects one client creates per hour, per client', async () => {
    const t = testSandbox({ projectsPerHour: 2 });
    const issue = (ip: string) => t.call('POST', '/__sandbox/projects', { auth: null, headers: { 'x-client-ip': ip } });
    expect((await issue('10.0.0.1')).status).toBe(201);
    expect((await issue('10.0.0.1')).status).toBe(201);
    const third = await issue('10.0.0.1');
    expect(third.status).toBe(429);
    expect(third.body.error.code).toBe('too_many_projects');
    expect(third.headers.get('retry-after')).toBe('3600');
    expect((await issue('10.0.0.2')).status).toBe(201);
    t.advance(60 * 60_000);
    expect((await issue('10.0.0.1')).status).toBe(201);
  });

  it('says which administrative paths exist and which methods they take', async () => {
    const t = testSandbox();
    const unknown = await t.call('POST', '/__sandbox/wipe-everything', { auth: null });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toContain('POST /__sandbox/projects');
    const wrongMethod = await t.call('GET', '/__sandbox/reset', { auth: BASIC });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('POST');
  });

  it('answers 503 with advice, not a dropped connection, when its store cannot be reached', async () => {
    const down = new Proxy(new MemoryStore(), {
      get(target, name) {
        if (name === 'kind') return 'redis';
        return () => Promise.reject(new StoreUnavailableError('The redis store failed: connect ECONNREFUSED'));
      },
    }) as KeyValueStore;
    const sandbox = createSandbox({ store: down });
    const answer = await sandbox.handler(new Request(`https://api.agora.io${paths.channels}`, { headers: { Authorization: BASIC } }));
    expect(answer.status).toBe(503);
    expect(answer.headers.get('retry-after')).toBe('5');
    const body = await answer.json();
    expect(body.error.code).toBe('sandbox_store_unavailable');
    expect(body.error.message).not.toContain('ECONNREFUSED');
  });
});
