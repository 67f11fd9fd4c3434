/**
 * `npm run bench:pages [-- options]`: Lighthouse (mobile, default simulated
 * throttling) on the site's pages against a plain Docusaurus docs page built
 * in the same run, medians of N interleaved runs, and the difference to the
 * plain page. A benchmark that prints numbers, not a test: the per-page byte
 * budget that guards regressions is e2e/size.spec.ts, in `npm test`.
 *
 *   --runs N             runs per page (default 3)
 *   --pages a,b          only these pages (short names or routes; the plain page always runs)
 *   --site-build <dir>   reuse a production build of the site instead of building one
 *   --plain-build <dir>  reuse a build of bench/plain-site instead of building one
 *   --port P             the plain server on P, the site's on P+1, Chrome's debugging port P+2 (default 4100)
 *   --json <file>        where the raw per-run figures go (default <tmpdir>/bench-pages.json)
 *
 * Both builds are served by the production server (`tsx server/index.ts`, as
 * `npm run serve` runs it), each in a process of its own so serving never waits
 * on Lighthouse's trace processing here: same static handler, same gzip, same
 * cache and CSP headers for both. Each run gets a fresh Chrome (the system
 * Chromium, or CHROME_PATH), so no run sees another's cache.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import {
  formatBreakdown,
  formatSummary,
  formatVerdicts,
  interleave,
  metricsOf,
  selectPages,
  summarize,
  TARGET,
  type BenchPage,
  type LighthouseResultLike,
  type RunMetrics,
} from './pages-report';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name: string) => join(root, 'node_modules', '.bin', name);

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    pages: { type: 'string' },
    'site-build': { type: 'string' },
    'plain-build': { type: 'string' },
    port: { type: 'string', default: '4100' },
    json: { type: 'string', default: join(tmpdir(), 'bench-pages.json') },
  },
});

const runs = Number(args.runs);
const basePort = Number(args.port);
if (!Number.isInteger(runs) || runs < 1) fail(`--runs must be a whole number of at least 1, not "${args.runs}".`);
if (!Number.isInteger(basePort) || basePort < 1 || basePort > 65533) fail(`--port must be a port number, not "${args.port}".`);
const chromePath = process.env.CHROME_PATH || '/usr/bin/chromium';
if (!existsSync(chromePath)) fail(`No Chrome at ${chromePath}: install Chromium there or set CHROME_PATH.`);

function fail(message: string): never {
  console.error(`bench:pages: ${message}`);
  process.exit(1);
}

/** Run a command from the repo root with its output shown; rejects on a non-zero exit. */
function run(command: string, commandArgs: string[]): Promise<void> {
  return new Promise((done, reject) => {
    const child = spawn(command, commandArgs, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? done() : reject(new Error(`${command} ${commandArgs.join(' ')} exited with ${code}`))));
  });
}

/** A build directory given with a flag, checked; or a fresh build into a temporary one. */
async function buildOrReuse(given: string | undefined, label: string, build: (outDir: string) => Promise<void>): Promise<string> {
  if (given) {
    const dir = resolve(given);
    if (!existsSync(join(dir, 'index.html'))) fail(`${dir} holds no build (no index.html) for the ${label}.`);
    console.log(`${label}: reusing ${dir}`);
    return dir;
  }
  const dir = mkdtempSync(join(tmpdir(), `bench-pages-${label.replace(/\W+/g, '-')}-`));
  console.log(`${label}: building into ${dir}`);
  await build(dir);
  return dir;
}

/** `tsx server/index.ts` on a build: the production server, in its own process; resolves once it listens. */
function serve(buildDir: string, port: number): Promise<{ url: string; child: ChildProcess }> {
  return new Promise((done, reject) => {
    const child = spawn(bin('tsx'), [join(root, 'server/index.ts')], {
      cwd: root,
      env: { ...process.env, BUILD_DIR: buildDir, PORT: String(port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) done({ url: match[1], child });
    });
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`the server for ${buildDir} exited with ${code} before listening: ${output.trim()}`)));
  });
}

/** Resolves once nothing accepts connections on the port any more (or after `ms`). */
async function portFreed(port: number, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((done) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        done(true);
      });
      socket.once('error', () => done(false));
    });
    if (!open) return;
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** One Lighthouse run in a fresh Chrome: Lighthouse's defaults (mobile emulation, simulated slow 4G and 4x CPU), performance only. */
async function measure(url: string): Promise<{ metrics: RunMetrics; warnings: string[] }> {
  const port = basePort + 2;
  // The previous run's Chrome must be gone from the port, or the launcher would take it for the new one.
  await portFreed(port);
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: ['--headless=new', '--no-sandbox'], port, logLevel: 'silent' });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
    if (!result) throw new Error(`Lighthouse returned no result for ${url}`);
    return { metrics: metricsOf(result.lhr as unknown as LighthouseResultLike), warnings: result.lhr.runWarnings ?? [] };
  } finally {
    const closed = chrome.process.exitCode === null ? once(chrome.process, 'close') : Promise.resolve();
    chrome.kill();
    await Promise.race([closed, new Promise((done) => setTimeout(done, 10_000))]);
  }
}

/** A run that fails (Chrome not answering, Lighthouse's own error) is tried once more before the bench gives up. */
async function measureWithRetry(url: string): Promise<{ metrics: RunMetrics; warnings: string[] }> {
  try {
    return await measure(url);
  } catch (error) {
    console.log(`  ${url}: ${(error as Error).message.split('\n')[0]}; trying once more`);
    return measure(url);
  }
}

const pages = (() => {
  try {
    return selectPages(args.pages);
  } catch (error) {
    return fail((error as Error).message);
  }
})();

const siteBuild = await buildOrReuse(args['site-build'], 'site', async (outDir) => {
  // What `npm run build` does, into the temporary directory.
  await run(bin('tsx'), [join(root, 'scripts/build-catalog.ts')]);
  await run(bin('docusaurus'), ['build', '--out-dir', outDir]);
});
const plainBuild = await buildOrReuse(args['plain-build'], 'plain site', (outDir) => run(bin('docusaurus'), ['build', join(root, 'bench/plain-site'), '--out-dir', outDir]));

const servers: ChildProcess[] = [];
const stopServers = () => servers.forEach((child) => child.kill('SIGTERM'));
process.on('exit', stopServers);
process.on('SIGINT', () => process.exit(130));

const plainServer = await serve(plainBuild, basePort);
servers.push(plainServer.child);
const siteServer = await serve(siteBuild, basePort + 1);
servers.push(siteServer.child);
const origin = (page: BenchPage) => (page.plain ? plainServer.url : siteServer.url);

const lighthouseVersion = (JSON.parse(readFileSync(join(root, 'node_modules/lighthouse/package.json'), 'utf8')) as { version: string }).version;
const loadBefore = loadavg();
console.log(
  [
    '',
    `Servers: the production server (tsx server/index.ts: static handler, gzip, relay, sandbox), one process per build;`,
    `  plain ${plainServer.url} (${plainBuild}), site ${siteServer.url} (${siteBuild}).`,
    `Lighthouse ${lighthouseVersion}, ${chromePath}, mobile with default simulated throttling, performance only; a fresh Chrome per run.`,
    `${runs} run(s) of ${pages.length} pages, interleaved. Load average before: ${loadBefore.map((load) => load.toFixed(2)).join(' ')}.`,
    '',
  ].join('\n'),
);

const results = new Map<string, RunMetrics[]>(pages.map((page) => [page.name, []]));
const raw: Array<{ run: number; page: string; url: string; metrics: RunMetrics; warnings: string[] }> = [];
const started = Date.now();
for (const { run: runNumber, page } of interleave(pages, runs)) {
  const url = new URL(page.route, origin(page)).href;
  const { metrics, warnings } = await measureWithRetry(url);
  results.get(page.name)!.push(metrics);
  raw.push({ run: runNumber, page: page.name, url, metrics, warnings });
  console.log(
    `run ${runNumber}/${runs}  ${page.name.padEnd(26)} perf ${String(metrics.score).padStart(3)}  TBT ${metrics.tbtMs.toFixed(0).padStart(5)} ms  ${(metrics.transferBytes / 1024).toFixed(0).padStart(5)} KB` +
      (warnings.length ? `  (${warnings.length} Lighthouse warning(s), see the JSON)` : ''),
  );
}

const summaries = pages.map((page) => summarize(page, results.get(page.name)!));
const loadAfter = loadavg();
console.log(`\nMedians of ${runs} run(s); in brackets the difference to the plain Docusaurus page (${pages[0].route}).\n`);
console.log(formatSummary(summaries));
console.log(`\nTransfer by resource type (median KB over the network, compressed; "of it prefetch": chunks of linked pages that Docusaurus\nprefetches once the page is idle, <link rel=prefetch>, so it varies with timing):\n`);
console.log(formatBreakdown(summaries));
console.log(`\nTarget: within ${TARGET.scorePoints} point of the plain page's score and TBT at most plain + ${TARGET.tbtMs} ms.\n`);
console.log(formatVerdicts(summaries));
console.log(`\n${((Date.now() - started) / 1000).toFixed(0)} s of Lighthouse; load average after: ${loadAfter.map((load) => load.toFixed(2)).join(' ')}.`);

writeFileSync(
  args.json!,
  `${JSON.stringify({ date: new Date().toISOString(), lighthouse: lighthouseVersion, chromePath, runs, loadBefore, loadAfter, siteBuild, plainBuild, summaries, raw }, null, 2)}\n`,
);
console.log(`Raw figures: ${args.json}`);
console.log(`Measure again on the same builds: npm run bench:pages -- --site-build ${siteBuild} --plain-build ${plainBuild}`);
process.exit(0);
