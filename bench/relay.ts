/**
 * `npm run bench:relay`: the relay (Node adapter: node:http + undici) against a
 * bare proxy doing the same hop, under the same load.
 *
 * Four processes: a local upstream that answers like acquire, the relay exactly
 * as the production server builds it (pointed at the upstream through
 * `upstreamBaseOverride`, an option only code can set, never an envelope), the
 * bare proxy, and this one running autocannon. The bare proxy is the floor any
 * Node relay pays for the extra hop: node:http in, one undici Agent with the
 * relay's keep-alive settings out, the same envelope in, the envelope's body
 * forwarded as JSON, the answer parsed and wrapped as `{status, body}`; no
 * checks, no retries, no timers.
 *
 * After a warm-up (JIT, keep-alive pools) it measures bare and relay in
 * alternating rounds (bare, relay, relay, bare, ...), so drift and other load
 * on the machine hit both, and reports medians over the rounds. Latency
 * percentiles come from every response's own time (sub-millisecond), not from
 * autocannon's whole-millisecond histogram. CPU per request is each proxy
 * process's own user+system time over the run divided by its requests: it
 * moves far less with machine noise than req/s does.
 *
 * Targets (issue 17): relay req/s >= 0.8 x bare, relay p99 <= bare p99 + 1 ms.
 *
 * For context only (one run, not judged): the upstream alone, and the same bare
 * proxy on undici's `dispatch` with a minimal handler instead of `request` (the
 * transport the relay itself uses), so the reader sees both floors.
 *
 * Env: BENCH_DURATION (s per run, default 5), BENCH_ROUNDS (default 5),
 * BENCH_WARMUP (s per proxy, default 3), BENCH_CONNECTIONS (default 10),
 * BENCH_UPSTREAM_PORT (3124), BENCH_RELAY_PORT (3125), BENCH_BARE_PORT (3126),
 * BENCH_BARE_DISPATCH_PORT (3127),
 * BENCH_PROFILE=relay|bare|bare-dispatch|upstream (that child runs with --cpu-prof; the
 * profile lands in BENCH_PROFILE_DIR, default ./bench-profiles).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const DURATION = Number(process.env.BENCH_DURATION ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const UPSTREAM_PORT = Number(process.env.BENCH_UPSTREAM_PORT ?? 3124);
const RELAY_PORT = Number(process.env.BENCH_RELAY_PORT ?? 3125);
const BARE_PORT = Number(process.env.BENCH_BARE_PORT ?? 3126);
const BARE_DISPATCH_PORT = Number(process.env.BENCH_BARE_DISPATCH_PORT ?? 3127);
const PROFILE = process.env.BENCH_PROFILE ?? '';
const PROFILE_DIR = resolve(process.env.BENCH_PROFILE_DIR ?? 'bench-profiles');
const APP_ID = '0123456789abcdef0123456789abcdef';
const UPSTREAM_PATH = `/v1/apps/${APP_ID}/cloud_recording/acquire`;
const BODY = { cname: 'demo', uid: '527841', clientRequest: {} };

/** The relay's keep-alive pool settings (src/relay/adapters/node/upstream.ts), so the bare proxy pools alike. */
const POOL = { keepAliveTimeout: 10_000, connect: { timeout: 10_000 } };

const TARGET_RATIO = 0.8;
const TARGET_P99_MS = 1;

/** Children answer `cpu` with their process CPU time so far (µs), for CPU per request. */
function answerCpuQueries() {
  process.on('message', (message) => {
    if (message === 'cpu') {
      const { user, system } = process.cpuUsage();
      process.send?.({ cpu: user + system });
    }
  });
}

/** Role 1: an upstream that answers like acquire does. */
function runUpstream() {
  const answer = JSON.stringify({ cname: 'demo', uid: '527841', resourceId: 'x'.repeat(120) });
  createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json', 'x-request-id': String(req.headers['x-request-id'] ?? '') });
      res.end(answer);
    });
  }).listen(UPSTREAM_PORT, '127.0.0.1', () => console.log('ready'));
}

/** Role 2: the relay, exactly as the production server builds it, pointed at the local upstream. */
async function runRelay() {
  const { createNodeRelay } = await import('../src/relay/adapters/node/index');
  const listener = createNodeRelay({
    env: {},
    rateLimit: false,
    logger: { log: () => undefined },
    upstreamBaseOverride: `http://127.0.0.1:${UPSTREAM_PORT}`,
  });
  createServer(listener).listen(RELAY_PORT, '127.0.0.1', () => console.log('ready'));
}

/**
 * A bare proxy on `port`: node:http in, the envelope's body forwarded as JSON by `call`, the answer parsed and
 * wrapped as `{status, body}`; none of the relay's checks, retries or timers.
 */
function serveBare(port: number, call: (body: string) => Promise<{ status: number; text: string }>) {
  createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const envelope = JSON.parse(Buffer.concat(chunks).toString());
      const upstream = await call(JSON.stringify(envelope.body));
      const out = JSON.stringify({ status: upstream.status, body: JSON.parse(upstream.text) });
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(out) });
      res.end(out);
    });
  }).listen(port, '127.0.0.1', () => console.log('ready'));
}

/** Role 3: the bare proxy baseline: same hop, same pool, same envelope, undici's `request`. */
async function runBare() {
  const { Agent, request } = await import('undici');
  const agent = new Agent(POOL);
  serveBare(BARE_PORT, async (body) => {
    const upstream = await request(`http://127.0.0.1:${UPSTREAM_PORT}${UPSTREAM_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      dispatcher: agent,
    });
    return { status: upstream.statusCode, text: await upstream.body.text() };
  });
}

/** Context: the bare proxy with undici's handler interface (no Readable per answer), as the relay's upstream uses it. */
async function runBareDispatch() {
  const { Agent } = await import('undici');
  const agent = new Agent(POOL);
  const call = (body: string) =>
    new Promise<{ status: number; text: string }>((resolveCall, reject) => {
      let status = 0;
      const chunks: Buffer[] = [];
      agent.dispatch(
        { origin: `http://127.0.0.1:${UPSTREAM_PORT}`, path: UPSTREAM_PATH, method: 'POST', headers: { 'content-type': 'application/json' }, body },
        {
          onConnect: () => undefined,
          onHeaders: (statusCode) => {
            status = statusCode;
            return true;
          },
          onData: (chunk) => chunks.push(chunk) > 0,
          onComplete: () => resolveCall({ status, text: Buffer.concat(chunks).toString() }),
          onError: reject,
        },
      );
    });
  serveBare(BARE_DISPATCH_PORT, call);
}

function child(role: string): Promise<ChildProcess> {
  const profile = PROFILE === role ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [];
  const proc = spawn(process.execPath, [...process.execArgv, ...profile, fileURLToPath(import.meta.url), role], {
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  return new Promise((resolveChild, reject) => {
    proc.once('exit', (code) => reject(new Error(`${role} exited early (${code}); are ports ${UPSTREAM_PORT}/${RELAY_PORT}/${BARE_PORT}/${BARE_DISPATCH_PORT} free?`)));
    proc.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolveChild(proc);
    });
  });
}

function cpuOf(proc: ChildProcess): Promise<number> {
  return new Promise((resolveCpu) => {
    proc.once('message', (message) => resolveCpu((message as { cpu: number }).cpu));
    proc.send('cpu');
  });
}

interface Figures {
  rps: number;
  p50: number;
  p975: number;
  p99: number;
  /** Proxy process CPU per request, µs (NaN when not measured). */
  cpuUs: number;
  errors: number;
  non2xx: number;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function load(url: string, body: string, duration: number, proc?: ChildProcess): Promise<Figures> {
  // Every 2xx response's own time in ms (float), as autocannon's histogram records it but unrounded.
  let times = new Float64Array(1 << 16);
  let count = 0;
  const cpuBefore = proc ? await cpuOf(proc) : NaN;
  const result = await new Promise<autocannon.Result>((resolveRun, reject) => {
    const instance = autocannon(
      { url, method: 'POST', connections: CONNECTIONS, duration, headers: { 'content-type': 'application/json' }, body },
      (error, run) => (error ? reject(error) : resolveRun(run)),
    );
    instance.on('response', (_client, status, _bytes, ms) => {
      if (status < 200 || status >= 300) return;
      if (count === times.length) {
        const grown = new Float64Array(times.length * 2);
        grown.set(times);
        times = grown;
      }
      times[count++] = ms;
    });
  });
  const cpuAfter = proc ? await cpuOf(proc) : NaN;
  const sorted = times.subarray(0, count).sort();
  return {
    rps: result.requests.average,
    p50: percentile(sorted, 50),
    p975: percentile(sorted, 97.5),
    p99: percentile(sorted, 99),
    cpuUs: (cpuAfter - cpuBefore) / Math.max(1, result.requests.total),
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function medians(runs: Figures[]): Figures {
  const pick = (key: keyof Figures) => median(runs.map((run) => run[key]));
  return {
    rps: pick('rps'),
    p50: pick('p50'),
    p975: pick('p975'),
    p99: pick('p99'),
    cpuUs: pick('cpuUs'),
    errors: runs.reduce((sum, run) => sum + run.errors, 0),
    non2xx: runs.reduce((sum, run) => sum + run.non2xx, 0),
  };
}

const ms = (value: number) => `${value.toFixed(2).padStart(6)} ms`;
function row(name: string, f: Figures): string {
  const cpu = Number.isNaN(f.cpuUs) ? '' : `   cpu ${f.cpuUs.toFixed(0).padStart(4)} µs/req`;
  return `${name.padEnd(14)} ${f.rps.toFixed(0).padStart(7)} req/s   p50 ${ms(f.p50)}   p97.5 ${ms(f.p975)}   p99 ${ms(f.p99)}${cpu}   errors ${f.errors}  non-2xx ${f.non2xx}`;
}

async function main() {
  const upstream = await child('upstream');
  const relay = await child('relay');
  const bare = await child('bare');
  const bareDispatch = await child('bare-dispatch');
  try {
    const directUrl = `http://127.0.0.1:${UPSTREAM_PORT}${UPSTREAM_PATH}`;
    const relayUrl = `http://127.0.0.1:${RELAY_PORT}/api/relay`;
    const bareUrl = `http://127.0.0.1:${BARE_PORT}/`;
    const bareDispatchUrl = `http://127.0.0.1:${BARE_DISPATCH_PORT}/`;
    const directBody = JSON.stringify(BODY);
    const relayBody = JSON.stringify({ operationId: 'acquire', environment: 'live', path: { appid: APP_ID }, body: BODY });

    // Check both proxies really reach the upstream before measuring them.
    const probe = await (await fetch(relayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: relayBody })).json();
    if (probe.status !== 200) throw new Error(`Relay probe failed: ${JSON.stringify(probe)}`);
    const bareProbe = await (await fetch(bareUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: relayBody })).json();
    if (bareProbe.status !== 200) throw new Error(`Bare proxy probe failed: ${JSON.stringify(bareProbe)}`);

    console.log(
      `Relay benchmark: POST acquire, ${CONNECTIONS} connections, ${ROUNDS} rounds x ${DURATION} s per proxy after ${WARMUP} s warm-up each (Node ${process.version})`,
    );
    // Warm-up: JIT and keep-alive pools of all three, not measured.
    await load(directUrl, directBody, WARMUP);
    await load(bareUrl, relayBody, WARMUP);
    await load(relayUrl, relayBody, WARMUP);
    await load(bareDispatchUrl, relayBody, WARMUP);
    // The upstream alone, for context: the ceiling neither proxy can pass.
    const direct = await load(directUrl, directBody, DURATION);
    console.log(row('direct', direct) + '   (upstream alone, context)');
    const dispatchFloor = await load(bareDispatchUrl, relayBody, DURATION, bareDispatch);
    console.log(row('bare/dispatch', dispatchFloor) + "   (bare proxy on undici's dispatch, context; not judged)");

    const bareRuns: Figures[] = [];
    const relayRuns: Figures[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      // ABBA order: whichever runs second in a round runs first in the next.
      const order = round % 2 === 0 ? (['bare', 'relay'] as const) : (['relay', 'bare'] as const);
      for (const which of order) {
        const figures = which === 'bare' ? await load(bareUrl, relayBody, DURATION, bare) : await load(relayUrl, relayBody, DURATION, relay);
        (which === 'bare' ? bareRuns : relayRuns).push(figures);
        console.log(row(`${which} #${round + 1}`, figures));
      }
    }

    const b = medians(bareRuns);
    const r = medians(relayRuns);
    const ratio = r.rps / b.rps;
    const p99Diff = r.p99 - b.p99;
    const roundRatios = relayRuns.map((run, i) => (run.rps / bareRuns[i].rps).toFixed(2)).join(' ');
    console.log('');
    console.log(`Medians over ${ROUNDS} rounds:`);
    console.log(row('bare', b));
    console.log(row('relay', r));
    console.log(`req/s    relay/bare ${ratio.toFixed(2)}x (target >= ${TARGET_RATIO}x; per round: ${roundRatios})`);
    console.log(`p99      relay - bare ${p99Diff >= 0 ? '+' : ''}${p99Diff.toFixed(2)} ms (target <= +${TARGET_P99_MS} ms)`);
    if (!Number.isNaN(r.cpuUs)) console.log(`cpu      relay ${r.cpuUs.toFixed(0)} µs/req vs bare ${b.cpuUs.toFixed(0)} µs/req: the relay's own work is ${(r.cpuUs - b.cpuUs).toFixed(0)} µs/req`);
    const clean = r.errors === 0 && r.non2xx === 0 && b.errors === 0 && b.non2xx === 0;
    const ok = ratio >= TARGET_RATIO && p99Diff <= TARGET_P99_MS && clean;
    const why = [
      ratio >= TARGET_RATIO ? null : `req/s ${ratio.toFixed(2)}x < ${TARGET_RATIO}x`,
      p99Diff <= TARGET_P99_MS ? null : `p99 +${p99Diff.toFixed(2)} ms > +${TARGET_P99_MS} ms`,
      clean ? null : 'errors or non-2xx answers',
    ].filter(Boolean);
    console.log(ok ? `PASS: relay ${ratio.toFixed(2)}x bare req/s, p99 ${p99Diff >= 0 ? '+' : ''}${p99Diff.toFixed(2)} ms` : `FAIL: ${why.join('; ')}`);
    process.exitCode = ok ? 0 : 1;
  } finally {
    upstream.kill();
    relay.kill();
    bare.kill();
    bareDispatch.kill();
  }
}

const role = process.argv[2];
if (role) {
  // Exit cleanly on kill() so `--cpu-prof` can write its profile.
  process.once('SIGTERM', () => process.exit(0));
  answerCpuQueries();
}
if (role === 'upstream') runUpstream();
else if (role === 'relay') void runRelay();
else if (role === 'bare') void runBare();
else if (role === 'bare-dispatch') void runBareDispatch();
else
  main().catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
