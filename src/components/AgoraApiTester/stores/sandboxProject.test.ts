import { describe, expect, it, vi } from 'vitest';
import { DEMO } from '../../../sandbox/demo';
import { resetProject, startOver } from './projectActions';
import { createSandboxProjectStore, PROJECT_KEY, projectAppId, type SandboxProject } from './sandboxProject';
import { memoryStorage } from './testing';

const ONE: SandboxProject = { appId: 'a1'.repeat(16), customerId: 'c1'.repeat(16), customerSecret: 's1', token: 't1', createdAt: 1, expiresAt: 2 };
const TWO: SandboxProject = { ...ONE, appId: 'b2'.repeat(16), customerId: 'd2'.repeat(16) };

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

/** A stand-in sandbox: answers per `METHOD path`, recording each call with its Authorization. */
function sandbox(answers: Record<string, () => Response>) {
  const calls: Array<{ call: string; auth: string | undefined }> = [];
  const fetch = vi.fn<typeof globalThis.fetch>(async (input, init) => {
    const call = `${init?.method ?? 'GET'} ${String(input)}`;
    calls.push({ call, auth: (init?.headers as Record<string, string> | undefined)?.Authorization });
    const answer = answers[call];
    if (!answer) throw new TypeError('Failed to fetch');
    return answer();
  });
  return { fetch, calls };
}

describe('the sandbox project store', () => {
  it('issues a project on first use, keeps it in localStorage, and asks only once per page', async () => {
    const storage = memoryStorage();
    const { fetch, calls } = sandbox({ 'POST /sandbox/__sandbox/projects': () => json(201, ONE) });
    const store = createSandboxProjectStore({ fetch, storage });
    expect(store.get()).toEqual({ kind: 'pending' });
    await Promise.all([store.ensure('/sandbox'), store.ensure('/sandbox')]);
    expect(store.get()).toEqual({ kind: 'ready', project: ONE });
    expect(JSON.parse(storage.data.get(PROJECT_KEY)!)).toEqual(ONE);
    expect(calls.map((call) => call.call)).toEqual(['POST /sandbox/__sandbox/projects']);
    expect(calls[0].auth).toBeUndefined();
  });

  it('checks a stored project with its own credentials and takes the renewed expiry', async () => {
    const storage = memoryStorage({ [PROJECT_KEY]: JSON.stringify(ONE) });
    const { fetch, calls } = sandbox({ 'GET /sandbox/__sandbox/project': () => json(200, { appId: ONE.appId, expiresAt: 99 }) });
    const store = createSandboxProjectStore({ fetch, storage });
    await store.ensure('/sandbox');
    expect(store.get()).toEqual({ kind: 'ready', project: { ...ONE, expiresAt: 99 } });
    expect(calls[0].auth).toBe(`Basic ${btoa(`${ONE.customerId}:${ONE.customerSecret}`)}`);
  });

  it('issues a new project when the stored one expired (401), and says so', async () => {
    const storage = memoryStorage({ [PROJECT_KEY]: JSON.stringify(ONE) });
    const { fetch } = sandbox({
      'GET /sandbox/__sandbox/project': () => json(401, { error: { code: 'unauthorized', message: 'expired' } }),
      'POST /sandbox/__sandbox/projects': () => json(201, TWO),
    });
    const store = createSandboxProjectStore({ fetch, storage });
    const state = await store.ensure('/sandbox');
    expect(state).toMatchObject({ kind: 'ready', project: TWO, notice: expect.stringMatching(/no longer knew your earlier project/) });
    expect(JSON.parse(storage.data.get(PROJECT_KEY)!).appId).toBe(TWO.appId);
    expect(store.isStaleAppId(ONE.appId)).toBe(true);
  });

  it('replaces a project the sandbox forgot while the page was open, once, when a call answers 401', async () => {
    let known = true;
    const { fetch, calls } = sandbox({
      'GET /sandbox/__sandbox/project': () => (known ? json(200, { appId: ONE.appId }) : json(401, { error: { code: 'unauthorized' } })),
      'POST /sandbox/__sandbox/projects': () => json(201, TWO),
    });
    const store = createSandboxProjectStore({ fetch, storage: memoryStorage({ [PROJECT_KEY]: JSON.stringify(ONE) }) });
    await store.ensure('/sandbox');
    // A 401 from credentials the reader typed: the project still checks out and stays.
    expect(await store.recheck()).toBe(false);
    expect(store.get()).toEqual({ kind: 'ready', project: ONE });
    known = false;
    // Three testers answered 401 at once: one check, one new project.
    expect(await Promise.all([store.recheck(), store.recheck(), store.recheck()])).toEqual([true, true, true]);
    expect(store.get()).toMatchObject({ kind: 'ready', project: TWO, notice: expect.stringMatching(/no longer knew/) });
    expect(store.isStaleAppId(ONE.appId)).toBe(true);
    expect(calls.filter((call) => call.call.startsWith('POST')).length).toBe(1);
  });

  it('falls back to the shared demo project, saying why, when the network made too many (429) or the sandbox is unreachable', async () => {
    const limited = createSandboxProjectStore({
      fetch: sandbox({ 'POST /sandbox/__sandbox/projects': () => json(429, { error: { code: 'too_many_projects', message: 'x' } }, { 'Retry-After': '600' }) }).fetch,
      storage: memoryStorage(),
    });
    const state = await limited.ensure('/sandbox');
    expect(state).toMatchObject({ kind: 'shared', notice: expect.stringMatching(/as many sandbox projects.*try again in 10 min.*shared demo project.*every reader/) });
    expect(projectAppId(state)).toBe(DEMO.appId);

    const offline = createSandboxProjectStore({ fetch: sandbox({}).fetch, storage: memoryStorage() });
    expect(await offline.ensure('/sandbox')).toMatchObject({ kind: 'shared', notice: expect.stringMatching(/did not answer \(Failed to fetch\).*shared demo project/) });
  });

  it('starts over: issues a new project, then deletes the old one with its credentials; the old App ID becomes stale', async () => {
    const storage = memoryStorage({ [PROJECT_KEY]: JSON.stringify(ONE) });
    const forgotten: string[] = [];
    const { fetch, calls } = sandbox({
      'GET /sandbox/__sandbox/project': () => json(200, { appId: ONE.appId }),
      'POST /sandbox/__sandbox/projects': () => json(201, TWO),
      'DELETE /sandbox/__sandbox/project': () => json(200, { deleted: true }),
    });
    const store = createSandboxProjectStore({ fetch, storage, onForget: (old, how) => forgotten.push(`${how} ${old.appId}`) });
    await store.ensure('/sandbox');
    expect(store.isStaleAppId(ONE.appId)).toBe(false);
    const result = await startOver(store);
    expect(result).toMatchObject({ ok: true, message: expect.stringContaining(TWO.appId) });
    expect(store.get()).toEqual({ kind: 'ready', project: TWO });
    expect(store.isStaleAppId(ONE.appId)).toBe(true);
    expect(store.isStaleAppId(DEMO.appId)).toBe(true);
    expect(forgotten).toEqual([`replaced ${ONE.appId}`]);
    await vi.waitFor(() => expect(calls.map((call) => call.call)).toContain('DELETE /sandbox/__sandbox/project'));
    expect(calls.find((call) => call.call.startsWith('DELETE'))!.auth).toBe(`Basic ${btoa(`${ONE.customerId}:${ONE.customerSecret}`)}`);
    expect(JSON.parse(storage.data.get(PROJECT_KEY)!).appId).toBe(TWO.appId);
  });

  it('keeps the current project when starting over is refused', async () => {
    const { fetch } = sandbox({
      'GET /sandbox/__sandbox/project': () => json(200, {}),
      'POST /sandbox/__sandbox/projects': () => json(429, { error: { code: 'too_many_projects' } }),
    });
    const store = createSandboxProjectStore({ fetch, storage: memoryStorage({ [PROJECT_KEY]: JSON.stringify(ONE) }) });
    await store.ensure('/sandbox');
    expect(await startOver(store)).toMatchObject({ ok: false, message: expect.stringMatching(/^Could not start over: .*Your current project stays\.$/) });
    expect(store.get()).toEqual({ kind: 'ready', project: ONE });
  });

  it('resets with the project\'s credentials, keeping its App ID, and forgets chained ids', async () => {
    const forgotten: string[] = [];
    const { fetch, calls } = sandbox({ 'GET /sandbox/__sandbox/project': () => json(200, {}), 'POST /sandbox/__sandbox/reset': () => json(200, { reset: true }) });
    const store = createSandboxProjectStore({ fetch, storage: memoryStorage({ [PROJECT_KEY]: JSON.stringify(ONE) }), onForget: (old, how) => forgotten.push(`${how} ${old.appId}`) });
    await store.ensure('/sandbox');
    expect(await resetProject(store)).toMatchObject({ ok: true });
    expect(calls.at(-1)).toEqual({ call: 'POST /sandbox/__sandbox/reset', auth: `Basic ${btoa(`${ONE.customerId}:${ONE.customerSecret}`)}` });
    expect(store.get()).toEqual({ kind: 'ready', project: ONE });
    expect(forgotten).toEqual([`reset ${ONE.appId}`]);
  });

  it('follows another tab that started over (the storage event)', async () => {
    const storage = memoryStorage({ [PROJECT_KEY]: JSON.stringify(ONE) });
    const store = createSandboxProjectStore({ fetch: sandbox({ 'GET /sandbox/__sandbox/project': () => json(200, {}) }).fetch, storage });
    await store.ensure('/sandbox');
    storage.setItem(PROJECT_KEY, JSON.stringify(TWO));
    store.followStorage();
    expect(store.get()).toEqual({ kind: 'ready', project: TWO });
    expect(store.isStaleAppId(ONE.appId)).toBe(true);
  });

  it('ignores a damaged stored value and issues a project', async () => {
    const { fetch } = sandbox({ 'POST /sandbox/__sandbox/projects': () => json(201, ONE) });
    const store = createSandboxProjectStore({ fetch, storage: memoryStorage({ [PROJECT_KEY]: '{"appId":"<script>"}' }) });
    expect(await store.ensure('/sandbox')).toEqual({ kind: 'ready', project: ONE });
  });
});
