/**
 * Vitest globalSetup of the `redis` project: a real redis-server for the
 * sandbox suites, started once per run on a free local port, in memory only
 * (no RDB, no AOF), and stopped at teardown. Its URL reaches the tests as
 * `inject('sandboxRedisUrl')`. With SANDBOX_TEST_REDIS_URL set, that Redis is
 * used instead and nothing is started.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createConnection, createServer } from 'node:net';
import type { TestProject } from 'vitest/node';
import { ensureRedis } from '../../scripts/ensure-tools.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the Redis the `redis` project's suites run against. */
    sandboxRedisUrl: string;
  }
}

/** Longest wait for a fresh redis-server to answer PING, ms. */
const START_TIMEOUT_MS = 10_000;

/** A TCP port nobody listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new Error('Could not pick a free port for redis-server.');
  return address.port;
}

/** True when the Redis at port answers PING with PONG. */
function pings(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
  });
}

/** Resolves once the server answers; throws with its output when it stopped (`stopped` says why) or never answered. */
async function waitForPing(port: number, stopped: () => string | null, output: () => string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const why = stopped();
    if (why) throw new Error(`redis-server ${why} before it answered PING:\n${output()}`);
    if (await pings(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`redis-server did not answer PING on port ${port} within ${START_TIMEOUT_MS / 1000} s:\n${output()}`);
}

/** A running throwaway redis-server (in memory only, bound to 127.0.0.1) and how to stop it. */
export interface RedisServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * Find (or install, as `npm test` does) redis-server and start it on `port`
 * (default: a free one), in memory only; resolves once it answers PING. The
 * tests' globalSetup and the sandbox benchmark both start theirs here.
 */
export async function startRedisServer(options: { port?: number } = {}): Promise<RedisServer> {
  if (options.port !== undefined && (await pings(options.port))) {
    throw new Error(`Something already answers on port ${options.port}: pick a free port, or point SANDBOX_STORE=redis://127.0.0.1:${options.port} at it.`);
  }
  const server = ensureRedis({ log: (line: string) => console.log(`[redis] ${line}`) });
  const port = options.port ?? (await freePort());
  const child = spawn(server, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let spawnError: Error | undefined;
  child.once('error', (error) => (spawnError = error));
  const stopped = () =>
    spawnError ? `could not start (${server}: ${spawnError.message})` : child.exitCode !== null ? `exited with code ${child.exitCode}` : null;
  try {
    await waitForPing(port, stopped, () => log);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

/** Start (or adopt) the Redis; returns the teardown that stops what was started. */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const given = process.env.SANDBOX_TEST_REDIS_URL;
  if (given) {
    project.provide('sandboxRedisUrl', given);
    return undefined;
  }
  const redis = await startRedisServer();
  project.provide('sandboxRedisUrl', redis.url);
  return redis.stop;
}
