/**
 * `npm run bench:relay`: load against a local upstream directly and through
 * the relay (Node adapter: node:http + undici), same concurrency and duration.
 * The upstream and the relay each run in their own process; autocannon runs
 * here. The relay reaches the local upstream through `upstreamBaseOverride`,
 * an option only code can set (never an envelope).
 *
 * A third run goes through a bare proxy (node:http + undici, no checks, no
 * retries): the floor any Node relay pays for the extra hop on this machine,
 * which separates the relay's own cost from the hop's.
 *
 * Env: BENCH_DURATION (s, default 10), BENCH_CONNECTIONS (default 10),
 * BENCH_UPSTREAM_PORT (3124), BENCH_RELAY_PORT (3125), BENCH_BARE_PORT (3126).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const UPSTREAM_PORT = Number(process.env.BENCH_UPSTREAM_PORT ?? 3124);
const RELAY_PORT = Number(process.env.BENCH_RELAY_PORT ?? 3125);
const BARE_PORT = Number(process.env.BENCH_BARE_PORT ?? 3126);
const APP_ID = '0123456789abcdef0123456789abcdef';
const UPSTREAM_PATH = `/v1/apps/${APP_ID}/cloud_recording/acquire`;
const BODY = { cname: 'demo', uid: '527841', clientRequest: {} };

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

/** Role 3: the bare proxy baseline. */
async function runBare() {
  const { Agent, request } = await import('undici');
  const agent = new Agent();
  createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const envelope = JSON.parse(Buffer.concat(chunks).toString());
      const upstream = await request(`http://127.0.0.1:${UPSTREAM_PORT}${UPSTREAM_PATH}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(envelope.body),
        dispatcher: agent,
      });
      const out = JSON.stringify({ status: upstream.statusCode, body: JSON.parse(await upstream.body.text()) });
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(out) });
      res.end(out);
    });
  }).listen(BARE_PORT, '127.0.0.1', () => console.log('ready'));
}

function child(role: string): Promise<ChildProcess> {
  const proc = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), role], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    proc.once('exit', (code) => reject(new Error(`${role} exited early (${code}); are ports ${UPSTREAM_PORT}/${RELAY_PORT} free?`)));
    proc.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve(proc);
    });
  });
}

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

async function load(url: string, body: string, duration: number): Promise<Figures> {
  const result = await autocannon({
    url,
    method: 'POST',
    connections: CONNECTIONS,
    duration,
    headers: { 'content-type': 'application/json' },
    body,
  });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.timeouts, non2xx: result.non2xx };
}

async function main() {
  const upstream = await child('upstream');
  const relay = await child('relay');
  const bare = await child('bare');
  try {
    const directUrl = `http://127.0.0.1:${UPSTREAM_PORT}${UPSTREAM_PATH}`;
    const relayUrl = `http://127.0.0.1:${RELAY_PORT}/api/relay`;
    const bareUrl = `http://127.0.0.1:${BARE_PORT}/`;
    const directBody = JSON.stringify(BODY);
    const relayBody = JSON.stringify({ operationId: 'acquire', environment: 'live', path: { appid: APP_ID }, body: BODY });

    // Check the relay really reaches the upstream before measuring it.
    const probe = await (await fetch(relayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: relayBody })).json();
    if (probe.status !== 200) throw new Error(`Relay probe failed: ${JSON.stringify(probe)}`);

    // Warm both paths (JIT, keep-alive pools) before the measured runs.
    await load(directUrl, directBody, 2);
    await load(relayUrl, relayBody, 2);
    await load(bareUrl, relayBody, 1);
    const direct = await load(directUrl, directBody, DURATION);
    const relayed = await load(relayUrl, relayBody, DURATION);
    const bareProxy = await load(bareUrl, relayBody, DURATION);

    const row = (name: string, f: Figures) =>
      `${name.padEnd(8)} ${f.rps.toFixed(0).padStart(8)} req/s   p50 ${String(f.p50).padStart(4)} ms   p99 ${String(f.p99).padStart(4)} ms   errors ${f.errors}  non-2xx ${f.non2xx}`;
    const ratio = relayed.rps / direct.rps;
    const addedP99 = relayed.p99 - direct.p99;
    console.log(`Relay benchmark: ${CONNECTIONS} connections, ${DURATION} s each, POST acquire (Node: node:http + undici)`);
    console.log(row('direct', direct));
    console.log(row('relay', relayed));
    console.log(row('bare', bareProxy) + '   (bare proxy baseline: the hop alone)');
    console.log(`ratio    ${(ratio * 100).toFixed(1)}% of direct throughput (target >= 50%)`);
    console.log(`added    p99 +${addedP99} ms (target <= 5 ms)`);
    console.log(`relay vs bare proxy: ${((relayed.rps / bareProxy.rps) * 100).toFixed(1)}% throughput, p99 +${relayed.p99 - bareProxy.p99} ms`);
    const ok = ratio >= 0.5 && addedP99 <= 5 && relayed.errors === 0 && relayed.non2xx === 0;
    console.log(ok ? 'PASS' : 'BELOW TARGET');
  } finally {
    upstream.kill();
    relay.kill();
    bare.kill();
  }
}

const role = process.argv[2];
// Exit cleanly on kill() so `--cpu-prof` can write its profile.
if (role) process.once('SIGTERM', () => process.exit(0));
if (role === 'upstream') runUpstream();
else if (role === 'relay') void runRelay();
else if (role === 'bare') void runBare();
else
  main().catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
