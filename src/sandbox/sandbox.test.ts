import { listOperations } from '../catalog';
import { createSandbox, defaultFamilies } from './index';
import { APP, BASIC, BEARER, issueProject, paths, testSandbox } from './testing';

describe('sandbox handler', () => {
  it('has exactly one handler per catalog operation', () => {
    const handlers = defaultFamilies.flatMap((family) => family.handlers.map((h) => h.operationId));
    expect(handlers.sort()).toEqual(listOperations().map((op) => op.id).sort());
  });

  it('answers 401 with the gateway body for missing, wrong or wrong-kind credentials', async () => {
    const t = testSandbox();
    // Agora's gateway words the two failures differently (Cloud Recording's status-code page).
    const cases: Array<[string | null, string]> = [
      [null, 'Unauthorized'],
      ['', 'Unauthorized'],
      [`Basic ${btoa('demo-customer-id:wrong')}`, 'Invalid authentication credentials'],
      ['Bearer demo-token', 'Invalid authentication credentials'],
      ['Basic !!!', 'Invalid authentication credentials'],
      ['demo-customer-id', 'Invalid authentication credentials'],
    ];
    for (const [auth, message] of cases) {
      const answer = await t.call('GET', paths.channels, { auth });
      expect(answer.status, String(auth)).toBe(401);
      expect(answer.body, String(auth)).toEqual({ message });
      // Channel management documents no plan quota headers.
      expect(answer.headers.get('x-ratelimit-remaining')).toBeNull();
    }
    // The guide's calls report the plan quota; a 401 does not count against it.
    const guide = await t.call('GET', paths.getChannel('demo'), { auth: null });
    expect(guide.status).toBe(401);
    expect(guide.headers.get('x-ratelimit-remaining')).toBe('100');
  });

  it('answers every family’s invalid App ID in its own shape', async () => {
    const t = testSandbox();
    const other = 'a'.repeat(32);
    const recording = await t.call('POST', `/v1/apps/${other}/cloud_recording/acquire`, { body: { cname: 'demo', uid: '1', clientRequest: {} } });
    expect(recording.status).toBe(400);
    // Cloud Recording's status-code page: an App ID the service does not know is code 400, invalid_appid.
    expect(recording.body).toMatchObject({ code: 400, reason: 'invalid_appid' });
    const guide = await t.call('POST', `/v1/projects/${other}/rtc/channels`, { body: { channel: 'a', uid: '1' } });
    expect(guide.status).toBe(403);
    expect(guide.body.details.field).toBe('projectId');
  });

  it('answers 404 no Route matched for unknown paths and methods', async () => {
    const t = testSandbox();
    for (const [method, path] of [
      ['GET', '/v1/nothing'],
      ['DELETE', paths.acquire],
    ]) {
      const answer = await t.call(method, path);
      expect(answer.status).toBe(404);
      expect(answer.body).toEqual({ message: 'no Route matched with those values' });
    }
  });

  it('echoes X-Request-ID, or makes one up', async () => {
    const t = testSandbox();
    expect((await t.call('GET', paths.channels, { headers: { 'X-Request-ID': 'abc-123' } })).headers.get('x-request-id')).toBe('abc-123');
    expect((await t.call('GET', paths.channels)).headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends CORS headers and answers preflights for Authorization and X-Sandbox-* headers', async () => {
    const { sandbox } = testSandbox();
    const preflight = await sandbox.handler(
      new Request(`http://127.0.0.1:4010${paths.acquire}`, {
        method: 'OPTIONS',
        headers: { Origin: 'http://example.com', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type,x-sandbox-fault,x-sandbox-extra' },
      }),
    );
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('PATCH');
    const allowed = preflight.headers.get('access-control-allow-headers')!.toLowerCase();
    for (const name of ['authorization', 'content-type', 'x-request-id', 'x-sandbox-fault', 'x-sandbox-down', 'x-sandbox-extra']) expect(allowed).toContain(name);
    const t = testSandbox();
    const answer = await t.call('GET', paths.channels);
    expect(answer.headers.get('access-control-allow-origin')).toBe('*');
    expect(answer.headers.get('access-control-expose-headers')).toContain('X-RateLimit-Remaining');
    expect(answer.headers.get('content-type')).toContain('application/json');
  });

  it('reports malformed JSON, a missing body and a too-large body', async () => {
    const t = testSandbox();
    const broken = await t.call('POST', paths.acquire, { body: '{"cname": ' });
    expect(broken.status).toBe(400);
    expect(broken.body.reason).toContain('body: is not valid JSON');
    const none = await t.call('POST', paths.acquire);
    expect(none.status).toBe(400);
    expect(none.body.reason).toContain('body: is required');
    const huge = await t.call('POST', paths.acquire, { body: JSON.stringify({ cname: 'x'.repeat(70_000) }) });
    expect(huge.status).toBe(413);
  });

  it('serves under a base path and also the bare Agora paths (in-process relay)', async () => {
    const sandbox = createSandbox({ basePath: '/sandbox' });
    const viaSite = await sandbox.handler(new Request(`http://localhost:3000/sandbox${paths.channels}`, { headers: { Authorization: BASIC } }));
    expect(viaSite.status).toBe(200);
    const viaRelay = await sandbox.handler(new Request(`https://api.agora.io${paths.channels}`, { headers: { Authorization: BASIC } }));
    expect(viaRelay.status).toBe(200);
  });

  it('POST /__sandbox/reset puts back one project, with its credentials; sandbox.reset() is in-process only', async () => {
    const sandbox = createSandbox({ basePath: '/sandbox' });
    const mine = await issueProject(sandbox);
    const create = (auth: string, appId: string) =>
      sandbox.handler(
        new Request(`http://localhost:3000/sandbox/na/v1/projects/${appId}/cloud-player/players`, {
          method: 'POST',
          headers: { Authorization: auth, 'Content-Type': 'application/json' },
          body: JSON.stringify({ player: { streamUrl: 'rtmp://x/y', channelName: 'demo', uid: 1, name: 'only' } }),
        }),
      );
    expect((await create(mine.basic, mine.appId)).status).toBe(200);
    expect((await create(mine.basic, mine.appId)).status).toBe(409);
    expect((await create(BASIC, APP)).status).toBe(200);
    const anonymous = await sandbox.handler(new Request('http://localhost:3000/sandbox/__sandbox/reset', { method: 'POST' }));
    expect(anonymous.status).toBe(401);
    const reset = await sandbox.handler(new Request('http://localhost:3000/sandbox/__sandbox/reset', { method: 'POST', headers: { Authorization: mine.basic } }));
    expect(reset.status).toBe(200);
    expect(await reset.json()).toEqual({ reset: true, appId: mine.appId });
    expect((await create(mine.basic, mine.appId)).status).toBe(200);
    // The demo project was not touched by that reset.
    expect((await create(BASIC, APP)).status).toBe(409);
    await sandbox.reset();
    expect((await create(BASIC, APP)).status).toBe(200);
  });

  it('counts the plan against the credentials\' own project, whatever App ID a request names', async () => {
    const t = testSandbox({ planLimitPerMinute: 2 });
    const other = await issueProject(t.sandbox);
    // The demo credentials naming another project's App ID are refused, and counted against the demo project.
    const foreign = `/v1/projects/${other.appId}/channels/demo`;
    expect((await t.call('GET', foreign, { auth: BEARER })).status).toBe(403);
    expect((await t.call('GET', foreign, { auth: BEARER })).status).toBe(403);
    expect((await t.call('GET', paths.getChannel('demo'), { auth: BEARER })).status).toBe(429);
    const own = await t.call('GET', foreign, { auth: other.bearer });
    expect(own.status).toBe(200);
    expect(own.headers.get('x-ratelimit-remaining')).toBe('1');
  });

  it('applies the plan quota only where the catalog names a plan (the guide calls), not to Agora families', async () => {
    const t = testSandbox({ planLimitPerMinute: 2 });
    for (let i = 0; i < 5; i += 1) {
      const answer = await t.call('GET', paths.banRules, { query: { appid: APP } });
      expect(answer.status).toBe(200);
      expect(answer.headers.get('x-ratelimit-limit')).toBeNull();
    }
  });
});
