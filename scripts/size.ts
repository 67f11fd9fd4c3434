/**
 * `npm run size [-- --build <dir>]`: the JavaScript the guide page loads before
 * any interaction, each file gzipped, and whether any of it is Monaco. Run
 * after a build. e2e/size.spec.ts enforces the budget in size-budget.json.
 *
 * Why a browser: Docusaurus 3 puts only the runtime and main bundle in
 * `<script>` tags; the route's own chunks (the MDX page, the tester) are
 * loaded by its client entry before hydration, not announced in the HTML. So
 * the page is opened in Chromium and every script it fetches until it has
 * hydrated and the network is idle, with no interaction, is counted. Prefetches
 * of other routes (`<link rel=prefetch>`) are not scripts the page runs and are
 * left out.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';

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

export const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

/** Open `route` and list the same-origin scripts it fetches before any interaction. */
export async function initialScripts(page: Page, baseUrl: string, route = GUIDE_ROUTE): Promise<string[]> {
  const origin = new URL(baseUrl).origin;
  const scripts = new Set<string>();
  page.on('request', (request) => {
    if (request.resourceType() === 'script' && request.url().startsWith(origin)) scripts.add(new URL(request.url()).pathname);
  });
  await page.goto(new URL(route, baseUrl).href);
  await page.locator('html[data-has-hydrated="true"]').waitFor({ state: 'attached' });
  await page.waitForLoadState('networkidle');
  return [...scripts];
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
  if (!existsSync(join(buildDir, 'index.html'))) {
    console.error(`${buildDir} holds no build: run npm run build first (or pass --build <dir>).`);
    process.exit(1);
  }
  const { chromium } = await import('@playwright/test');
  const executablePath = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  const site = await serveBuild(buildDir);
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const urls = await initialScripts(await browser.newPage(), site.url);
    const size = measureFiles(buildDir, urls);
    console.log(`Initial JavaScript of ${size.route} (${buildDir}), fetched before any interaction:`);
    for (const chunk of size.chunks) {
      console.log(`  ${String(kb(chunk.gzipBytes)).padStart(7)} KB gzip  ${String(kb(chunk.bytes)).padStart(8)} KB  ${chunk.file}${chunk.monaco ? '  <- Monaco' : ''}`);
    }
    console.log(`Total: ${kb(size.totalGzipBytes)} KB gzip in ${size.chunks.length} files`);
    console.log(`Monaco in initial JS: ${size.monaco ? 'YES' : 'no'}`);
    const budgetFile = join(root, 'scripts/size-budget.json');
    if (existsSync(budgetFile)) {
      const budget = JSON.parse(readFileSync(budgetFile, 'utf8')) as { baselineGzipKB: number; testerAllowanceKB: number };
      const limit = budget.baselineGzipKB + budget.testerAllowanceKB;
      console.log(`Budget: ${budget.baselineGzipKB} KB baseline + ${budget.testerAllowanceKB} KB = ${limit} KB -> ${kb(size.totalGzipBytes) <= limit ? 'within' : 'OVER'}`);
    }
  } finally {
    await browser.close();
    site.close();
  }
}
