// The weight budget of issue 7: the guide page's initial JavaScript may grow by
// at most the allowance over the site without the tester, and never contains
// Monaco. Reads the production build that the e2e server serves.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { kb, measurePage } from '../scripts/size';

const budget = JSON.parse(readFileSync(join(process.cwd(), 'scripts/size-budget.json'), 'utf8')) as {
  baselineGzipKB: number;
  testerAllowanceKB: number;
};

test('the guide page initial JS stays within budget and has no Monaco', () => {
  const size = measurePage(process.env.E2E_BUILD_DIR ?? join(process.cwd(), 'build'));
  const limit = budget.baselineGzipKB + budget.testerAllowanceKB;
  expect(size.chunks.length).toBeGreaterThan(0);
  expect(size.monaco, `Monaco in initial JS: ${size.chunks.filter((chunk) => chunk.monaco).map((chunk) => chunk.file).join(', ')}`).toBe(false);
  expect(kb(size.totalGzipBytes), `initial JS ${kb(size.totalGzipBytes)} KB gzip; limit ${limit} KB`).toBeLessThanOrEqual(limit);
});
