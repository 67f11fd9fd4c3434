/**
 * The store a test's sandbox runs on: a fresh MemoryStore, or under
 * SANDBOX_TEST_STORE=redis (the `redis` Vitest project) a Redis store with a
 * prefix of its own on the run's redis-server, so the same suites prove both
 * stores and no two tests ever see each other's keys. Every Redis store made
 * here is cleared and closed after its test file: no keys or connections leak.
 */
import { afterAll, inject } from 'vitest';
import { createStore, MemoryStore, type KeyValueStore } from './index';
import { createRestStore } from './rest';

/** True in the `redis` project (vitest.config.ts sets SANDBOX_TEST_STORE=redis). */
export const testingOnRedis = process.env.SANDBOX_TEST_STORE === 'redis';

const opened: KeyValueStore[] = [];
/** Closed after the stores, which may still need them to clear their keys. */
const bridges: RestBridge[] = [];
let sequence = 0;

/** The Redis the `redis` project started (src/testing/redisServer.ts) or SANDBOX_TEST_REDIS_URL. */
export function testRedisUrl(): string {
  const url = process.env.SANDBOX_TEST_REDIS_URL || inject('sandboxRedisUrl');
  if (!url) throw new Error('No test Redis: run this file in the `redis` Vitest project (npx vitest run --project redis) or set SANDBOX_TEST_REDIS_URL.');
  return url;
}

/** A prefix no other store of this run uses (process, sequence and a random part). */
export function uniquePrefix(label = 'test'): string {
  sequence += 1;
  return `agora-sandbox-${label}:${process.pid}-${sequence}-${crypto.randomUUID().slice(0, 8)}:`;
}

/** A Redis store on the test Redis under a unique prefix, cleared and closed after the file. */
export function testRedisStore(prefix = uniquePrefix()): KeyValueStore {
  const store = createStore(testRedisUrl(), { prefix });
  opened.push(store);
  return store;
}

/** A REST store (rest.ts) through `bridge` under a unique prefix, cleared and closed after the file. */
export function testRestStore(bridge: RestBridge, prefix = uniquePrefix('rest')): KeyValueStore {
  const store = createRestStore(bridge.url, { token: bridge.token, prefix });
  opened.push(store);
  return store;
}

/** The store for a test sandbox: MemoryStore normally, a unique-prefix Redis store in the `redis` project. */
export function testStore(): KeyValueStore {
  return testingOnRedis ? testRedisStore() : new MemoryStore();
}

// Registered when the test file imports this module (at collection), so it runs once after the file's tests.
afterAll(async () => {
  const stores = opened.splice(0);
  try {
    await Promise.all(
      stores.map(async (store) => {
        try {
          await store.clear();
        } finally {
          await store.close();
        }
      }),
    );
  } finally {
    await Promise.all(bridges.splice(0).map((bridge) => bridge.close()));
  }
});

export interface RestBridge {
  /** The bridge's URL, to give createRestStore. */
  url: string;
  /** The Bearer token it accepts. */
  token: string;
  close(): Promise<void>;
}

/**
 * A local stand-in for Upstash's REST front (closed after the file): a node:http server that takes
 * each POSTed JSON command array (Bearer token required) and forwards it with
 * node-redis `sendCommand` to the real redis-server, answering
 * `{ result }` or `{ error }` as Upstash does. The commands reach a real Redis;
 * only the HTTP front is ours.
 */
export async function startRestBridge(redisUrl = testRedisUrl()): Promise<RestBridge> {
  const [{ createServer }, { createClient, ErrorReply }] = await Promise.all([import('node:http'), import('redis')]);
  const client = createClient({ url: redisUrl });
  await client.connect();
  const token = crypto.randomUUID();
  const server = createServer((request, response) => {
    const answer = (status: number, body: unknown) => {
      response.writeHead(status, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (request.method !== 'POST' || request.headers.authorization !== `Bearer ${token}`) {
      answer(401, { error: 'Unauthorized' });
      return;
    }
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      let args: unknown;
      try {
        args = JSON.parse(Buffer.concat(chunks).toString());
      } catch {
        args = null;
      }
      if (!Array.isArray(args) || !args.every((arg) => typeof arg === 'string' || typeof arg === 'number')) {
        answer(400, { error: 'ERR the body must be a JSON array of strings' });
        return;
      }
      client.sendCommand(args.map(String)).then(
        (result) => answer(200, { result }),
        (error: unknown) => answer(error instanceof ErrorReply ? 400 : 500, { error: error instanceof Error ? error.message : String(error) }),
      );
    });
  });
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const bridge: RestBridge = {
    url: `http://127.0.0.1:${port}`,
    token,
    close: () =>
      (closing ??= (async () => {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
        await client.close();
      })()),
  };
  let closing: Promise<void> | undefined;
  bridges.push(bridge);
  return bridge;
}
