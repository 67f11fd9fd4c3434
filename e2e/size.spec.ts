// The weight budgets (issues 7 and 17): every page of the site may fetch at
// most its budget of JavaScript and of CSS before any interaction
// (scripts/size-budget.json), and none of it is Monaco. Measured on the
// production build the e2e server serves, the way `npm run size` measures.
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { budgetProblems, initialAssets, measurePage, readBudget } from '../scripts/size';
import { SITE_PAGES } from './support/pages';

const budget = readBudget();
const buildDir = process.env.E2E_BUILD_DIR ?? process.env.BUILD_DIR ?? join(process.cwd(), 'build');

for (const route of SITE_PAGES) {
  test(`${route}: initial JS and CSS within budget, no Monaco`, async ({ page, baseURL }) => {
    const weight = measurePage(buildDir, await initialAssets(page, baseURL!, route), route);
    // The runtime, main bundle and the route's own chunk at least: fewer means the measurement missed the page.
    expect(weight.js.chunks.length, `${route}: scripts seen`).toBeGreaterThan(2);
    expect(weight.css.chunks.length, `${route}: stylesheets seen`).toBeGreaterThan(0);
    expect(budgetProblems(weight, budget)).toEqual([]);
  });
}

// Docusaurus prefetches each linked route's chunks; routes share most of theirs (src/plugins/prefetch-once).
test('a page asks for each prefetched file once, and not for files it has fetched already', async ({ page }) => {
  await page.goto('/docs/media-pull/best-practices');
  await page.locator('html[data-has-hydrated="true"]').waitFor({ state: 'attached' });
  // Prefetching starts when links come into view after hydration; wait until it has settled.
  const count = () => page.locator('link[rel=prefetch]').count();
  await expect.poll(count, { timeout: 10_000 }).toBeGreaterThan(5);
  await expect.poll(async () => { const before = await count(); await page.waitForTimeout(500); return (await count()) - before; }).toBe(0);
  const { hrefs, before } = await page.evaluate(() => {
    const hrefs = Array.from(document.querySelectorAll<HTMLLinkElement>('link[rel=prefetch]'), (link) => link.href);
    const firstPrefetch = Math.min(...hrefs.flatMap((href) => performance.getEntriesByName(href, 'resource').map((entry) => entry.startTime)));
    // Files the page had fetched before any prefetch began: its own chunks.
    const before = performance.getEntriesByType('resource').filter((entry) => entry.startTime < firstPrefetch).map((entry) => entry.name);
    return { hrefs, before };
  });
  expect(hrefs.length, 'one link per file').toBe(new Set(hrefs).size);
  expect(hrefs.filter((href) => before.includes(href)), 'files the page already had').toEqual([]);
});
