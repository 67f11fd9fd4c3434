import { describe, expect, it } from 'vitest';
import type { NoticeRecord } from '../../sandbox/events/types';
import { createEventsStore, mergeNotice, type EventsDeps } from './store';

const encoder = new TextEncoder();

function notice(seq: number, rev: number, extra: Partial<NoticeRecord> = {}): NoticeRecord {
  const body = { noticeId: `n:${seq}`, productId: 4, eventType: 1, notifyMs: 1000 + seq, payload: {} };
  return { seq, rev, family: 'media-pull', name: 'Player Created', body, raw: JSON.stringify(body), headers: {}, ...extra };
}

/** A stream the test writes to and ends (or breaks) when it wants. */
function liveBody() {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
  return {
    body,
    send: (text: string) => controller.enqueue(encoder.encode(text)),
    end: () => controller.close(),
    fail: () => controller.error(new Error('connection reset')),
  };
}

interface Call {
  url: string;
  headers: Record<string, string>;
  signal: AbortSignal;
}

/** Fake fetch, timers and clock: each fetch takes the next queued answer. */
function harness(answers: Array<() => Response | Promise<Response>>) {
  const calls: Call[] = [];
  const timers: Array<{ run: () => void; ms: number; cleared: boolean }> = [];
  let unauthorized = 0;
  const deps: EventsDeps = {
    fetch: async (input, init) => {
      calls.push({ url: String(input), headers: init?.headers as Record<string, string>, signal: init!.signal! });
      const next = answers.shift();
      if (!next) throw new Error('no answer queued');
      return next();
    },
    setTimeout: (run, ms) => {
      const timer = { run, ms, cleared: false };
      timers.push(timer);
      return timer;
    },
    clearTimeout: (timer) => void ((timer as { cleared: boolean }).cleared = true),
    now: () => 0,
    onUnauthorized: () => void unauthorized++,
  };
  const store = createEventsStore('/sandbox/', deps);
  /** Run the pending timer and let the connection it starts settle. */
  const fire = async () => {
    const timer = timers.filter((entry) => !entry.cleared).pop();
    if (!timer) throw new Error('no timer pending');
    timer.cleared = true;
    timer.run();
    await settle();
    return timer.ms;
  };
  return { store, calls, timers, fire, unauthorized: () => unauthorized };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

const AUTH = { key: 'app-1', authorization: 'Basic aWQ6c2VjcmV0' };
const stream = (body: ReadableStream<Uint8Array>) => new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
const message = (event: string, data: unknown, id?: number) => `${id !== undefined ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
const HELLO = { appId: 'app-1', ncsSecret: 'demo-ncs-secret', delivery: { target: null, operatorTarget: false, configurable: false, allowed: [] } };

describe('mergeNotice', () => {
  it('keeps notices newest first, one per seq, the highest rev winning', () => {
    let notices = mergeNotice([], notice(1, 1));
    notices = mergeNotice(notices, notice(2, 2));
    notices = mergeNotice(notices, notice(1, 3, { name: 'delivered' }));
    const same = mergeNotice(notices, notice(1, 2, { name: 'stale' }));
    expect(same).toBe(notices);
    expect(notices.map((entry) => [entry.seq, entry.rev, entry.name])).toEqual([
      [2, 2, 'Player Created'],
      [1, 3, 'delivered'],
    ]);
  });
});

describe('createEventsStore', () => {
  it('opens one stream for every watcher, with the credentials in a header, and keys notices by seq', async () => {
    const live = liveBody();
    const h = harness([() => stream(live.body)]);
    const releaseA = h.store.watch(AUTH);
    const releaseB = h.store.watch(AUTH);
    await settle();
    expect(h.calls).toHaveLength(1);
    expect(h.calls[0].url).toBe('/sandbox/__sandbox/events');
    expect(h.calls[0].headers.Authorization).toBe(AUTH.authorization);
    expect(h.calls[0].headers['Last-Event-ID']).toBeUndefined();
    live.send(message('hello', HELLO) + ': ping\n\n' + message('notice', notice(1, 1), 1) + message('notice', notice(2, 2), 2));
    live.send(message('notice', notice(1, 3, { name: 'again' }), 3));
    await settle();
    const state = h.store.get();
    expect(state.status).toBe('open');
    expect(state.hello?.ncsSecret).toBe('demo-ncs-secret');
    expect(state.notices.map((entry) => [entry.seq, entry.rev])).toEqual([
      [2, 2],
      [1, 3],
    ]);
    releaseA();
    expect(h.calls[0].signal.aborted).toBe(false);
    releaseB();
    expect(h.calls[0].signal.aborted).toBe(true);
    expect(h.store.get().status).toBe('idle');
  });

  it('after bye, reconnects when the server said, resuming from the highest rev seen', async () => {
    const first = liveBody();
    const second = liveBody();
    const h = harness([() => stream(first.body), () => stream(second.body)]);
    h.store.watch(AUTH);
    await settle();
    first.send(message('hello', HELLO) + message('notice', notice(4, 9), 9) + message('bye', { reason: 'lifetime', retryMs: 1234 }));
    first.end();
    await settle();
    expect(h.store.get().status).toBe('waiting');
    expect(h.store.get().problem).toBeUndefined();
    expect(await h.fire()).toBe(1234);
    expect(h.calls).toHaveLength(2);
    expect(h.calls[1].headers['Last-Event-ID']).toBe('9');
  });

  it('backs off after dropped connections and failed answers, and says why', async () => {
    const cut = liveBody();
    const h = harness([
      () => stream(cut.body),
      () => Promise.reject(new TypeError('Failed to fetch')),
      () => new Response(JSON.stringify({ error: { code: 'too_many_streams', message: 'Four Events streams are open.' } }), { status: 429 }),
      () => new Response('{}', { status: 503 }),
    ]);
    h.store.watch(AUTH);
    await settle();
    cut.fail();
    await settle();
    expect(h.store.get().problem).toMatch(/cut off/);
    expect(await h.fire()).toBe(1000);
    expect(h.store.get().problem).toMatch(/did not answer/);
    expect(await h.fire()).toBe(2000);
    expect(h.store.get().problem).toMatch(/^Four Events streams are open\. Close the Events panel in other tabs/);
    // 429: at least five seconds, so a full project is not hammered.
    expect(await h.fire()).toBe(5000);
    expect(h.store.get().problem).toMatch(/answered 503/);
    expect(h.timers.filter((timer) => !timer.cleared).pop()?.ms).toBe(8000);
  });

  it('on 401 asks the page to check its project and keeps trying', async () => {
    const h = harness([() => new Response('{"error":{"code":"unauthorized"}}', { status: 401 })]);
    h.store.watch(AUTH);
    await settle();
    expect(h.unauthorized()).toBe(1);
    expect(h.store.get().status).toBe('waiting');
    expect(h.store.get().problem).toMatch(/401/);
  });

  it('stops when the last watcher goes and resumes with Last-Event-ID when one comes back', async () => {
    const first = liveBody();
    const second = liveBody();
    const h = harness([() => stream(first.body), () => stream(second.body)]);
    const release = h.store.watch(AUTH);
    await settle();
    first.send(message('notice', notice(1, 5), 5));
    await settle();
    release();
    expect(h.timers.every((timer) => timer.cleared)).toBe(true);
    h.store.watch(AUTH);
    await settle();
    expect(h.calls).toHaveLength(2);
    expect(h.calls[1].headers['Last-Event-ID']).toBe('5');
    expect(h.store.get().notices).toHaveLength(1);
  });

  it('waits for a project, and starts afresh when the project changes', async () => {
    const first = liveBody();
    const second = liveBody();
    const h = harness([() => stream(first.body), () => stream(second.body)]);
    h.store.watch(undefined);
    await settle();
    expect(h.calls).toHaveLength(0);
    h.store.use(AUTH);
    await settle();
    first.send(message('notice', notice(1, 5), 5));
    await settle();
    h.store.use({ key: 'app-2', authorization: 'Basic b3RoZXI6c2VjcmV0' });
    await settle();
    expect(h.calls[0].signal.aborted).toBe(true);
    expect(h.store.get().notices).toEqual([]);
    expect(h.calls[1].headers.Authorization).toBe('Basic b3RoZXI6c2VjcmV0');
    expect(h.calls[1].headers['Last-Event-ID']).toBeUndefined();
  });
});
