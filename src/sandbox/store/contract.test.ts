/**
 * The store contract, run against every store: MemoryStore, the Redis store
 * on the run's real redis-server (the `redis` Vitest project starts it), and
 * the REST store (rest.ts) through a local stand-in for Upstash's REST front
 * that forwards each command to that same real Redis.
 * Whatever the sandbox relies on (compare-and-set, expiry, counters, the
 * sliding log and its retry times, isolation by prefix) must hold for both.
 */
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { build } from 'esbuild';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryStore, type KeyValueStore } from './index';
import { createRedisStore } from './redis';
import { createRestStore } from './rest';
import { scriptSha, SWAP } from './scripts';
import { startRestBridge, testRedisStore, testRedisUrl, testRestStore, uniquePrefix, type RestBridge } from './testing';

const T = Date.UTC(2025, 0, 15, 9, 0, 0);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let bridge: RestBridge;
beforeAll(async () => {
  bridge = await startRestBridge();
});

const kinds: Array<{ name: string; make: () => KeyValueStore }> = [
  { name: 'memory', make: () => new MemoryStore() },
  { name: 'redis', make: () => testRedisStore() },
  { name: 'redis REST', make: () => testRestStore(bridge) },
];

describe.each(kinds)('$name store', ({ make }) => {
  let store: KeyValueStore;
  beforeAll(() => {
    store = make();
  });

  it('swaps only from the expected value (null: only when absent)', async () => {
    expect(await store.get('cas')).toBeNull();
    expect(await store.swap('cas', 'something', 'v1', 60_000)).toBe(false);
    expect(await store.swap('cas', null, 'v1', 60_000)).toBe(true);
    expect(await store.swap('cas', null, 'v2', 60_000)).toBe(false);
    expect(await store.swap('cas', 'v0', 'v2', 60_000)).toBe(false);
    expect(await store.get('cas')).toBe('v1');
    expect(await store.swap('cas', 'v1', 'v2', 60_000)).toBe(true);
    expect(await store.get('cas')).toBe('v2');
  });

  it('lets exactly one of two concurrent swaps from the same value win', async () => {
    for (let round = 0; round < 20; round += 1) {
      const key = `race-${round}`;
      const fromAbsent = await Promise.all([store.swap(key, null, 'a', 60_000), store.swap(key, null, 'b', 60_000)]);
      expect(fromAbsent.filter(Boolean)).toHaveLength(1);
      const first = await store.get(key);
      expect(first).toBe(fromAbsent[0] ? 'a' : 'b');
      const fromValue = await Promise.all([store.swap(key, first, 'c', 60_000), store.swap(key, first, 'd', 60_000)]);
      expect(fromValue.filter(Boolean)).toHaveLength(1);
      expect(await store.get(key)).toBe(fromValue[0] ? 'c' : 'd');
    }
  });

  it('forgets a value once its lifetime is over', async () => {
    expect(await store.swap('long', null, 'stays', 60_000)).toBe(true);
    // Long enough to read back on a busy machine, short enough to wait out.
    expect(await store.swap('short', null, 'soon gone', 250)).toBe(true);
    expect(await store.get('short')).toBe('soon gone');
    await sleep(400);
    expect(await store.get('short')).toBeNull();
    expect(await store.get('long')).toBe('stays');
    // Expired is absent: a swap from null succeeds again.
    expect(await store.swap('short', null, 'back', 60_000)).toBe(true);
  });

  it('deletes keys and ignores missing ones', async () => {
    await store.swap('del-a', null, 'a', 60_000);
    await store.swap('del-b', null, 'b', 60_000);
    await store.delete(['del-a', 'del-missing']);
    await store.delete([]);
    expect(await store.get('del-a')).toBeNull();
    expect(await store.get('del-b')).toBe('b');
  });

  it('counts a fixed window against the caller’s clock, and only the takes it allows', async () => {
    expect(await store.peekWindow('win', T, 1000)).toBeNull();
    expect(await store.takeWindow('win', T, 1000, 2)).toEqual({ allowed: true, count: 1, start: T });
    expect(await store.takeWindow('win', T + 10, 1000, 2)).toEqual({ allowed: true, count: 2, start: T });
    expect(await store.takeWindow('win', T + 20, 1000, 2)).toEqual({ allowed: false, count: 2, start: T });
    expect(await store.takeWindow('win', T + 30, 1000, 2)).toEqual({ allowed: false, count: 2, start: T });
    expect(await store.peekWindow('win', T + 999, 1000)).toEqual({ count: 2, start: T });
    // The window lasted windowMs: closed at T + 1000, and the next take opens a new one there.
    expect(await store.peekWindow('win', T + 1000, 1000)).toBeNull();
    expect(await store.takeWindow('win', T + 1000, 1000, 2)).toEqual({ allowed: true, count: 1, start: T + 1000 });
    // A clock moved back before the window's start opens a fresh window too.
    expect(await store.peekWindow('win', T + 500, 1000)).toBeNull();
    expect(await store.takeWindow('win', T + 500, 1000, 2)).toEqual({ allowed: true, count: 1, start: T + 500 });
  });

  it('keeps window starts exact (fractions and epoch milliseconds)', async () => {
    const start = T + 0.25;
    expect(await store.takeWindow('exact', start, 60_000, 5)).toEqual({ allowed: true, count: 1, start });
    expect(await store.peekWindow('exact', start + 59_999.5, 60_000)).toEqual({ count: 1, start });
  });

  it('admits on a sliding log and says when the oldest blocking entry leaves', async () => {
    const windows = [
      { ms: 1000, limit: 3 },
      { ms: 10_000, limit: 5 },
    ];
    for (const at of [T, T + 100, T + 200]) expect(await store.admit('log', at, windows)).toEqual({ allowed: true, retryAfterMs: 0 });
    // 1 s window full: its oldest entry (T) leaves at T + 1000.
    expect(await store.admit('log', T + 300, windows)).toEqual({ allowed: false, retryAfterMs: 700 });
    // The refused attempt was not recorded, or T + 300 would still fill the 1 s window here.
    expect(await store.admit('log', T + 1000, windows)).toEqual({ allowed: true, retryAfterMs: 0 });
    expect(await store.admit('log', T + 1100, windows)).toEqual({ allowed: true, retryAfterMs: 0 });
    // 10 s window holds 5 (T .. T + 1100): its oldest, T, leaves at T + 10 000.
    expect(await store.admit('log', T + 1200, windows)).toEqual({ allowed: false, retryAfterMs: 8800 });
    // At T + 10 000, T has left (a window is [now - ms, now) exclusive of its start).
    expect(await store.admit('log', T + 10_000, windows)).toEqual({ allowed: true, retryAfterMs: 0 });
    // Full again: the oldest of the last 5 is T + 100.
    expect(await store.admit('log', T + 10_001, windows)).toEqual({ allowed: false, retryAfterMs: 99 });
  });

  it('reports the longest wait when several windows block, and records entries at the same instant', async () => {
    const windows = [
      { ms: 1000, limit: 1 },
      { ms: 5000, limit: 1 },
    ];
    expect(await store.admit('both', T, windows)).toEqual({ allowed: true, retryAfterMs: 0 });
    expect(await store.admit('both', T + 500, windows)).toEqual({ allowed: false, retryAfterMs: 4500 });
    const burst = [{ ms: 1000, limit: 3 }];
    for (let i = 0; i < 3; i += 1) expect(await store.admit('same-instant', T, burst)).toEqual({ allowed: true, retryAfterMs: 0 });
    expect(await store.admit('same-instant', T, burst)).toEqual({ allowed: false, retryAfterMs: 1000 });
  });

  it('reads a key of another kind as absent', async () => {
    await store.takeWindow('kind', T, 1000, 5);
    expect(await store.get('kind')).toBeNull();
    expect(await store.swap('kind', null, 'text', 60_000)).toBe(true);
    expect(await store.peekWindow('kind', T, 1000)).toBeNull();
    expect(await store.admit('kind', T, [{ ms: 1000, limit: 1 }])).toEqual({ allowed: true, retryAfterMs: 0 });
    expect(await store.get('kind')).toBeNull();
  });

  it('counts and clears its keys, and two stores keep theirs apart', async () => {
    const [one, two] = [make(), make()];
    await one.swap('shared-name', null, 'one', 60_000);
    await one.takeWindow('counter', T, 1000, 5);
    await one.admit('log', T, [{ ms: 1000, limit: 5 }]);
    await two.swap('shared-name', null, 'two', 60_000);
    expect(await one.keyCount()).toBe(3);
    expect(await two.keyCount()).toBe(1);
    expect(await one.get('shared-name')).toBe('one');
    expect(await two.get('shared-name')).toBe('two');
    await one.clear();
    expect(await one.keyCount()).toBe(0);
    expect(await one.get('shared-name')).toBeNull();
    expect(await two.get('shared-name')).toBe('two');
  });
});

describe('MemoryStore bounds', () => {
  it('evicts the least recently used key past maxKeys', async () => {
    const store = new MemoryStore({ maxKeys: 3 });
    for (const key of ['a', 'b', 'c']) await store.swap(key, null, key, 60_000);
    expect(await store.get('a')).toBe('a'); // a is now the most recently used
    await store.swap('d', null, 'd', 60_000);
    expect(await store.keyCount()).toBe(3);
    expect(await store.get('b')).toBeNull();
    expect(await Promise.all(['a', 'c', 'd'].map((key) => store.get(key)))).toEqual(['a', 'c', 'd']);
  });

  it('evicts the least recently used keys past maxBytes, so big values cannot outgrow memory under the key cap', async () => {
    const store = new MemoryStore({ maxKeys: 1000, maxBytes: 10_000 });
    const big = 'x'.repeat(2000); // ~4 KB each, counted as UTF-16
    for (const key of ['a', 'b', 'c']) await store.swap(key, null, big, 60_000);
    expect(store.byteCount).toBeLessThanOrEqual(10_000);
    expect(await store.get('a')).toBeNull();
    expect(await store.get('c')).toBe(big);
    await store.delete(['b', 'c']);
    expect(store.byteCount).toBe(0);
  });

  it('expires on its own clock', async () => {
    let now = 0;
    const store = new MemoryStore({ clock: () => now });
    await store.swap('k', null, 'v', 1000);
    await store.takeWindow('w', T, 5000, 1);
    now = 999;
    expect(await store.get('k')).toBe('v');
    now = 1000;
    expect(await store.get('k')).toBeNull();
    expect(await store.keyCount()).toBe(1);
    now = 6000;
    expect(await store.keyCount()).toBe(0);
  });
});

describe('Redis store on a real Redis', () => {
  const raw = createClient({ url: testRedisUrl() });
  beforeAll(async () => {
    await raw.connect();
  });
  afterAll(async () => {
    await raw.close();
  });

  it('puts every key under its prefix, with the lifetimes of MemoryStore', async () => {
    const prefix = uniquePrefix('contract');
    const store = testRedisStore(prefix);
    await store.swap('value', null, 'v', 30_000);
    await store.takeWindow('window', T, 10_000, 5);
    await store.admit('log', T, [
      { ms: 1000, limit: 5 },
      { ms: 20_000, limit: 9 },
    ]);
    expect((await raw.keys(`${prefix}*`)).sort()).toEqual([`${prefix}log`, `${prefix}value`, `${prefix}window`]);
    const ttl = async (key: string) => raw.pTTL(`${prefix}${key}`);
    expect(await ttl('value')).toBeGreaterThan(29_000);
    expect(await ttl('value')).toBeLessThanOrEqual(30_000);
    expect(await ttl('window')).toBeGreaterThan(10_000);
    expect(await ttl('window')).toBeLessThanOrEqual(11_000);
    expect(await ttl('log')).toBeGreaterThan(20_000);
    expect(await ttl('log')).toBeLessThanOrEqual(21_000);
  });

  it('uses agora-sandbox: when no prefix is given', async () => {
    const store = await createRedisStore(testRedisUrl(), {});
    const key = `contract-default-${crypto.randomUUID()}`;
    try {
      await store.swap(key, null, 'v', 30_000);
      expect(await raw.get(`agora-sandbox:${key}`)).toBe('v');
    } finally {
      await store.delete([key]);
      await store.close();
    }
  });

  it('loads its scripts again after Redis forgot them (EVALSHA falls back to EVAL)', async () => {
    const store = testRedisStore();
    await store.swap('k', null, 'one', 30_000);
    await raw.scriptFlush();
    expect((await raw.scriptExists(await scriptSha(SWAP))).map(Number)).toEqual([0]);
    expect(await store.swap('k', 'one', 'two', 30_000)).toBe(true);
    expect(await store.takeWindow('w', T, 1000, 1)).toEqual({ allowed: true, count: 1, start: T });
    expect(await store.get('k')).toBe('two');
  });

  it('fails fast, naming the store without its password, when Redis is unreachable', async () => {
    // Port 1 on loopback refuses connections: a Redis that is down.
    const started = Date.now();
    const store = await createRedisStore('redis://sandbox:hunter2-secret@127.0.0.1:1/0', { prefix: uniquePrefix() });
    try {
      const failure = await store.get('anything').then(
        () => null,
        (error: unknown) => error as Error,
      );
      expect(failure?.name).toBe('StoreUnavailableError');
      expect(failure?.message).toMatch(/Redis at redis:\/\/127\.0\.0\.1:1\/0.*unreachable.*SANDBOX_STORE/);
      expect(failure?.message).not.toMatch(/hunter2/);
      // A second call does not wait for another connection attempt.
      const again = Date.now();
      await expect(store.swap('k', null, 'v', 1000)).rejects.toThrow(/unreachable/);
      expect(Date.now() - again).toBeLessThan(200);
      expect(Date.now() - started).toBeLessThan(3000);
    } finally {
      await store.close();
    }
  });
});

describe('Redis REST store', () => {
  it('fails fast with the store named and the token kept out, when the endpoint is down or refuses the token', async () => {
    // A port that was free a moment ago: nobody listens there (fetch refuses low ports such as 1 outright).
    const closed = createServer().listen(0, '127.0.0.1');
    await once(closed, 'listening');
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const down = createRestStore(`http://127.0.0.1:${port}/`, { token: 'rest-secret-token', prefix: uniquePrefix() });
    const failure = await down.get('k').then(
      () => null,
      (error: unknown) => error as Error,
    );
    expect(failure?.name).toBe('StoreUnavailableError');
    expect(failure?.message).toContain(`(Redis REST at 127.0.0.1:${port}) is unreachable: fetch failed (connect ECONNREFUSED`);
    expect(failure?.message).toMatch(/SANDBOX_STORE/);
    const refused = createRestStore(bridge.url, { token: 'rest-secret-token', prefix: uniquePrefix() });
    await expect(refused.get('k')).rejects.toThrow(/token was refused.*SANDBOX_STORE_TOKEN/);
    await expect(refused.get('k')).rejects.not.toThrow(/rest-secret-token/);
  });

  it('bundles for a runtime without Node built-ins (Cloudflare Workers)', async () => {
    const result = await build({
      entryPoints: [new URL('./rest.ts', import.meta.url).pathname],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0].text;
    expect(code).toContain('EVALSHA');
    expect(code).not.toMatch(/node:|from "redis"/);
  });
});
