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
