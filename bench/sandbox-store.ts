/**
 * `npm run bench:sandbox`: shows that the sandbox's state stays bounded. It
 * drives the real sandbox handler in-process with Fetch Requests, as a
 * browser would: N visitors each get a project (`POST /__sandbox/projects`,
 * one client IP each), then every project sends M "creates" that add state
 * (Cloud Recording acquire, Media Pull create player, the guide's
 * create-channel, in turn). It prints RSS, heap and the store's key count
 * before, after the projects, after the creates, and after expiry, plus the
 * caps that bound it.
 *
 * Store: a MemoryStore whose clock is the sandbox's fake clock, so "after
 * expiry" moves time instead of waiting. With `SANDBOX_STORE=redis://…` (or
 * `--redis`, which starts a throwaway redis-server on BENCH_REDIS_PORT, 3540)
 * the same run goes to Redis under a unique prefix; Redis' clock cannot be
 * moved, so the expiry rows there are projected from each key's PTTL.
 *
 * Run: node --expose-gc --import tsx bench/sandbox-store.ts [--projects 10000]
 *      [--creates-per-project 10] [--concurrency 32] [--max-keys K] [--redis]
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getOperation } from '../src/catalog';
import { CAPS as CM_CAPS } from '../src/families/channel-management/state';
import { CAPS as CR_CAPS, TTL as CR_TTL } from '../src/families/cloud-recording/state';
import { base64 } from '../src/request/apiRequest';
import { createSandbox, type IssuedProject, type KeyValueStore } from '../src/sandbox/index';
import { CAPS as ENGINE_CAPS, TTL } from '../src/sandbox/project';
import { createStore, describeStoreUrl, MemoryStore } from '../src/sandbox/store/index';
import { startRedisServer, type RedisServer } from '../src/testing/redisServer';

// ---------------------------------------------------------------- options

export interface BenchOptions {
  projects: number;
  createsPerProject: number;
  /** Requests in flight at once (the handler is async: store reads, SHA-256). */
  concurrency: number;
  /** MemoryStore cap; undefined keeps the store's own default. */
  maxKeys?: number;
  /** Start a throwaway redis-server (when SANDBOX_STORE names none). */
  redis: boolean;
}

const USAGE =
  'Usage: node --expose-gc --import tsx bench/sandbox-store.ts [--projects N] [--creates-per-project M] [--concurrency C] [--max-keys K] [--redis]';

/** Parse the command line; throws a message with the usage for anything it does not know. */
export function parseArgs(argv: readonly string[]): BenchOptions {
  const options: BenchOptions = { projects: 10_000, createsPerProject: 10, concurrency: 32, redis: false };
  const number = (flag: string, value: string | undefined): number => {
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`${flag} takes a whole number of at least 1, not "${value ?? ''}".\n${USAGE}`);
    return parsed;
  };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    if (flag === '--redis') options.redis = true;
    else if (flag === '--projects') options.projects = number(flag, argv[++i]);
    else if (flag === '--creates-per-project') options.createsPerProject = number(flag, argv[++i]);
    else if (flag === '--concurrency') options.concurrency = number(flag, argv[++i]);
    else if (flag === '--max-keys') options.maxKeys = number(flag, argv[++i]);
    else throw new Error(`Unknown option "${flag}".\n${USAGE}`);
  }
  return options;
}

// ---------------------------------------------------------------- the requests

export type CreateKind = 'acquire' | 'player' | 'channel';
export const CREATE_KINDS: readonly CreateKind[] = ['acquire', 'player', 'channel'];

export interface CreateCall {
  path: string;
  body: unknown;
}

/**
 * The create a project sends in a round. Channel names and uids change per
 * round, so every call adds state: a resource, a player in a channel, or a
 * channel with a running recording (the guide's create-channel).
 */
export function createCall(kind: CreateKind, appId: string, round: number): CreateCall {
  const channel = `bench${round}`;
  if (kind === 'acquire') return { path: `/v1/apps/${appId}/cloud_recording/acquire`, body: { cname: channel, uid: String(10_000 + round), clientRequest: { scene: 0 } } };
  if (kind === 'player') {
    // Unnamed: Agora allows 50 unnamed creates a second (2 with a name), and names must be unique.
    return { path: `/na/v1/projects/${appId}/cloud-player/players`, body: { player: { streamUrl: 'rtmp://example.agora.io/live/bench', channelName: channel, uid: 20_000 + round } } };
  }
  return { path: `/v1/projects/${appId}/rtc/channels`, body: { channel, uid: String(30_000 + round) } };
}

/** Which create project `index` sends in `round`: the kinds in turn, shifted per project so each round mixes them. */
export function kindFor(index: number, round: number): CreateKind {
  return CREATE_KINDS[(index + round) % CREATE_KINDS.length];
}

/** A distinct IPv4 address per visitor (10.0.0.0/8 holds 16 million). */
export function clientIp(index: number): string {
  return `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`;
}

/** Run `task(0..count-1)` with at most `concurrency` in flight. */
export async function pool(count: number, concurrency: number, task: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}

/** What a key holds, by its first segment (`acct`, `proj`, `plan`, `qps`, `issue`, `fault`). */
export function keyKind(key: string, prefix = ''): string {
  const bare = key.startsWith(prefix) ? key.slice(prefix.length) : key;
  const colon = bare.indexOf(':');
  return colon < 0 ? bare : bare.slice(0, colon);
}

/** Fixed-width text table: the first column left-aligned, the figures right-aligned. */
export function formatTable(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  const cells = [header, ...rows].map((row) => row.map(String));
  const widths = header.map((_, column) => Math.max(...cells.map((row) => (row[column] ?? '').length)));
  return cells.map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ')).join('\n');
}

// ---------------------------------------------------------------- looking into the store

interface KeyCensus {
  total: number;
  byKind: Record<string, number>;
  /** Project JSON sizes (bytes of the `proj:` values). */
  projectBytes: { mean: number; max: number };
  /** Redis only: keys by remaining lifetime (no TTL would be a leak). */
  ttl?: { noTtl: number; withinProjectTtl: number; withinAccountTtl: number; longer: number; beyondMs: (ms: number) => number };
  /** Redis only: the server's used_memory, MB. */
  serverMb?: number;
}

interface Inspector {
  census(): Promise<KeyCensus>;
  close(): Promise<void>;
}

function sizes(values: number[]): { mean: number; max: number } {
  if (values.length === 0) return { mean: 0, max: 0 };
  return { mean: Math.round(values.reduce((a, b) => a + b, 0) / values.length), max: Math.max(...values) };
}

/** Census of a MemoryStore: its entries are private, read here by the bracket access TypeScript allows for tests and tools. */
function memoryInspector(store: MemoryStore): Inspector {
  return {
    async census() {
      const total = await store.keyCount(); // sweeps expired entries first
      const byKind: Record<string, number> = {};
      const projectBytes: number[] = [];
      for (const [key, entry] of store['entries']) {
        const kind = keyKind(key);
        byKind[kind] = (byKind[kind] ?? 0) + 1;
        if (kind === 'proj' && typeof entry.value === 'string') projectBytes.push(Buffer.byteLength(entry.value));
      }
      return { total, byKind, projectBytes: sizes(projectBytes) };
    },
    close: async () => undefined,
  };
}

/** Census of a Redis store's prefix: SCAN, then PTTL (and STRLEN of projects) for every key, pipelined. */
async function redisInspector(url: string, prefix: string): Promise<Inspector> {
  const { createClient } = await import('redis');
  const client = createClient({ url });
  await client.connect();
  return {
    async census() {
      const byKind: Record<string, number> = {};
      const lifetimes: number[] = [];
      const projectBytes: number[] = [];
      let cursor = '0';
      do {
        const reply = await client.scan(cursor, { MATCH: `${prefix}*`, COUNT: 1000 });
        cursor = String(reply.cursor);
        const keys = reply.keys.map(String);
        const ttls = await Promise.all(keys.map((key) => client.pTTL(key)));
        const projects = keys.filter((key) => keyKind(key, prefix) === 'proj');
        const lengths = await Promise.all(projects.map((key) => client.strLen(key)));
        projectBytes.push(...lengths.map(Number));
        keys.forEach((key, i) => {
          // -2: expired between SCAN and PTTL.
          if (Number(ttls[i]) === -2) return;
          const kind = keyKind(key, prefix);
          byKind[kind] = (byKind[kind] ?? 0) + 1;
          lifetimes.push(Number(ttls[i]));
        });
      } while (cursor !== '0');
      const info = await client.info('memory');
      const used = /used_memory:(\d+)/.exec(info);
      const beyondMs = (ms: number) => lifetimes.filter((t) => t === -1 || t > ms).length;
      return {
        total: lifetimes.length,
        byKind,
        projectBytes: sizes(projectBytes),
        serverMb: used ? Number(used[1]) / 2 ** 20 : undefined,
        ttl: {
          noTtl: lifetimes.filter((t) => t === -1).length,
          withinProjectTtl: lifetimes.filter((t) => t >= 0 && t <= TTL.project).length,
          withinAccountTtl: lifetimes.filter((t) => t > TTL.project && t <= TTL.account).length,
          longer: lifetimes.filter((t) => t > TTL.account).length,
          beyondMs,
        },
      };
    },
    close: () => client.close(),
  };
}

// ---------------------------------------------------------------- Redis to run against

// ---------------------------------------------------------------- the run

interface Row {
  phase: string;
  rssMb: number;
  heapMb: number;
  keys: number;
  seconds: number;
  requests: number;
  serverMb?: number;
}

const mb = (bytes: number) => bytes / 2 ** 20;

async function measure(phase: string, inspector: Inspector, started: number, requests: number): Promise<{ row: Row; census: KeyCensus }> {
  const seconds = (performance.now() - started) / 1000;
  // Twice: the first pass can leave objects that finalizers free for the second.
  globalThis.gc?.();
  globalThis.gc?.();
  const census = await inspector.census();
  const memory = process.memoryUsage();
  return { row: { phase, rssMb: mb(memory.rss), heapMb: mb(memory.heapUsed), keys: census.total, seconds, requests, serverMb: census.serverMb }, census };
}

async function main(options: BenchOptions): Promise<void> {
  const redisSpec = process.env.SANDBOX_STORE?.trim();
  const useRedis = options.redis || /^rediss?:\/\//i.test(redisSpec ?? '');
  if (redisSpec && !useRedis && redisSpec !== 'memory') throw new Error('SANDBOX_STORE must be "memory" or a redis:// or rediss:// URL for this benchmark.');

  // One clock for the sandbox and the MemoryStore, so the expiry phase moves time instead of waiting.
  let now = Date.now();
  const clock = () => now;
  let redis: RedisServer | undefined;
  let store: KeyValueStore;
  let inspector: Inspector;
  let prefix = '';
  /** The MemoryStore's cap (none on Redis, whose memory is the server's setting). */
  let maxKeys: number | undefined;
  let maxBytes: number | undefined;
  if (useRedis) {
    redis = /^rediss?:\/\//i.test(redisSpec ?? '') ? { url: redisSpec!, stop: async () => undefined } : await startRedisServer({ port: Number(process.env.BENCH_REDIS_PORT ?? 3540) });
    prefix = `agora-sandbox-bench:${process.pid}-${Date.now()}:`;
    store = createStore(redis.url, { prefix });
    try {
      await store.keyCount();
    } catch (error) {
      await redis.stop();
      throw new Error(`${error instanceof Error ? error.message : String(error)}\nStart one (redis-server --port 6379) or run with --redis to let the benchmark start its own.`);
    }
    inspector = await redisInspector(redis.url, prefix);
  } else {
    const memory = new MemoryStore({ clock, ...(options.maxKeys ? { maxKeys: options.maxKeys } : {}) });
    store = memory;
    inspector = memoryInspector(memory);
    // Private in MemoryStore; TypeScript's bracket access reads it without widening its API for a benchmark.
    maxKeys = memory.maxKeys;
    maxBytes = memory.maxBytes;
  }

  const sandbox = createSandbox({ store, now: clock });
  const statuses = new Map<string, number>();
  const samples = new Map<string, string>();
  const tally = async (label: string, response: Response) => {
    const key = `${label} ${response.status}`;
    statuses.set(key, (statuses.get(key) ?? 0) + 1);
    const text = await response.text();
    if (response.status >= 300 && !samples.has(key)) samples.set(key, text.slice(0, 200));
    return text;
  };

  const storeName = useRedis ? `Redis at ${describeStoreUrl(redis!.url)} (prefix ${prefix})` : 'MemoryStore (in process)';
  console.log(`Sandbox state benchmark: ${options.projects} projects x ${options.createsPerProject} creates = ${options.projects * options.createsPerProject} creates, concurrency ${options.concurrency}`);
  console.log(`Store: ${storeName}; node ${process.version}; gc ${globalThis.gc ? 'exposed' : 'NOT exposed (run with node --expose-gc --import tsx)'}`);
  console.log(`Load average at start: ${(await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ')}`);

  const rows: Row[] = [];
  const censuses: KeyCensus[] = [];
  const record = async (phase: string, started: number, requests: number) => {
    const { row, census } = await measure(phase, inspector, started, requests);
    rows.push(row);
    censuses.push(census);
  };
  try {
    await record('before', performance.now(), 0);

    // Phase 1: every visitor gets a project, each from its own address (the default 30 per hour per client holds).
    const credentials: { appId: string; basic: string }[] = new Array(options.projects);
    let started = performance.now();
    await pool(options.projects, options.concurrency, async (index) => {
      const response = await sandbox.handler(
        new Request('https://sandbox.bench/__sandbox/projects', { method: 'POST', headers: { 'x-client-ip': clientIp(index) } }),
      );
      const text = await tally('issue', response);
      if (response.status !== 201) throw new Error(`Issuing project ${index} answered ${response.status}: ${text.slice(0, 200)}`);
      const issued = JSON.parse(text) as IssuedProject;
      credentials[index] = { appId: issued.appId, basic: `Basic ${base64(`${issued.customerId}:${issued.customerSecret}`)}` };
    });
    await record(`after ${options.projects} projects`, started, options.projects);

    // Phase 2: rounds one fake second apart, one create per project per round (under every per-second QPS limit).
    started = performance.now();
    for (let round = 0; round < options.createsPerProject; round += 1) {
      now += 1000;
      await pool(options.projects, options.concurrency, async (index) => {
        const kind = kindFor(index, round);
        const call = createCall(kind, credentials[index].appId, round);
        const response = await sandbox.handler(
          new Request(`https://api.agora.io${call.path}`, {
            method: 'POST',
            headers: { Authorization: credentials[index].basic, 'Content-Type': 'application/json' },
            body: JSON.stringify(call.body),
          }),
        );
        await tally(kind, response);
      });
    }
    const creates = options.projects * options.createsPerProject;
    await record(`after ${creates} creates`, started, creates);

    // Phase 3 and 4: time moves past a project's TTL (state forgotten), then past an account's (credentials forgotten).
    if (useRedis) {
      // Redis expires keys in its own real time, which no client can move: project from each key's PTTL instead.
      const last = censuses[censuses.length - 1];
      const base = rows[rows.length - 1];
      for (const [label, ms] of [
        ['+24 h (project TTL), from PTTL', TTL.project + 60_000],
        ['+7 d (account TTL), from PTTL', TTL.account + 60_000],
      ] as const) {
        rows.push({ ...base, phase: label, keys: last.ttl!.beyondMs(ms), seconds: 0, requests: 0, serverMb: undefined });
      }
    } else {
      started = performance.now();
      now += TTL.project + 60_000;
      await record('+24 h (project TTL)', started, 0);
      started = performance.now();
      now += TTL.account;
      await record('+7 d (account TTL)', started, 0);
    }
  } finally {
    const table = formatTable(
      ['phase', 'RSS MB', 'heap MB', ...(useRedis ? ['redis MB'] : []), 'store keys', 'elapsed s', 'req/s'],
      rows.map((row) => [
        row.phase,
        row.rssMb.toFixed(1),
        row.heapMb.toFixed(1),
        ...(useRedis ? [row.serverMb === undefined ? '-' : row.serverMb.toFixed(1)] : []),
        row.keys,
        row.seconds.toFixed(1),
        row.requests ? (row.requests / row.seconds).toFixed(0) : '-',
      ]),
    );
    console.log(`\n${table}\n`);
    censuses.forEach((census, i) => {
      const kinds = Object.entries(census.byKind)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([kind, count]) => `${kind} ${count}`)
        .join(', ');
      console.log(`keys ${rows[i].phase}: ${kinds || 'none'}${census.projectBytes.max ? `; project JSON mean ${census.projectBytes.mean} B, max ${census.projectBytes.max} B` : ''}`);
    });
    const ttl = censuses[2]?.ttl;
    if (ttl) {
      console.log(
        `Redis TTLs after the creates: ${ttl.withinProjectTtl} keys expire within 24 h, ${ttl.withinAccountTtl} within 7 d, ${ttl.longer} later, ${ttl.noTtl} never (must be 0).`,
      );
    }

    console.log('\nAnswers by create and status:');
    for (const [key, count] of [...statuses].sort(([a], [b]) => a.localeCompare(b))) {
      console.log(`  ${key.padEnd(12)} ${String(count).padStart(8)}${samples.has(key) ? `   e.g. ${samples.get(key)}` : ''}`);
    }

    const playerCap = getOperation('create-cloud-player').limits.concurrentTasks;
    console.log('\nWhat bounds it:');
    console.log(
      `  store           ${maxKeys === undefined ? "no key cap: Redis keys expire by TTL (maxmemory and its eviction policy are the server's settings)" : `${maxKeys} keys and ${Math.round((maxBytes ?? 0) / 2 ** 20)} MiB of stored text, least recently used evicted first`}`,
    );
    console.log(`  lifetimes       project state ${TTL.project / 3_600_000} h after last use, credentials ${TTL.account / 86_400_000} d; counters (plan, QPS, projects per client, faults) their window + 1 s`);
    console.log(`  per project     ${ENGINE_CAPS.channels} channels x ${ENGINE_CAPS.usersPerChannel} users; recording: ${CR_CAPS.resources} resources (${CR_TTL.resource / 60_000} min), ${CR_CAPS.recordings} recordings, ${CR_CAPS.webRecordings} web, ${CR_CAPS.exiting} exiting; ${playerCap ?? '?'} cloud players; ${CM_CAPS.banRules} ban rules`);

    const afterCreates = rows[2];
    const finalRow = rows[rows.length - 1];
    if (afterCreates && finalRow && rows.length >= 5) {
      const capped = maxKeys === undefined ? (censuses[2]?.ttl?.noTtl ?? 1) === 0 : afterCreates.keys <= maxKeys;
      console.log(`\nBounded: ${useRedis ? 'every key has a TTL' : `keys ${afterCreates.keys} <= maxKeys`}: ${capped ? 'yes' : 'NO'}; after expiry ${finalRow.keys} keys ${finalRow.keys === 0 ? '(all gone)' : '(NOT all gone)'}.`);
      const lost = options.projects - (censuses[2]?.byKind.acct ?? 0);
      // A full MemoryStore evicts the least recently used keys, credentials included: those visitors' next calls get 401.
      if (lost > 0) console.log(`The price: ${lost} of ${options.projects} projects lost their credentials to LRU eviction while in use (their later creates: 401 above).`);
    }
    await inspector.close();
    await store.clear().catch(() => undefined);
    await store.close();
    await redis?.stop();
  }
}

const invoked = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invoked) {
  let options: BenchOptions;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  main(options).catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
}
