/**
 * `npm run size [-- --build <dir>] [--files] [--write-budgets]`: for every
 * page of the site (SITE_PAGES), the JavaScript and CSS it fetches before any
 * interaction, each file gzipped, against its budget in size-budget.json, and
 * whether any of it is Monaco. Run after a build. e2e/size.spec.ts enforces the
 * same budgets in `npm test`. `--files` lists every file; `--write-budgets`
 * sets each page's budget to what it measures now plus the file's margin,
 * never above the budget it has.
 *
 * Why a browser: Docusaurus 3 puts only the runtime and main bundle in
 * `<script>` tags; the route's own chunks (the MDX page, the tester) are
 * loaded by its client entry before hydration, not announced in the HTML, and
 * their CSS is injected the same way. So the page is opened in Chromium and
 * every script and stylesheet it fetches until it has hydrated and the network
 * is idle, with no interaction, is counted. Prefetches of other routes
 * (`<link rel=prefetch>`) are not files the page uses and are left out.
 */
import { createReadStream, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { NEAR_VIEWPORTS } from '../src/components/Island/triggers';

/** The guide's route. */
export const GUIDE_ROUTE = '/docs/video-calling/rest-api-guide';

/** Text found only in Monaco's own code (its worker bootstrap, CSS class, source tree). */
const MONACO_MARKERS = [/MonacoEnvironment/, /monaco-editor/, /\bvs\/editor\//, /\.monaco-editor\b/, /codicon/];

export interface ChunkSize {
  file: string;
  bytes: number;
  gzipBytes: number;
  monaco: boolean;
}

export interface PageSize {
  route: string;
  chunks: ChunkSize[];
  totalGzipBytes: number;
  monaco: boolean;
}

/** A page's initial JavaScript and CSS. */
export interface PageWeight {
  route: string;
  js: PageSize;
  css: PageSize;
}

export const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

/** The same-origin scripts and stylesheets a page fetches, by URL path. */
export interface InitialAssets {
  scripts: string[];
  stylesheets: string[];
}

/** Open `route` and list the same-origin scripts and stylesheets it fetches before any interaction. */
export async function initialAssets(page: Page, baseUrl: string, route = GUIDE_ROUTE): Promise<InitialAssets> {
  const origin = new URL(baseUrl).origin;
  const scripts = new Set<string>();
  const stylesheets = new Set<string>();
  let last = Date.now();
  // Only starts count: what is measured is what the page asks for, and a long-lived request must not stall this.
  const quiet = async () => {
    while (Date.now() - last < 750) await new Promise((done) => setTimeout(done, 50));
  };
  page.on('request', (request) => {
    last = Date.now();
    if (!request.url().startsWith(origin)) return;
    const path = new URL(request.url()).pathname;
    if (request.resourceType() === 'script') scripts.add(path);
    if (request.resourceType() === 'stylesheet') stylesheets.add(path);
  });
  await page.goto(new URL(route, baseUrl).href);
  await page.locator('html[data-has-hydrated="true"]').waitFor({ state: 'attached' });
  await page.waitForLoadState('networkidle');
  // Islands near the viewport load on their own after hydration, and on a long page that can come after the
  // network first goes quiet: wait for every near one (an inner island once its outer one is live), so a
  // page weighs the same on every run.
  // (No named functions inside: tsx would wrap them in a helper the page does not have.)
  await page.waitForFunction(
    (viewports) =>
      Array.from(document.querySelectorAll('[data-island]')).every((element) => {
        // Live, or one that loads only when an island inside it comes near (those are judged on their own).
        if (element.hasAttribute('data-island-live') || element.getAttribute('data-island-near') === 'inner') return true;
        // Inside an island still a shell: it waits for its outer one, unless its nearness is what wakes the outer.
        const outer = element.parentElement?.closest('[data-island]:not([data-island-live])');
        if (outer && outer.getAttribute('data-island-near') !== 'inner') return true;
        const box = element.getBoundingClientRect();
        return box.bottom < -viewports * window.innerHeight || box.top > (1 + viewports) * window.innerHeight;
      }),
    NEAR_VIEWPORTS,
  );
  // Then no new request for 750 ms: what going live starts (its own chunks, a warm-up) is asked for by then.
  await quiet();
  return { scripts: [...scripts], stylesheets: [...stylesheets] };
}

/** Open `route` and list the same-origin scripts it fetches before any interaction. */
export async function initialScripts(page: Page, baseUrl: string, route = GUIDE_ROUTE): Promise<string[]> {
  return (await initialAssets(page, baseUrl, route)).scripts;
}

/** Gzip (level 9) each built file behind those URLs. */
export function measureFiles(buildDir: string, urls: string[], route = GUIDE_ROUTE): PageSize {
  const chunks = urls.map((url) => {
    const content = readFileSync(join(buildDir, decodeURIComponent(url).replace(/^\/+/, '')));
    const text = content.toString('utf8');
    return { file: url, bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length, monaco: MONACO_MARKERS.some((marker) => marker.test(text)) };
  });
  return { route, chunks, totalGzipBytes: chunks.reduce((sum, chunk) => sum + chunk.gzipBytes, 0), monaco: chunks.some((chunk) => chunk.monaco) };
}

/** Both halves of a page's initial weight, measured on the build's files. */
export function measurePage(buildDir: string, assets: InitialAssets, route: string): PageWeight {
  return { route, js: measureFiles(buildDir, assets.scripts, route), css: measureFiles(buildDir, assets.stylesheets, route) };
}

/** One page's limits, KB gzip. */
export interface PageBudget {
  jsGzipKB: number;
  cssGzipKB: number;
}

/** scripts/size-budget.json: a budget per route, and the margin `--write-budgets` adds. */
export interface SizeBudget {
  marginKB: number;
  pages: Record<string, PageBudget>;
}

export const BUDGET_FILE = fileURLToPath(new URL('./size-budget.json', import.meta.url));

export function readBudget(file = BUDGET_FILE): SizeBudget {
  return JSON.parse(readFileSync(file, 'utf8')) as SizeBudget;
}

/** The n largest files, largest first, as `path (x KB)`: what to look at when a page is over. */
function largest(size: PageSize, n = 5): string {
  return [...size.chunks]
    .sort((a, b) => b.gzipBytes - a.gzipBytes)
    .slice(0, n)
    .map((chunk) => `${chunk.file} (${kb(chunk.gzipBytes)} KB)`)
    .join(', ');
}

/**
 * Everything wrong with a page's initial weight, one sentence each naming the
 * page and the files; empty when it is within budget. A page without a budget
 * is a problem too, so a new page cannot go unmeasured.
 */
export function budgetProblems(weight: PageWeight, budget: SizeBudget): string[] {
  const limits = budget.pages[weight.route];
  if (!limits) return [`${weight.route} has no budget in scripts/size-budget.json: add one (npm run size -- --write-budgets measures it).`];
  const problems: string[] = [];
  // Monaco loads with the JSON view, its CSS too (src/plugins/async-vendor-styles): neither belongs to a page's first load.
  for (const [what, size] of [['JS', weight.js], ['CSS', weight.css]] as const) {
    if (size.monaco) {
      problems.push(`${weight.route} loads Monaco's ${what} before any interaction: ${size.chunks.filter((chunk) => chunk.monaco).map((chunk) => chunk.file).join(', ')}`);
    }
  }
  const over = (what: string, size: PageSize, limit: number) => {
    if (kb(size.totalGzipBytes) > limit) {
      problems.push(`${weight.route}: initial ${what} ${kb(size.totalGzipBytes)} KB gzip in ${size.chunks.length} files, over its budget of ${limit} KB; largest: ${largest(size)}`);
    }
  };
  over('JS', weight.js, limits.jsGzipKB);
  over('CSS', weight.css, limits.cssGzipKB);
  return problems;
}

/**
 * The budget a page gets from `--write-budgets`: what it measures, rounded up
 * to a whole KB, plus the margin, but never more than the budget it already
 * has: rewriting only ever tightens (raising one is an edit by hand, with a reason).
 */
export function budgetFor(weight: PageWeight, marginKB: number, existing?: PageBudget): PageBudget {
  const limit = (size: PageSize, current: number | undefined) => Math.min(Math.ceil(kb(size.totalGzipBytes)) + marginKB, current ?? Infinity);
  return { jsGzipKB: limit(weight.js, existing?.jsGzipKB), cssGzipKB: limit(weight.css, existing?.cssGzipKB) };
}

/** The budget file as JSON with each page's budget on one line, so a diff shows which pages moved. */
export function formatBudgetFile(file: object): string {
  return `${JSON.stringify(file, null, 2).replace(/\{\n\s+"jsGzipKB": ([\d.]+),\n\s+"cssGzipKB": ([\d.]+)\n\s+\}/g, '{ "jsGzipKB": $1, "cssGzipKB": $2 }')}\n`;
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml' };

/** A bare static server for a build directory (`/a/b` -> `a/b.html` or `a/b/index.html`). */
async function serveBuild(buildDir: string): Promise<{ url: string; close(): void }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const candidates = [join(buildDir, path), join(buildDir, `${path}.html`), join(buildDir, path, 'index.html')];
    const file = candidates.find((candidate) => candidate.startsWith(buildDir) && existsSync(candidate) && statSync(candidate).isFile());
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const flag = process.argv.indexOf('--build');
  const buildDir = resolve(flag >= 0 ? process.argv[flag + 1] : join(root, 'build'));
  const showFiles = process.argv.includes('--files');
  const writeBudgets = process.argv.includes('--write-budgets');
  if (!existsSync(join(buildDir, 'index.html'))) {
    console.error(`${buildDir} holds no build: run npm run build first (or pass --build <dir>).`);
    process.exit(1);
  }
  // Imported here, not at the top: e2e/size.spec.ts imports this module and the page list reads the generated catalog.
  const { SITE_PAGES } = await import('../e2e/support/pages');
  const { chromium } = await import('@playwright/test');
  const executablePath = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  const site = await serveBuild(buildDir);
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
  const budget = readBudget();
  const weights: PageWeight[] = [];
  try {
    for (const route of SITE_PAGES) {
      // A fresh context per page, so nothing is served from the previous page's cache.
      const context = await browser.newContext();
      weights.push(measurePage(buildDir, await initialAssets(await context.newPage(), site.url, route), route));
      await context.close();
    }
  } finally {
    await browser.close();
    site.close();
  }
  console.log(`Initial JavaScript and CSS per page (${buildDir}), fetched before any interaction, KB gzip level 9 (budget):`);
  const width = Math.max(...weights.map((weight) => weight.route.length));
  const problems: string[] = [];
  for (const weight of weights) {
    const limits = budget.pages[weight.route];
    const cell = (size: PageSize, limit: number | undefined) => `${String(kb(size.totalGzipBytes)).padStart(6)} (${limit ?? '-'})`.padEnd(15);
    const pageProblems = budgetProblems(weight, budget);
    problems.push(...pageProblems);
    console.log(
      `  ${weight.route.padEnd(width)}  JS ${cell(weight.js, limits?.jsGzipKB)} in ${String(weight.js.chunks.length).padStart(2)} files  CSS ${cell(weight.css, limits?.cssGzipKB)} in ${weight.css.chunks.length}  ${pageProblems.length ? 'OVER' : 'ok'}${weight.js.monaco ? '  Monaco in JS!' : ''}${weight.css.monaco ? '  Monaco in CSS!' : ''}`,
    );
    if (showFiles) {
      for (const chunk of [...weight.js.chunks, ...weight.css.chunks]) {
        console.log(`      ${String(kb(chunk.gzipBytes)).padStart(7)} KB gzip  ${String(kb(chunk.bytes)).padStart(8)} KB  ${chunk.file}${chunk.monaco ? '  <- Monaco' : ''}`);
      }
    }
  }
  console.log(`Monaco in any page's initial JS: ${weights.some((weight) => weight.js.monaco) ? 'YES' : 'no'}; in its initial CSS: ${weights.some((weight) => weight.css.monaco) ? 'YES' : 'no'}`);
  if (writeBudgets) {
    const file = JSON.parse(readFileSync(BUDGET_FILE, 'utf8')) as SizeBudget & Record<string, unknown>;
    file.pages = Object.fromEntries(weights.map((weight) => [weight.route, budgetFor(weight, budget.marginKB, budget.pages[weight.route])]));
    file.measuredAt = new Date().toISOString().slice(0, 10);
    writeFileSync(BUDGET_FILE, formatBudgetFile(file));
    console.log(`Wrote ${weights.length} budgets (measured, rounded up, + ${budget.marginKB} KB, none raised) to ${BUDGET_FILE}.`);
  } else if (problems.length) {
    console.log(`\n${problems.join('\n')}`);
  }
}
