/**
 * Webhook delivery over real sockets: a sandbox server POSTs to a receiver
 * started by the test. The flows of the issue arrive in order and signed with
 * the project's NCS secret; failures are retried as Agora documents (an
 * immediate resend, then growing intervals, three retries, a new notifyMs and
 * signature each time); targets are the operator's or among the allowed ones.
 */
import { DEMO } from '../demo';
import { startSandboxServer, type SandboxServer } from '../serve';
import { BASIC, issueProject, paths, STORAGE, testSandbox } from '../testing';
import { parseAllowList, type WebhookOptions } from './delivery';
import { parseSse } from './sse';
import { signedBy, startReceiver, until, type Received } from './testing';

type Receiver = Awaited<ReturnType<typeof startReceiver>>;

const running: Array<SandboxServer | Receiver> = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
});

async function setUp(answer?: Parameters<typeof startReceiver>[0], webhooks: Partial<WebhookOptions> = {}) {
  const receiver = await startReceiver(answer);
  const sandbox = await startSandboxServer({ port: 0, sandbox: { webhooks: { url: receiver.url, retryDelaysMs: [0, 150, 300], ...webhooks } } });
  running.push(receiver, sandbox);
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${sandbox.url}${path}`, {
      method,
      headers: { Authorization: BASIC, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as any }; // eslint-disable-line @typescript-eslint/no-explicit-any -- test reads JSON
  };
  return { receiver, sandbox, call };
}

const product = (received: Received[], productId: number) => received.filter((entry) => entry.body.productId === productId);
const names = (received: Received[]) => received.map((entry) => `${entry.body.productId}/${entry.body.eventType}`);

describe('webhook delivery', () => {
  it('delivers a Media Pull create -> running -> delete flow in order, signed with the demo secret', async () => {
    const { receiver, call } = await setUp();
    const created = await call('POST', paths.players(), { player: { streamUrl: 'rtmp://example.agora.io/live/a', channelName: 'hooked', uid: 9, name: 'hook' } }, { 'X-Request-ID': 'req-hook' });
    expect(created.status).toBe(200);
    await until(() => product(receiver.received, 4).length === 2, `Player Created and Player Status Changed (got ${names(receiver.received)})`, 8000).catch((e) => { throw new Error(`${e.message} ${names(receiver.received)}`); });
    expect((await call('DELETE', paths.player(created.body.player.id))).status).toBe(200);
    await until(() => product(receiver.received, 4).length === 3, 'Player Destroyed');
    await until(() => receiver.received.length === 7, 'the channel events');

    expect(names(receiver.received)).toEqual(['1/101', '1/103', '4/1', '4/4', '4/3', '1/104', '1/102']);
    const [createdNotice, runningNotice, destroyedNotice] = product(receiver.received, 4);
    expect(createdNotice.body.payload).toMatchObject({ player: { status: 'connecting', name: 'hook' }, xRequestId: 'req-hook' });
    expect(runningNotice.body.payload).toMatchObject({ player: { status: 'running' } });
    expect(destroyedNotice.body.payload).toMatchObject({ destroyReason: 'Delete Request' });
    // Sent about three seconds after the create, as it happens, not at the next call.
    expect((runningNotice.body.payload.lts as number) - (createdNotice.body.payload.lts as number)).toBe(3000);
    expect(runningNotice.body.notifyMs).toBeGreaterThanOrEqual(runningNotice.body.payload.lts as number);
    for (const entry of receiver.received) {
      expect(entry.headers['content-type']).toBe('application/json');
      expect(signedBy(entry, DEMO.ncsSecret)).toBe(true);
      expect(signedBy(entry, 'some-other-secret')).toBe(false);
    }
    expect(new Set(receiver.received.map((entry) => entry.body.noticeId)).size).toBe(7);
  });

  it("delivers a Cloud Recording start -> stop flow in order, signed with a visitor project's own secret", async () => {
    const { receiver, sandbox } = await setUp();
    const issued = await (await fetch(`${sandbox.url}/__sandbox/projects`, { method: 'POST' })).json();
    const auth = `Basic ${Buffer.from(`${issued.customerId}:${issued.customerSecret}`).toString('base64')}`;
    const post = async (path: string, body: unknown) =>
      (await fetch(`${sandbox.url}${path.replace(DEMO.appId, issued.appId)}`, { method: 'POST', headers: { Authorization: auth, 'Content-Type': 'application/json' }, body: JSON.stringify(body) })).json();
    const who = { cname: 'recorded', uid: '77' };
    // Someone to record, so the stop uploads a file.
    await post(paths.players(), { player: { streamUrl: 'rtmp://example.agora.io/live/b', channelName: 'recorded', uid: 5 } });
    const { resourceId } = await post(paths.acquire, { ...who, clientRequest: {} });
    const { sid } = await post(paths.start(resourceId), { ...who, clientRequest: { storageConfig: STORAGE } });
    await until(() => product(receiver.received, 3).length === 1, 'recorder_started', 8000);
    await post(paths.task(resourceId, sid, 'mix', 'stop'), { ...who, clientRequest: {} });
    await until(() => product(receiver.received, 3).length === 5, 'the stop sequence', 8000);

    const recording = product(receiver.received, 3);
    expect(recording.map((entry) => (entry.body.payload.details as { msgName: string }).msgName)).toEqual(['recorder_started', 'recorder_leave', 'uploader_started', 'uploaded', 'session_exit']);
    expect(recording.map((entry) => entry.body.payload.sid)).toEqual(Array(5).fill(sid));
    expect(recording.map((entry) => entry.body.payload.sequence)).toEqual([0, 1, 2, 3, 4]);
    for (const entry of receiver.received) {
      expect(signedBy(entry, issued.ncsSecret)).toBe(true);
      expect(signedBy(entry, DEMO.ncsSecret)).toBe(false);
    }
  });

  it('resends a failed notice at once, then at growing intervals, with a new notifyMs and signature each time, and records every attempt', async () => {
    // Three refusals, then 200: the fourth attempt (third retry) delivers.
    const { receiver, sandbox, call } = await setUp((entry, index) => ({ status: index < 3 ? 500 : 200 }));
    await call('POST', paths.banRules, { appid: DEMO.appId, cname: 'demo', uid: 456, privileges: ['join_channel'] });
    await until(() => receiver.received.length >= 4, 'four attempts');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const attempts = receiver.received.filter((entry) => entry.body.noticeId === receiver.received[0].body.noticeId);
    expect(attempts).toHaveLength(4);
    const notifyMs = attempts.map((entry) => entry.body.notifyMs);
    expect(new Set(notifyMs).size).toBe(4);
    const gaps = attempts.slice(1).map((entry, i) => entry.at - attempts[i].at);
    // Immediately (well under the next interval), then about 150 and 300 ms later.
    expect(gaps[0]).toBeLessThan(140);
    expect(gaps[1]).toBeGreaterThanOrEqual(140);
    expect(gaps[2]).toBeGreaterThanOrEqual(280);
    expect(new Set(attempts.map((entry) => entry.headers['agora-signature-v2'])).size).toBe(4);
    expect(attempts.every((entry) => signedBy(entry, DEMO.ncsSecret))).toBe(true);

    // The Events stream shows the attempts.
    const stream = await readStream(sandbox.url);
    const record = stream.find((notice) => notice.body.noticeId === attempts[0].body.noticeId)!;
    expect(record.delivery).toMatchObject({ target: receiver.url, state: 'delivered' });
    expect(record.delivery!.attempts.map((attempt) => attempt.status)).toEqual([500, 500, 500, 200]);
    expect(record.body.notifyMs).toBe(notifyMs[3]);
  });

  it('gives up after three retries, and says why an attempt failed without an answer', async () => {
    const { receiver, sandbox, call } = await setUp(() => ({ status: 503 }));
    await call('POST', paths.banRules, { appid: DEMO.appId, cname: 'lobby', uid: 1002, privileges: ['join_channel'] });
    await until(() => receiver.received.length >= 4, 'four attempts');
    await new Promise((resolve) => setTimeout(resolve, 400));
    const first = receiver.received[0].body.noticeId;
    expect(receiver.received.filter((entry) => entry.body.noticeId === first)).toHaveLength(4);
    const record = (await readStream(sandbox.url)).find((notice) => notice.body.noticeId === first)!;
    expect(record.delivery).toMatchObject({ state: 'failed', attempts: [{ n: 1, status: 503 }, { n: 2 }, { n: 3 }, { n: 4 }] });

    // A receiver that is not there: the attempt says the connection was refused.
    await receiver.close();
    await call('POST', paths.banRules, { appid: DEMO.appId, cname: 'lobby', uid: 1001, privileges: ['join_channel'] });
    let refused: string | undefined;
    for (let tries = 0; refused === undefined && tries < 50; tries += 1) {
      const notices = await readStream(sandbox.url);
      refused = notices.flatMap((notice) => notice.delivery?.attempts ?? []).find((attempt) => attempt.error)?.error;
    }
    expect(refused).toMatch(/connection refused/);
  });

  it('counts an answer after 10 s (here: the timeout given) as a failure, and a 200 without JSON as delivered with a note', async () => {
    const { receiver, sandbox, call } = await setUp((entry, index) => (index === 0 ? { status: 200, delayMs: 400 } : { status: 200, body: 'OK' }), { timeoutMs: 200 });
    await call('POST', paths.banRules, { appid: DEMO.appId, cname: 'demo', uid: 789, privileges: ['join_channel'] });
    await until(() => receiver.received.length >= 2, 'the resend');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const record = (await readStream(sandbox.url)).find((notice) => notice.body.noticeId === receiver.received[0].body.noticeId)!;
    expect(record.delivery?.state).toBe('delivered');
    expect(record.delivery?.attempts[0].error).toMatch(/no answer within 0.2 s/);
    expect(record.delivery?.attempts[1]).toMatchObject({ status: 200, note: expect.stringMatching(/JSON/) });
  });

  it('does not follow a redirect (an answer other than 200)', async () => {
    const { receiver, call, sandbox } = await setUp(() => ({ status: 307 }), { retryDelaysMs: [] });
    await call('POST', paths.banRules, { appid: DEMO.appId, cname: 'demo', uid: 123, privileges: ['join_channel'] });
    await until(() => receiver.received.length >= 1, 'the attempt');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const record = (await readStream(sandbox.url)).find((notice) => notice.delivery)!;
    expect(record.delivery).toMatchObject({ state: 'failed', attempts: [{ status: 307 }] });
    expect(receiver.received).toHaveLength(1);
  });
});

describe('webhook targets a project chooses', () => {
  const put = (t: ReturnType<typeof testSandbox>, url: unknown, auth = BASIC) =>
    t.sandbox.handler(new Request('https://sandbox.test/__sandbox/webhook', { method: 'PUT', headers: { Authorization: auth, 'Content-Type': 'application/json' }, body: JSON.stringify({ url }) }));

  it('are refused when the operator allowed none, and for the shared demo project', async () => {
    const t = testSandbox();
    const mine = await issueProject(t.sandbox);
    const disabled = await put(t, 'https://hooks.example.com/agora', mine.basic);
    expect(disabled.status).toBe(403);
    expect((await disabled.json()).error.code).toBe('webhooks_disabled');
    const allowed = testSandbox({ webhooks: { allow: ['https://hooks.example.com/agora/'] } });
    const demo = await put(allowed, 'https://hooks.example.com/agora/x');
    expect(demo.status).toBe(403);
    expect((await demo.json()).error.code).toBe('demo_project_shared');
  });

  it('must fall under an allowed prefix: same scheme, host and port, and a path below it', async () => {
    const t = testSandbox({ webhooks: { allow: ['https://hooks.example.com/agora/'] } });
    const mine = await issueProject(t.sandbox);
    const read = async (response: Response) => ({ status: response.status, body: await response.json() });
    expect(await read(await put(t, 'https://hooks.example.com/agora/mine', mine.basic))).toEqual({
      status: 200,
      body: { delivery: { target: 'https://hooks.example.com/agora/mine', operatorTarget: false, configurable: true, allowed: ['https://hooks.example.com/agora/'] } },
    });
    for (const [url, code] of [
      ['https://hooks.example.com.evil.test/agora/x', 'target_not_allowed'],
      ['https://hooks.example.com@evil.test/agora/x', 'invalid_url'],
      ['http://hooks.example.com/agora/x', 'target_not_allowed'],
      ['https://hooks.example.com:8443/agora/x', 'target_not_allowed'],
      ['https://hooks.example.com/other', 'target_not_allowed'],
      ['ftp://hooks.example.com/agora/', 'invalid_url'],
      ['not a url', 'invalid_url'],
    ] as const) {
      const answer = await read(await put(t, url, mine.basic));
      expect([url, answer.status, answer.body.error.code]).toEqual([url, 400, code]);
    }
    expect((await put(t, 42, mine.basic)).status).toBe(400);
    const noAuth = await t.sandbox.handler(new Request('https://sandbox.test/__sandbox/webhook', { method: 'PUT', body: '{}' }));
    expect(noAuth.status).toBe(401);
    // The chosen target survives (GET), and DELETE clears it.
    const get = await t.sandbox.handler(new Request('https://sandbox.test/__sandbox/webhook', { headers: { Authorization: mine.basic } }));
    expect((await get.json()).delivery.target).toBe('https://hooks.example.com/agora/mine');
    const cleared = await t.sandbox.handler(new Request('https://sandbox.test/__sandbox/webhook', { method: 'DELETE', headers: { Authorization: mine.basic } }));
    expect((await cleared.json()).delivery.target).toBeNull();
  });

  it("deliver a project's notices to its own target and nobody else's", async () => {
    const receiver = await startReceiver();
    running.push(receiver);
    const origin = new URL(receiver.url).origin;
    const server = await startSandboxServer({ port: 0, sandbox: { webhooks: { allow: [`${origin}/agora/`] } } });
    running.push(server);
    const issue = async () => {
      const issued = await (await fetch(`${server.url}/__sandbox/projects`, { method: 'POST' })).json();
      return { ...issued, auth: `Basic ${Buffer.from(`${issued.customerId}:${issued.customerSecret}`).toString('base64')}` };
    };
    const [chooser, quiet] = [await issue(), await issue()];
    const set = await fetch(`${server.url}/__sandbox/webhook`, { method: 'PUT', headers: { Authorization: chooser.auth }, body: JSON.stringify({ url: receiver.url }) });
    expect(set.status).toBe(200);
    for (const project of [chooser, quiet]) {
      await fetch(`${server.url}${paths.players().replace(DEMO.appId, project.appId)}`, {
        method: 'POST',
        headers: { Authorization: project.auth, 'Content-Type': 'application/json' },
        body: JSON.stringify({ player: { streamUrl: 'rtmp://example.agora.io/live/c', channelName: 'own', uid: 3 } }),
      });
    }
    await until(() => receiver.received.length >= 3, "the chooser's notices");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(receiver.received).toHaveLength(3);
    expect(receiver.received.every((entry) => signedBy(entry, chooser.ncsSecret))).toBe(true);
  });

  it('parses the allow list, refusing what is not an http(s) prefix', () => {
    expect(parseAllowList(undefined)).toEqual([]);
    expect(parseAllowList(' https://a.example/hooks/ , http://127.0.0.1:8080 ')).toEqual(['https://a.example/hooks/', 'http://127.0.0.1:8080/']);
    expect(() => parseAllowList('ftp://a.example/')).toThrow(/SANDBOX_WEBHOOK_ALLOW/);
    expect(() => parseAllowList('https://user:pw@a.example/')).toThrow(/user name or password/);
  });
});

/** Every notice the demo project's stream sends within a moment (a snapshot of a live stream). */
async function readStream(base: string) {
  const controller = new AbortController();
  const response = await fetch(`${base}/__sandbox/events`, { headers: { Authorization: BASIC }, signal: controller.signal });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const stop = setTimeout(() => controller.abort(), 150);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value);
    }
  } catch {
    // Aborted: the snapshot is what arrived.
  } finally {
    clearTimeout(stop);
  }
  const latest = new Map<number, import('./types').NoticeRecord>();
  for (const message of parseSse(text).filter((m) => m.event === 'notice')) {
    const record = JSON.parse(message.data) as import('./types').NoticeRecord;
    latest.set(record.seq, record);
  }
  return [...latest.values()];
}
