import {
  PLAIN_PAGE,
  SITE_BENCH_PAGES,
  formatBreakdown,
  formatSummary,
  formatVerdicts,
  interleave,
  median,
  metricsOf,
  selectPages,
  summarize,
  verdict,
  type LighthouseResultLike,
  type RunMetrics,
} from './pages-report';

/** A Lighthouse result shaped like LH.Result, with only what the bench reads. */
function lhr(overrides: { score?: number; tbt?: number; bytes?: number; script?: number } = {}): LighthouseResultLike {
  const value = (numericValue: number) => ({ numericValue });
  return {
    categories: { performance: { score: overrides.score ?? 0.96 } },
    audits: {
      'total-blocking-time': value(overrides.tbt ?? 205),
      'largest-contentful-paint': value(2100),
      'first-contentful-paint': value(1500),
      'speed-index': value(1600),
      'cumulative-layout-shift': value(0.01),
      'bootup-time': value(overrides.tbt ? overrides.tbt * 2 : 400),
      'total-byte-weight': value(overrides.bytes ?? 220 * 1024),
      'resource-summary': {
        details: {
          items: [
            { resourceType: 'total', requestCount: 9, transferSize: overrides.bytes ?? 220 * 1024 },
            { resourceType: 'script', requestCount: 5, transferSize: overrides.script ?? 180 * 1024 },
            { resourceType: 'stylesheet', requestCount: 1, transferSize: 20 * 1024 },
            { resourceType: 'document', requestCount: 1, transferSize: 8 * 1024 },
            { resourceType: 'third-party', requestCount: 0, transferSize: 0 },
          ],
        },
      },
      'network-requests': {
        details: {
          items: [
            { url: 'http://127.0.0.1:4101/assets/js/runtime.abc.js', resourceType: 'Script', priority: 'High', transferSize: 3000 },
            { url: 'http://127.0.0.1:4101/assets/js/main.abc.js', resourceType: 'Script', priority: 'High', transferSize: 150_000 },
            { url: 'http://127.0.0.1:4101/docs/x', resourceType: 'Document', priority: 'VeryHigh', transferSize: 8000 },
            { url: 'http://127.0.0.1:4101/assets/js/linked.abc.js', resourceType: 'Other', priority: 'VeryLow', transferSize: 2048 },
            { url: 'http://127.0.0.1:4101/favicon.ico', resourceType: 'Other', priority: 'High', transferSize: 1000 },
          ],
        },
      },
    },
  };
}

const run = (overrides: Parameters<typeof lhr>[0] = {}): RunMetrics => metricsOf(lhr(overrides));

describe('bench:pages pages', () => {
  it('measures the landing page, the guide, Media Pull and every reference page, each under its own name', () => {
    const routes = SITE_BENCH_PAGES.map((page) => page.route);
    expect(routes.slice(0, 3)).toEqual(['/', '/docs/video-calling/rest-api-guide', '/docs/media-pull/best-practices']);
    expect(routes).toContain('/docs/reference');
    expect(routes).toContain('/docs/reference/media-pull');
    expect(routes).toContain('/docs/reference/cloud-recording');
    expect(routes).toContain('/docs/reference/guide-examples');
    expect(new Set(SITE_BENCH_PAGES.map((page) => page.name)).size).toBe(SITE_BENCH_PAGES.length);
  });

  it('always keeps the plain page first, filters by name or route, and refuses an unknown name', () => {
    expect(selectPages(undefined)[0]).toBe(PLAIN_PAGE);
    expect(selectPages('guide,/docs/reference/media-pull').map((page) => page.name)).toEqual(['plain', 'guide', 'ref/media-pull']);
    expect(() => selectPages('guide,gide')).toThrow(/Unknown page\(s\) for --pages: gide\. Known: plain, landing, guide/);
  });

  it('interleaves: run 1 of every page before run 2 of any', () => {
    expect(interleave(['a', 'b'], 2)).toEqual([
      { run: 1, page: 'a' },
      { run: 1, page: 'b' },
      { run: 2, page: 'a' },
      { run: 2, page: 'b' },
    ]);
  });
});

describe('bench:pages figures', () => {
  it('reads the score, metrics, transfer per type and the largest requests from a Lighthouse result', () => {
    const metrics = run({ score: 0.884, tbt: 321 });
    expect(metrics.score).toBe(88);
    expect(metrics.tbtMs).toBe(321);
    expect(metrics.jsExecMs).toBe(642);
    expect(metrics.transferBytes).toBe(220 * 1024);
    expect(metrics.byType.script).toEqual({ bytes: 180 * 1024, requests: 5 });
    expect(metrics.byType.font).toEqual({ bytes: 0, requests: 0 });
    expect(metrics.largest).toEqual([
      { url: '/assets/js/main.abc.js', type: 'Script', priority: 'High', bytes: 150_000 },
      { url: '/docs/x', type: 'Document', priority: 'VeryHigh', bytes: 8000 },
      { url: '/assets/js/runtime.abc.js', type: 'Script', priority: 'High', bytes: 3000 },
      { url: '/assets/js/linked.abc.js', type: 'Other', priority: 'VeryLow', bytes: 2048 },
      { url: '/favicon.ico', type: 'Other', priority: 'High', bytes: 1000 },
    ]);
    expect(metrics.prefetchBytes).toBe(2048);
  });

  it('refuses a failed run rather than counting it', () => {
    expect(() => metricsOf({ ...lhr(), runtimeError: { code: 'NO_FCP', message: 'The page did not paint' } })).toThrow(/NO_FCP/);
    expect(() => metricsOf({ ...lhr(), categories: { performance: { score: null } } })).toThrow(/no performance score/);
  });

  it('takes medians per metric', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    const summary = summarize(PLAIN_PAGE, [run({ tbt: 400 }), run({ tbt: 100 }), run({ tbt: 200, score: 0.5 })]);
    expect(summary.tbtMs).toBe(200);
    expect(summary.score).toBe(96);
    expect(summary.byType.script).toBe(180 * 1024);
  });
});

describe('bench:pages verdict', () => {
  const plain = summarize(PLAIN_PAGE, [run({ score: 0.96, tbt: 205 })]);
  const page = (score: number, tbt: number) => summarize({ name: 'guide', route: '/g' }, [run({ score, tbt })]);

  it('passes within 1 point and 30 ms of TBT over the plain page, at the edges too', () => {
    expect(verdict(page(0.95, 235), plain)).toEqual({ pass: true, reasons: [] });
  });

  it('fails a page 2 points down or 31 ms slower, and says which', () => {
    expect(verdict(page(0.94, 205), plain).reasons).toEqual(['score 94 < 96 - 1']);
    expect(verdict(page(0.96, 236), plain).reasons).toEqual(['TBT 236 ms > 205 + 30 ms']);
  });

  it('prints the medians with the difference to the plain page, the breakdown and a verdict per page', () => {
    const summaries = [plain, summarize({ name: 'guide', route: '/g' }, [run({ score: 0.9, tbt: 339, bytes: 414 * 1024, script: 370 * 1024 })])];
    const table = formatSummary(summaries);
    expect(table.split('\n')[0]).toMatch(/^page\s+perf\s+TBT ms\s+transfer KB\s+script KB\s+LCP ms\s+FCP ms\s+JS exec ms\s+CLS$/);
    expect(table).toMatch(/plain\s+96\s+205\s+220\s+180/);
    expect(table).toMatch(/guide\s+90 \(-6\)\s+339 \(\+134\)\s+414 \(\+194\)\s+370 \(\+190\)\s+2100 \(±0\)\s+1500 \(±0\)\s+678 \(\+268\)\s+0\.010$/m);
    expect(formatBreakdown(summaries)).toMatch(/guide\s+8\s+370\s+20\s+0\s+0\s+0\s+0\s+2\s+414$/m);
    expect(formatVerdicts(summaries)).toBe('FAIL  guide  score 90 < 96 - 1; TBT 339 ms > 205 + 30 ms');
  });
});
