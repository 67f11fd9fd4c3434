// The weight budget of issue 7: the guide page's initial JavaScript (what it
// fetches before any interaction) may grow by at most the allowance over the
// site without the tester, and never contains Monaco. Measured on the
// production build the e2e server serves.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { initialScripts, kb, measureFiles } from '../scripts/size';

const budget = JSON.parse(readFileSync(join(process.cwd(), 'scripts/size-budget.json'), 'utf8')) as {
  baselineGzipKB: number;
  testerAllowanceKB: number;
};

test('the guide page initial JS stays within budget and has no Monaco', async ({ page, baseURL }) => {
  const urls = await initialScripts(page, baseURL!);
  const size = measureFiles(process.env.E2E_BUILD_DIR ?? process.env.BUILD_DIR ?? join(process.cwd(), 'build'), urls);
  const limit = budget.baselineGzipKB + budget.testerAllowanceKB;
  expect(size.chunks.length).toBeGreaterThan(2);
  expect(size.monaco, `Monaco in initial JS: ${size.chunks.filter((chunk) => chunk.monaco).map((chunk) => chunk.file).join(', ')}`).toBe(false);
  expect(kb(size.totalGzipBytes), `initial JS ${kb(size.totalGzipBytes)} KB gzip; limit ${limit} KB`).toBeLessThanOrEqual(limit);
});
