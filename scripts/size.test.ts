import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { SITE_PAGES } from '../e2e/support/pages';
import { budgetFor, budgetProblems, formatBudgetFile, measurePage, readBudget, type PageWeight, type SizeBudget } from './size';

/** A page whose JS files gzip to the given byte counts (and one CSS file of `css` bytes). */
function weight(route: string, js: number[], css: number, monaco = false, monacoCss = false): PageWeight {
  const size = (sizes: number[], prefix: string, monaco: boolean) => ({
    route,
    chunks: sizes.map((gzipBytes, index) => ({ file: `/assets/${prefix}/${index}.js`, bytes: gzipBytes * 3, gzipBytes, monaco: monaco && index === 0 })),
    totalGzipBytes: sizes.reduce((sum, bytes) => sum + bytes, 0),
    monaco: monaco && sizes.length > 0,
  });
  return { route, js: size(js, 'js', monaco), css: size([css], 'css', monacoCss) };
}

const budget: SizeBudget = { marginKB: 2, pages: { '/docs/a': { jsGzipKB: 100, cssGzipKB: 20 } } };

describe('size budgets', () => {
  it('finds nothing wrong with a page within its budget, up to the limit itself', () => {
    expect(budgetProblems(weight('/docs/a', [60 * 1024, 40 * 1024], 20 * 1024), budget)).toEqual([]);
  });

  it('names the page, the figure, the budget and the largest files when JS is over', () => {
    const [problem, ...rest] = budgetProblems(weight('/docs/a', [90 * 1024, 11 * 1024], 10 * 1024), budget);
    expect(rest).toEqual([]);
    expect(problem).toBe('/docs/a: initial JS 101 KB gzip in 2 files, over its budget of 100 KB; largest: /assets/js/0.js (90 KB), /assets/js/1.js (11 KB)');
  });

  it('checks CSS on its own budget', () => {
    expect(budgetProblems(weight('/docs/a', [10 * 1024], 21 * 1024), budget)).toEqual([
      '/docs/a: initial CSS 21 KB gzip in 1 files, over its budget of 20 KB; largest: /assets/css/0.js (21 KB)',
    ]);
  });

  it('fails Monaco in initial JS even within budget, naming the file', () => {
    expect(budgetProblems(weight('/docs/a', [1024, 1024], 1024, true), budget)).toEqual(["/docs/a loads Monaco's JS before any interaction: /assets/js/0.js"]);
  });

  it("fails Monaco's CSS in a page's initial stylesheets even within budget", () => {
    expect(budgetProblems(weight('/docs/a', [1024], 1024, false, true), budget)).toEqual(["/docs/a loads Monaco's CSS before any interaction: /assets/css/0.js"]);
  });

  it('fails a page that has no budget, so a new page cannot go unmeasured', () => {
    expect(budgetProblems(weight('/docs/new', [1024], 1024), budget)).toEqual([
      '/docs/new has no budget in scripts/size-budget.json: add one (npm run size -- --write-budgets measures it).',
    ]);
  });

  it('writes budgets as measured, rounded up, plus the margin, and never raises one', () => {
    expect(budgetFor(weight('/docs/b', [50.2 * 1024], 9 * 1024), 2)).toEqual({ jsGzipKB: 53, cssGzipKB: 11 });
    expect(budgetFor(weight('/docs/a', [120 * 1024], 5 * 1024), 2, budget.pages['/docs/a'])).toEqual({ jsGzipKB: 100, cssGzipKB: 7 });
  });

  it('keeps one line per page in the budget file', () => {
    expect(formatBudgetFile({ marginKB: 2, pages: { '/': { jsGzipKB: 1.5, cssGzipKB: 2 } } })).toBe(
      '{\n  "marginKB": 2,\n  "pages": {\n    "/": { "jsGzipKB": 1.5, "cssGzipKB": 2 }\n  }\n}\n',
    );
  });

  it('has a budget for every page of the site in scripts/size-budget.json', () => {
    const file = readBudget();
    expect(Object.keys(file.pages).sort()).toEqual([...SITE_PAGES].sort());
  });

  it('measures the built files behind the URLs the page fetched, gzipped', () => {
    const dir = mkdtempSync(join(tmpdir(), 'size-test-'));
    mkdirSync(join(dir, 'assets'));
    const js = 'console.log("x");'.repeat(200);
    writeFileSync(join(dir, 'assets/main.js'), js);
    writeFileSync(join(dir, 'assets/styles.css'), '.monaco-editor{}');
    const measured = measurePage(dir, { scripts: ['/assets/main.js'], stylesheets: ['/assets/styles.css'] }, '/');
    expect(measured.js.totalGzipBytes).toBe(gzipSync(js, { level: 9 }).length);
    expect(measured.js.monaco).toBe(false);
    expect(measured.css.chunks.map((chunk) => chunk.file)).toEqual(['/assets/styles.css']);
  });
});
