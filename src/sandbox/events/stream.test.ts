/**
 * The Events stream: who may open it, what it says first, how a reader
 * resumes, that a call's notices are pushed at once (not at the next poll)
 * and scheduled ones arrive when due, and its limits.
 */
import { createHmac } from 'node:crypto';
import { DEMO } from '../demo';
import { BASIC, issueProject, paths, testSandbox } from '../testing';
import { hmacHex, notificationHeaders } from './sign';
import { MAX_NOTICES } from './log';
import { STREAM_LIMITS } from './stream';
import { parseSse } from './sse';
import { kinds, snapshot, until } from './testing';
import type { NoticeRecord } from './types';

const PLAYER = { player: { streamUrl: 'rtmp://example.agora.io/live/s', channelName: 'streamed', uid: 8 } };

/** A live stream read in the background; `messages()` is what arrived so far. */
function openLive(t: ReturnType<typeof testSandbox>, auth = BASIC, headers: Record<string, string> = {}) {
  const controller = new AbortController();
  let text = '';
  const opened = t.sandbox.handler(new Request('https://sandbox.test/__sandbox/events', { headers: { Authorization: auth, ...headers }, signal: controller.signal }));
  const done = opened.then(async (response) => {
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    for (;;) {
      const { done: ended, value } = await reader.read();
      if (ended) break;
      text += decoder.decode(value);
    }
  });
  return {
    opened,
    done,
    messages: () => parseSse(text),
    notices: () => parseSse(text).filter((m) => m.event === 'notice').map((m) => JSON.parse(m.data) as NoticeRecord),
    close: () => controller.abort(),
  };
}


describe('the Events stream', () => {
  it("needs a project's credentials, and says hello with its App ID, NCS secret and delivery settings", async () => {
    const t = testSandbox({ eventStream: { lifetimeMs: 0 } });
    const none = await t.sandbox.handler(new Request('https://sandbox.test/__sandbox/events'));
    expect(none.status).toBe(401);
    expect((await none.json()).error.code).toBe('unauthorized');
    expect((await snapshot(t.sandbox, `Basic ${btoa('demo-customer-id:wrong')}`)).status).toBe(401);

    const demo = await snapshot(t.sandbox, BASIC);
    expect(demo.hello).toEqual({ appId: DEMO.appId, ncsSecret: 'demo-ncs-secret', delivery: { target: null, operatorTarget: false, configurable: false, allowed: [] } });
    // The page's own kind of request: the response is a stream nobody caches.
    const response = await t.sandbox.handler(new Request('https://sandbox.test/__sandbox/events', { headers: { Authorization: BASIC } }));
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    await response.text();

    const mine = await issueProject(t.sandbox);
    expect(mine.ncsSecret).toMatch(/^[0-9a-f]{32}$/);
    expect((await snapshot(t.sandbox, mine.basic)).hello?.ncsSecret).toBe(mine.ncsSecret);
    // The bearer token opens the same project.
    expect((await snapshot(t.sandbox, mine.bearer)).hello?.appId).toBe(mine.appId);
    const described = await t.sandbox.handler(new Request('https://sandbox.test/__sandbox/project', { headers: { Authorization: mine.basic } }));
    expect((await described.json()).ncsSecret).toBe(mine.ncsSecret);
  });

  it('signs each notice as Agora does: hex HMAC-SHA1 and HMAC-SHA256 of the raw body with the NCS secret', async () => {
    const t = testSandbox({ eventStream: { lifetimeMs: 0 } });
    const mine = await issueProject(t.sandbox);
    await t.call('POST', paths.players().replace(DEMO.appId, mine.appId), { body: PLAYER, auth: mine.basic });
    const { notices } = await snapshot(t.sandbox, mine.basic);
    expect(notices.length).toBe(3);
    for (const notice of notices) {
      expect(JSON.parse(notice.raw)).toEqual(notice.body);
      expect(notice.headers).toEqual({
        'Content-Type': 'application/json',
        'Agora-Signature': createHmac('sha1', mine.ncsSecret).update(notice.raw).digest('hex'),
        'Agora-Signature-V2': createHmac('sha256', mine.ncsSecret).update(notice.raw).digest('hex'),
      });
    }
    expect(await hmacHex('SHA-256', 'k', 'body')).toBe(createHmac('sha256', 'k').update('body').digest('hex'));
    expect((await notificationHeaders('{}', 'a'))['Agora-Signature']).not.toBe((await notificationHeaders('{}', 'b'))['Agora-Signature']);
  });

  it('resumes after Last-Event-ID with only what changed since', async () => {
    const t = testSandbox({ eventStream: { lifetimeMs: 0 } });
    await t.call('POST', paths.players(), { body: PLAYER });
    const first = await snapshot(t.sandbox, BASIC);
    const lastRev = Math.max(...first.notices.map((notice) => notice.rev));
    t.advance(5000);
    const resumed = await snapshot(t.sandbox, BASIC, { lastEventId: lastRev });
    expect(resumed.notices.map((notice) => notice.name)).toEqual(['Player Status Changed']);
    expect(parseSse(resumed.body).find((m) => m.event === 'notice')?.id).toBe(String(resumed.notices[0].rev));
    // Garbage is read as "from the start".
    expect((await snapshot(t.sandbox, BASIC, { lastEventId: -3 })).notices).toHaveLength(4);
  });

  it("pushes a call's notices as soon as the call is answered, and scheduled ones when due", async () => {
    // A poll too slow to explain the arrival: the call's own write must wake the stream.
    const t = testSandbox({ now: Date.now, eventStream: { pollMs: 60_000 } });
    const live = openLive(t);
    expect((await live.opened).status).toBe(200);
    await until(() => live.messages().some((m) => m.event === 'hello'), 'the hello', 3000);
    await t.call('POST', paths.players(), { body: PLAYER });
    await until(() => live.notices().length >= 3, "the call's three notices, pushed (not polled)", 1000);
    expect(kinds(live.notices())).toEqual(['1/101', '1/103', '4/1']);
    live.close();
    await live.done.catch(() => undefined);

    const polled = testSandbox({ now: Date.now, eventStream: { pollMs: 50 } });
    const watcher = openLive(polled);
    await polled.call('POST', paths.players(), { body: PLAYER });
    // Player Status Changed is nobody's call: the stream's own look at the project releases it.
    await until(() => watcher.notices().some((n) => n.name === 'Player Status Changed'), 'running, released by the poll', 5000);
    watcher.close();
    await watcher.done.catch(() => undefined);
  });

  it('ends with bye after its lifetime, and allows a few streams per project', async () => {
    const t = testSandbox({ eventStream: { lifetimeMs: 0 } });
    const ended = await snapshot(t.sandbox, BASIC);
    const bye = parseSse(ended.body).find((m) => m.event === 'bye');
    expect(JSON.parse(bye!.data)).toMatchObject({ retryMs: 1000, reason: expect.stringMatching(/reconnect/) });

    const held = testSandbox({ eventStream: { pollMs: 20 } });
    const open = Array.from({ length: STREAM_LIMITS.perProject }, () => openLive(held));
    for (const stream of open) expect((await stream.opened).status).toBe(200);
    const refused = await held.sandbox.handler(new Request('https://sandbox.test/__sandbox/events', { headers: { Authorization: BASIC } }));
    expect(refused.status).toBe(429);
    expect((await refused.json()).error).toMatchObject({ code: 'too_many_streams', message: expect.stringMatching(/close a tab/) });
    // Another project is not held back by this one.
    const other = await issueProject(held.sandbox);
    const theirs = openLive(held, other.basic);
    expect((await theirs.opened).status).toBe(200);
    // A reader that goes away frees its place.
    open[0].close();
    await open[0].done.catch(() => undefined);
    const again = openLive(held);
    expect((await again.opened).status).toBe(200);
    for (const stream of [...open.slice(1), theirs, again]) stream.close();
    await Promise.all([...open, theirs, again].map((stream) => stream.done.catch(() => undefined)));
  });

  it(`keeps the last ${MAX_NOTICES} notices of a project`, async () => {
    const t = testSandbox({ eventStream: { lifetimeMs: 0 }, planLimitPerMinute: 10_000 });
    // A create sends three notices (channel create, join, Player Created) and a delete three more.
    for (let i = 0; i < 40; i += 1) {
      const created = await t.call('POST', paths.players(), { body: { player: { ...PLAYER.player, channelName: `c${i}` } } });
      await t.call('DELETE', paths.player(created.body.player.id));
    }
    const { notices } = await snapshot(t.sandbox, BASIC);
    expect(notices).toHaveLength(MAX_NOTICES);
    // The oldest went; the newest (the last channel's destroy) is kept.
    expect(notices[0].seq).toBeGreaterThan(1);
    expect(notices.at(-1)?.body.payload).toMatchObject({ channelName: 'c39', lastUid: 8 });
  });
});
