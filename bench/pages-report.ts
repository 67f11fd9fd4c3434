/**
 * The pure half of `npm run bench:pages` (bench/pages.ts): which pages it
 * measures, the interleaved run order, what it keeps of each Lighthouse
 * result, the medians, the verdict against the plain Docusaurus page and the
 * printed tables. No browser, no server, no file system: bench/pages.test.ts
 * covers it with hand-made Lighthouse results.
 */
import { SITE_PAGES } from '../e2e/support/pages';

/** A page the bench opens: a short name for the table and `--pages`, and its route on its server. */
export interface BenchPage {
  name: string;
  route: string;
  /** Served from the plain Docusaurus build instead of the site's. */
  plain?: boolean;
}

/** The baseline: the one docs page of bench/plain-site (routeBasePath `docs`, docs/intro.md). */
export const PLAIN_PAGE: BenchPage = { name: 'plain', route: '/docs/intro', plain: true };

/**
 * Issue 17's pages: the landing page, the Video Calling guide, the Media Pull
 * best practices and every reference page (the index, each family's overview
 * and each operation's page, taken from SITE_PAGES so a new family or operation
 * is measured without an edit here).
 */
export const SITE_BENCH_PAGES: readonly BenchPage[] = [
  { name: 'landing', route: '/' },
  { name: 'guide', route: '/docs/video-calling/rest-api-guide' },
  { name: 'media-pull', route: '/docs/media-pull/best-practices' },
  ...SITE_PAGES.filter((route) => route === '/docs/reference' || route.startsWith('/docs/reference/')).map((route) => ({
    name: route === '/docs/reference' ? 'ref' : `ref/${route.slice('/docs/reference/'.length)}`,
    route,
  })),
];

/**
 * Keep the pages `--pages a,b` names (short name or route); the plain page is
 * always kept because every other row is read against it. An unknown name is
 * an error that lists the known ones, so a typo never silently measures nothing.
 */
export function selectPages(filter: string | undefined, pages: readonly BenchPage[] = SITE_BENCH_PAGES): BenchPage[] {
  if (!filter) return [PLAIN_PAGE, ...pages];
  const wanted = filter.split(',').map((part) => part.trim()).filter(Boolean);
  const unknown = wanted.filter((want) => want !== PLAIN_PAGE.name && !pages.some((page) => page.name === want || page.route === want));
  if (unknown.length) {
    throw new Error(`Unknown page(s) for --pages: ${unknown.join(', ')}. Known: ${[PLAIN_PAGE, ...pages].map((page) => page.name).join(', ')}.`);
  }
  return [PLAIN_PAGE, ...pages.filter((page) => wanted.includes(page.name) || wanted.includes(page.route))];
}

/**
 * Run r of every page before run r+1 of any: a burst of load on the machine
 * then lands on one run of each page rather than on all runs of one page.
 */
export function interleave<T>(pages: readonly T[], runs: number): Array<{ run: number; page: T }> {
  const order: Array<{ run: number; page: T }> = [];
  for (let run = 1; run <= runs; run += 1) for (const page of pages) order.push({ run, page });
  return order;
}

/** Resource types of Lighthouse's resource-summary audit, in the order the breakdown prints them. */
export const RESOURCE_TYPES = ['document', 'script', 'stylesheet', 'font', 'image', 'media', 'other'] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];

/** What the bench keeps of one Lighthouse run. */
export interface RunMetrics {
  /** Performance score, 0-100. */
  score: number;
  tbtMs: number;
  lcpMs: number;
  fcpMs: number;
  speedIndexMs: number;
  cls: number;
  /** bootup-time: main-thread time spent on JavaScript (evaluate, parse, compile), simulated slowdown included. */
  jsExecMs: number;
  /** total-byte-weight: bytes over the network (compressed), all requests. */
  transferBytes: number;
  /** Transfer bytes and request count per resource type. */
  byType: Record<ResourceType, { bytes: number; requests: number }>;
  /**
   * Of `other`: Docusaurus's `<link rel=prefetch>` of the chunks of pages the
   * page links to (Chrome files them as type Other at VeryLow/Lowest priority),
   * fetched when the page is idle; weight, but not what the page runs.
   */
  prefetchBytes: number;
  /** The largest requests by transfer size, for the JSON: where the weight is, file by file. */
  largest: Array<{ url: string; type: string; priority: string; bytes: number }>;
}

/** The parts of a Lighthouse result (LH.Result) the bench reads; a structural subset so tests can build one by hand. */
export interface LighthouseResultLike {
  categories: { performance?: { score: number | null } };
  audits: Record<string, { numericValue?: number; details?: { items?: unknown[] } } | undefined>;
  runtimeError?: { code: string; message: string };
  runWarnings?: string[];
}

function numeric(lhr: LighthouseResultLike, id: string): number {
  const value = lhr.audits[id]?.numericValue;
  if (typeof value !== 'number') throw new Error(`Lighthouse result has no numeric value for ${id}`);
  return value;
}

/** Reduce one Lighthouse result to the figures the table shows; throws when the run failed. */
export function metricsOf(lhr: LighthouseResultLike): RunMetrics {
  if (lhr.runtimeError) throw new Error(`Lighthouse run failed: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
  const score = lhr.categories.performance?.score;
  if (typeof score !== 'number') throw new Error('Lighthouse result has no performance score');
  const byType = Object.fromEntries(RESOURCE_TYPES.map((type) => [type, { bytes: 0, requests: 0 }])) as RunMetrics['byType'];
  for (const item of (lhr.audits['resource-summary']?.details?.items ?? []) as Array<{ resourceType: string; transferSize: number; requestCount: number }>) {
    if ((RESOURCE_TYPES as readonly string[]).includes(item.resourceType)) {
      byType[item.resourceType as ResourceType] = { bytes: item.transferSize, requests: item.requestCount };
    }
  }
  const requests = (lhr.audits['network-requests']?.details?.items ?? []) as Array<{ url: string; resourceType?: string; priority?: string; transferSize?: number }>;
  const prefetchBytes = requests
    .filter((request) => request.resourceType === 'Other' && (request.priority === 'VeryLow' || request.priority === 'Lowest'))
    .reduce((sum, request) => sum + (request.transferSize ?? 0), 0);
  const largest = requests
    .map((request) => ({ url: pathOf(request.url), type: request.resourceType ?? '?', priority: request.priority ?? '?', bytes: request.transferSize ?? 0 }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 10);
  return {
    score: Math.round(score * 100),
    tbtMs: numeric(lhr, 'total-blocking-time'),
    lcpMs: numeric(lhr, 'largest-contentful-paint'),
    fcpMs: numeric(lhr, 'first-contentful-paint'),
    speedIndexMs: numeric(lhr, 'speed-index'),
    cls: numeric(lhr, 'cumulative-layout-shift'),
    jsExecMs: numeric(lhr, 'bootup-time'),
    transferBytes: numeric(lhr, 'total-byte-weight'),
    byType,
    prefetchBytes,
    largest,
  };
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

/** The median; of an even count, the mean of the middle two. */
export function median(values: readonly number[]): number {
  if (!values.length) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Per-metric medians of a page's runs (each metric on its own, as Lighthouse's own median-run guidance does not apply to a table of columns). */
export interface PageSummary {
  page: BenchPage;
  runs: number;
  score: number;
  tbtMs: number;
  lcpMs: number;
  fcpMs: number;
  speedIndexMs: number;
  cls: number;
  jsExecMs: number;
  transferBytes: number;
  byType: Record<ResourceType, number>;
  prefetchBytes: number;
}

export function summarize(page: BenchPage, runs: readonly RunMetrics[]): PageSummary {
  const of = (pick: (run: RunMetrics) => number) => median(runs.map(pick));
  return {
    page,
    runs: runs.length,
    score: of((run) => run.score),
    tbtMs: of((run) => run.tbtMs),
    lcpMs: of((run) => run.lcpMs),
    fcpMs: of((run) => run.fcpMs),
    speedIndexMs: of((run) => run.speedIndexMs),
    cls: of((run) => run.cls),
    jsExecMs: of((run) => run.jsExecMs),
    transferBytes: of((run) => run.transferBytes),
    byType: Object.fromEntries(RESOURCE_TYPES.map((type) => [type, of((run) => run.byType[type].bytes)])) as Record<ResourceType, number>,
    prefetchBytes: of((run) => run.prefetchBytes),
  };
}

/** Issue 17's target for a docs page against the plain Docusaurus page. */
export const TARGET = { scorePoints: 1, tbtMs: 30 } as const;

export interface Verdict {
  pass: boolean;
  reasons: string[];
}

/** Within 1 point of the plain page's score and TBT at most 30 ms over its TBT (medians). */
export function verdict(page: PageSummary, plain: PageSummary): Verdict {
  const reasons: string[] = [];
  if (page.score < plain.score - TARGET.scorePoints) reasons.push(`score ${page.score} < ${plain.score} - ${TARGET.scorePoints}`);
  if (page.tbtMs > plain.tbtMs + TARGET.tbtMs) reasons.push(`TBT ${Math.round(page.tbtMs)} ms > ${Math.round(plain.tbtMs)} + ${TARGET.tbtMs} ms`);
  return { pass: reasons.length === 0, reasons };
}

const kb = (bytes: number) => (bytes / 1024).toFixed(0);
const signed = (value: number, digits = 0) => `${value > 0 ? '+' : value < 0 ? '-' : '±'}${Math.abs(value).toFixed(digits)}`;

function table(header: string[], rows: string[][]): string {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ').trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

/** Medians per page with the difference to the plain page in brackets. */
export function formatSummary(summaries: readonly PageSummary[]): string {
  const plain = summaries.find((summary) => summary.page.plain);
  if (!plain) throw new Error('no plain page among the summaries');
  const cell = (value: string, delta: number | null, digits = 0) => (delta === null ? value : `${value} (${signed(delta, digits)})`);
  const rows = summaries.map((s) => {
    const base = s.page.plain ? null : plain;
    return [
      s.page.name,
      cell(String(s.score), base && s.score - base.score),
      cell(s.tbtMs.toFixed(0), base && s.tbtMs - base.tbtMs),
      cell(kb(s.transferBytes), base && (s.transferBytes - base.transferBytes) / 1024),
      cell(kb(s.byType.script), base && (s.byType.script - base.byType.script) / 1024),
      cell(s.lcpMs.toFixed(0), base && s.lcpMs - base.lcpMs),
      cell(s.fcpMs.toFixed(0), base && s.fcpMs - base.fcpMs),
      cell(s.jsExecMs.toFixed(0), base && s.jsExecMs - base.jsExecMs),
      s.cls.toFixed(3),
    ];
  });
  return table(['page', 'perf', 'TBT ms', 'transfer KB', 'script KB', 'LCP ms', 'FCP ms', 'JS exec ms', 'CLS'], rows);
}

/** Median transfer KB per resource type and page, and how much of `other` is prefetch: where the weight is. */
export function formatBreakdown(summaries: readonly PageSummary[]): string {
  const rows = summaries.map((s) => [s.page.name, ...RESOURCE_TYPES.map((type) => kb(s.byType[type])), kb(s.prefetchBytes), kb(s.transferBytes)]);
  return table(['transfer KB', 'doc', 'script', 'css', 'font', 'img', 'media', 'other', 'of it prefetch', 'total'], rows);
}

/** One PASS/FAIL line per page other than the plain one. */
export function formatVerdicts(summaries: readonly PageSummary[]): string {
  const plain = summaries.find((summary) => summary.page.plain);
  if (!plain) throw new Error('no plain page among the summaries');
  const width = Math.max(...summaries.map((s) => s.page.name.length));
  return summaries
    .filter((s) => !s.page.plain)
    .map((s) => {
      const { pass, reasons } = verdict(s, plain);
      return `${pass ? 'PASS' : 'FAIL'}  ${s.page.name.padEnd(width)}${pass ? '' : `  ${reasons.join('; ')}`}`;
    })
    .join('\n');
}
