/**
 * `npm run size [-- --build <dir>]`: the JavaScript the guide page loads before
 * any interaction (its `<script>` tags plus the chunks Docusaurus preloads or
 * prefetches for the route), each gzipped, and whether any of it is Monaco.
 * Run after a build. e2e/size.spec.ts enforces the budget in size-budget.json.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** The guide's route; built as `<route>.html` (trailingSlash: false) or `<route>/index.html`. */
export const GUIDE_ROUTE = 'docs/video-calling/rest-api-guide';

function pageFile(buildDir: string, route: string): string {
  const candidates = [join(buildDir, `${route}.html`), join(buildDir, route, 'index.html')];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) throw new Error(`${candidates.join(' and ')} are missing: build the site first (npm run build).`);
  return found;
}

/** Text found only in Monaco's own code (its worker bootstrap, its CSS class prefix, its source tree). */
const MONACO_MARKERS = [/MonacoEnvironment/, /monaco-editor/, /\bvs\/editor\//, /\.monaco-editor\b/, /codicon/];

export interface ChunkSize {
  file: string;
  bytes: number;
  gzipBytes: number;
  monaco: boolean;
}

export interface PageSize {
  page: string;
  chunks: ChunkSize[];
  totalGzipBytes: number;
  monaco: boolean;
}

/** Script URLs a built HTML page loads up front: script tags and preload/prefetch links for scripts. */
export function initialScripts(html: string): string[] {
  const urls = new Set<string>();
  for (const match of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) urls.add(match[1]);
  for (const match of html.matchAll(/<link\b[^>]*>/g)) {
    const tag = match[0];
    if (!/\brel="(?:preload|prefetch|modulepreload)"/.test(tag)) continue;
    if (!/\bas="script"/.test(tag) && !/rel="modulepreload"/.test(tag)) continue;
    const href = /\bhref="([^"]+)"/.exec(tag);
    if (href) urls.add(href[1]);
  }
  return [...urls].filter((url) => !/^(https?:)?\/\//.test(url));
}

export function measurePage(buildDir: string, route = GUIDE_ROUTE): PageSize {
  const htmlPath = pageFile(buildDir, route);
  const chunks = initialScripts(readFileSync(htmlPath, 'utf8')).map((url) => {
    const file = join(buildDir, decodeURIComponent(url.split(/[?#]/)[0]).replace(/^\/+/, ''));
    const content = readFileSync(file);
    const text = content.toString('utf8');
    return {
      file: url,
      bytes: content.length,
      gzipBytes: gzipSync(content, { level: 9 }).length,
      monaco: MONACO_MARKERS.some((marker) => marker.test(text)),
    };
  });
  return {
    page: route,
    chunks,
    totalGzipBytes: chunks.reduce((sum, chunk) => sum + chunk.gzipBytes, 0),
    monaco: chunks.some((chunk) => chunk.monaco),
  };
}

export const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const flag = process.argv.indexOf('--build');
  const buildDir = resolve(flag >= 0 ? process.argv[flag + 1] : join(root, 'build'));
  try {
    const size = measurePage(buildDir);
    console.log(`Initial JavaScript of /${size.page} (${buildDir})`);
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
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
