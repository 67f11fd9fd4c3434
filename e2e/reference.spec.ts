import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { gotoHydrated, watchConsole } from './support/console';
import { layOutEveryTable } from './support/tables';
import { REFERENCE_PAGES } from './support/pages';

/**
 * Issue 12, problems 11 and 12: the reference documents each status's
 * response fields in tables that fit the column; the operations index can be
 * filtered; the search finds an operation by its path; /docs and the docs
 * folders without a page lead to their first page.
 */

// Read, not imported: Playwright's ESM loader wants an import attribute for JSON.
const catalog = JSON.parse(readFileSync(new URL('../src/catalog/openapi.gen.json', import.meta.url), 'utf8')) as {
  paths: Record<string, Record<string, { operationId?: string; summary?: string }>>;
};
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const operations = Object.entries(catalog.paths).flatMap(([path, item]) =>
  Object.entries(item)
    .filter(([method]) => METHODS.includes(method))
    .map(([method, op]) => ({ path, method: method.toUpperCase(), id: op.operationId!, summary: op.summary! })),
);
const byId = (id: string) => operations.find((op) => op.id === id)!;

const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };
const CLOUD_RECORDING = '/docs/reference/cloud-recording';
const START_RECORDING = `${CLOUD_RECORDING}/start-recording`;

/** The reference section of one operation (a region named "<summary> (<id>)"). */
const operation = (page: Page, id: string): Locator => page.getByRole('region', { name: `${byId(id).summary} (${id})` });

/** True when the page itself scrolls sideways. */
const pageScrollsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);

/**
 * Code (patterns, ids, dotted names) in the visible reference tables that sticks
 * out of its cell, and the longest code text checked (so a pass is not vacuous).
 */
const codeOutsideCells = (page: Page) =>
  page.evaluate(() => {
    const codes = [...document.querySelectorAll('article section[data-operation] table code')].filter(
      (code) => !code.closest('[data-endpoint]') && code.getClientRects().length > 0,
    );
    const outside = codes
      .filter((code) => code.getBoundingClientRect().right > code.closest('td, th')!.getBoundingClientRect().right + 1)
      .map((code) => code.textContent);
    return { outside, longest: Math.max(...codes.map((code) => code.textContent!.length)) };
  });

/** How far `inner`'s right edge sticks out past the right edge of the box that clips it (<= 0: inside). */
async function overhang(inner: Locator, clip: Locator): Promise<number> {
  const [a, b] = [await inner.boundingBox(), await clip.boundingBox()];
  return a!.x + a!.width - (b!.x + b!.width);
}

test.describe('problem 11: response fields per status, tables that wrap', () => {
  test.use({ viewport: DESKTOP });

  test('start-recording documents its success and error bodies field by field', async ({ page }) => {
    test.setTimeout(90_000);
    const problems = watchConsole(page);
    await gotoHydrated(page, START_RECORDING);
    const section = operation(page, 'start-recording');
    await expect(section.getByRole('heading', { name: 'Responses' })).toBeVisible();
    // The success is open: its fields, with the catalog's descriptions.
    const ok = section.getByRole('table', { name: 'Response 200 body fields' });
    await expect(ok).toBeVisible();
    await expect(ok.getByRole('rowheader')).toHaveText([/^cname/, /^uid/, /^resourceId/, /^sid/]);
    await expect(ok.getByRole('row', { name: /sid/ })).toContainText("The recording's id.");
    // An error status opens on a click and shows its body: Cloud Recording's first error body (201, code 7) is tabulated...
    const bad = section.getByRole('table', { name: 'Response 201 body fields' });
    await expect(bad).toBeHidden();
    await section.locator('details[data-status="201"] > summary').click();
    await expect(bad).toBeVisible();
    await expect(bad.getByRole('rowheader')).toHaveText([/^code\s*integer · always present/, /^reason\s*string · always present/]);
    // ...and a later status with the same {code, reason} body points at it instead of repeating the table.
    await section.locator('summary', { hasText: 'Invalid parameters (code 2)' }).click();
    await expect(section.locator('details[data-status="400"]')).toContainText('The body has the same fields as the 201 answer above.');
    await expect(section.getByRole('table', { name: 'Response 400 body fields' })).toHaveCount(0);
    // The gateway's 401 lists the two messages it sends.
    await section.locator('summary', { hasText: 'The credentials are missing or wrong' }).click();
    await expect(section.getByRole('table', { name: 'Response 401 body fields' })).toContainText('"Invalid authentication credentials"');
    // The responses only: the tester below has its own axe checks, and scanning it here is slow.
    const axe = await new AxeBuilder({ page }).include('[data-operation="start-recording"] details').analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    expect(problems()).toEqual([]);
  });

  test('at 1366 px every Cloud Recording table fits its column: Constraints in view, long patterns wrapped', async ({ page }) => {
    await gotoHydrated(page, START_RECORDING);
    const body = operation(page, 'start-recording').getByRole('table', { name: 'Body fields (JSON)' });
    const constraints = body.getByRole('columnheader', { name: 'Constraints' });
    await constraints.scrollIntoViewIfNeeded();
    // In view means not clipped by a sideways-scrolling box either.
    await expect(constraints).toBeInViewport({ ratio: 1 });
    const viewport = page.viewportSize()!;
    const box = await constraints.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width);
    // On every operation's page of the family: no reference table is wider than the box around it (nothing
    // hides behind a sideways scroll), long patterns (the longest is over 100 characters) wrap inside their cells.
    let longest = 0;
    for (const path of REFERENCE_PAGES.find((family) => family.path === CLOUD_RECORDING)!.operations) {
      if (path !== START_RECORDING) await gotoHydrated(page, path);
      const tooWide = await page.evaluate(() =>
        [...document.querySelectorAll('article section[data-operation] table')]
          .filter((table) => !table.closest('[data-endpoint]'))
          .map((table) => ({ name: table.querySelector('caption')?.textContent, table: table.getBoundingClientRect().width, box: table.parentElement!.getBoundingClientRect().width }))
          .filter((size) => size.table > size.box + 1),
      );
      expect(tooWide, path).toEqual([]);
      const code = await codeOutsideCells(page);
      expect(code.outside, path).toEqual([]);
      longest = Math.max(longest, code.longest);
      expect(await pageScrollsSideways(page), path).toBe(false);
    }
    expect(longest).toBeGreaterThan(100);
  });

  test('at 390 px the body table stays readable: no page scroll, Constraints reachable by keyboard', async ({ page }) => {
    await page.setViewportSize(PHONE);
    await gotoHydrated(page, START_RECORDING);
    expect(await pageScrollsSideways(page)).toBe(false);
    const body = operation(page, 'start-recording').getByRole('table', { name: 'Body fields (JSON)' });
    const constraints = body.getByRole('columnheader', { name: 'Constraints' });
    await constraints.scrollIntoViewIfNeeded();
    // The section is an island that loads when touched: touch it, then measure the live one, not the
    // server-rendered shell it replaces (the shell's regions are marked the same way: the a11y spec).
    await constraints.hover();
    await expect(page.locator('[data-island="reference:start-recording"]')).toHaveAttribute('data-island-live', '');
    const clip = body.locator('xpath=..');
    if ((await overhang(constraints, clip)) > 1) {
      // Too wide for a phone: the box around the table is a named, focusable region that arrow keys scroll.
      await expect(clip).toHaveRole('region');
      await expect(clip).toHaveAccessibleName('Body fields (JSON)');
      await clip.focus();
      await expect(clip).toBeFocused();
      for (let i = 0; i < 60 && (await overhang(constraints, clip)) > 1; i += 1) await page.keyboard.press('ArrowRight');
      expect(await overhang(constraints, clip)).toBeLessThanOrEqual(1);
    }
    // Long patterns wrap: no code wider than its cell.
    expect((await codeOutsideCells(page)).outside).toEqual([]);
  });
});

test.describe('tables are laid out when they come near', () => {
  test.use({ viewport: PHONE });

  test('at 390 px a table far down the page waits, keeping room, and is measured and made reachable when it comes near', async ({
    page,
  }) => {
    await gotoHydrated(page, START_RECORDING);
    // The last table, the success response's fields (23 rows, wider than a phone), is some 20,000 px down.
    const last = page.locator('article [data-scroll-region]').last();
    const state = () =>
      last.evaluate((el: HTMLElement) => ({
        laidOut: el.firstElementChild!.checkVisibility({ contentVisibilityAuto: true }),
        height: el.getBoundingClientRect().height,
        estimate: parseFloat(getComputedStyle(el).containIntrinsicBlockSize.replace('auto', '')),
      }));
    const waiting = await state();
    expect(waiting.laidOut).toBe(false);
    // The room kept is the estimate from its rows and text, not nothing.
    expect(waiting.height).toBeGreaterThan(1000);
    expect(waiting.height).toBeCloseTo(waiting.estimate, 0);
    expect(await last.getAttribute('tabindex')).toBeNull();

    await last.scrollIntoViewIfNeeded();
    await expect.poll(async () => (await state()).laidOut).toBe(true);
    // Now measured: too wide for the phone, so a named region the keyboard can reach.
    await expect(last).toHaveAttribute('tabindex', '0');
    await expect(last).toHaveRole('region');
    const shown = await state();
    // The estimate was in the right range (within a factor of two of the real height).
    expect(shown.height / waiting.estimate).toBeGreaterThan(0.5);
    expect(shown.height / waiting.estimate).toBeLessThan(2);
  });
});

test.describe('a page per operation, under its family', () => {
  test.use({ viewport: DESKTOP });
  const family = REFERENCE_PAGES.find((entry) => entry.path === CLOUD_RECORDING)!;

  test("the family's overview links each operation's page; the sidebar nests them and leads from one to the next", async ({ page }) => {
    const problems = watchConsole(page);
    await gotoHydrated(page, CLOUD_RECORDING);
    await expect(page.locator('article h1')).toHaveText('Cloud Recording');
    const article = page.getByRole('article');
    const links = article.getByRole('table').getByRole('link');
    await expect(links).toHaveText(family.operations.map((path) => byId(path.split('/').pop()!).summary));
    expect(await links.evaluateAll((anchors) => anchors.map((anchor) => new URL((anchor as HTMLAnchorElement).href).pathname))).toEqual(family.operations);

    const sidebar = page.getByRole('navigation', { name: 'Docs sidebar' });
    // The family's category is the open one, its overview marked as the page the reader is on.
    await expect(sidebar.getByRole('link', { name: 'Cloud Recording', exact: true })).toHaveAttribute('aria-current', 'page');
    await sidebar.getByRole('link', { name: byId('start-recording').summary, exact: true }).click();
    await expect(page).toHaveURL(START_RECORDING);
    await expect(page.locator('article h1')).toHaveText(byId('start-recording').summary);
    await expect(sidebar.getByRole('link', { name: byId('start-recording').summary, exact: true })).toHaveAttribute('aria-current', 'page');
    // Other families stay folded: their operations are not listed.
    await expect(sidebar.getByRole('link', { name: byId('create-cloud-player').summary, exact: true })).toHaveCount(0);
    await expect(page.getByRole('navigation', { name: 'Breadcrumbs' })).toContainText('Cloud Recording');
    // The pager goes through the family in the catalog's order.
    const pager = page.getByRole('navigation', { name: 'Docs pages' });
    await expect(pager.getByRole('link')).toHaveText([new RegExp(byId('acquire').summary), new RegExp(byId('query-recording').summary)]);
    // One operation per page: its section and its tester, nothing of the others.
    await expect(page.locator('[data-island^="reference:"]')).toHaveCount(1);
    await expect(page.locator('[data-island^="tester:"]')).toHaveCount(1);
    expect(problems()).toEqual([]);
  });

  test("a link to a family page's old section leads to the operation's page, and Back skips the family page", async ({ page }) => {
    await gotoHydrated(page, '/docs/reference');
    await page.goto(`${CLOUD_RECORDING}#stop-recording`);
    await expect(page).toHaveURL(`${CLOUD_RECORDING}/stop-recording`);
    await expect(page.locator('article h1')).toHaveText(byId('stop-recording').summary);
    await page.goBack();
    await expect(page).toHaveURL('/docs/reference');
    // The page's own anchors stay where they are.
    await gotoHydrated(page, `${CLOUD_RECORDING}#operations`);
    await expect(page).toHaveURL(`${CLOUD_RECORDING}#operations`);
  });
});

test.describe('problem 12: operations index, path search, folder redirects', () => {
  test.use({ viewport: DESKTOP });

  test('the index lists every operation and the filter narrows it as you type', async ({ page }) => {
    // Two axe runs (light and dark) on the overview page.
    test.setTimeout(90_000);
    await gotoHydrated(page, '/docs/reference');
    const table = page.getByRole('table', { name: 'Operations' });
    const rows = table.getByRole('row').filter({ has: page.getByRole('cell') });
    const filter = page.getByRole('searchbox', { name: 'Filter operations' });
    const count = page.getByRole('status').filter({ hasText: /operations/ });
    await expect(rows).toHaveCount(operations.length);
    await expect(count).toHaveText(`Showing all ${operations.length} operations`);
    await expect(rows.first().getByText(/^(GET|POST|PUT|PATCH|DELETE)$/)).toBeVisible();

    await filter.pressSequentially('DELETE');
    const deletes = operations.filter((op) => op.method === 'DELETE');
    await expect(rows).toHaveCount(deletes.length);
    await expect(count).toHaveText(`Showing ${deletes.length} of ${operations.length} operations`);
    for (const op of deletes) await expect(table.getByRole('link', { name: op.summary })).toBeVisible();

    await filter.fill('');
    await filter.pressSequentially('kick');
    const kicks = operations.filter((op) => op.path.includes('kicking'));
    await expect(rows).toHaveCount(kicks.length);
    for (let i = 0; i < kicks.length; i += 1) await expect(rows.nth(i)).toContainText(kicks[i].path);

    // The filtered state passes axe in both colour modes (the toggle, as a reader switches).
    const toggle = page.getByRole('button', { name: /dark and light mode/i });
    for (const theme of ['light', 'dark']) {
      for (let clicks = 0; clicks < 2 && (await page.locator('html').getAttribute('data-theme')) !== theme; clicks += 1) await toggle.click();
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      // Let the theme's colour transitions finish before measuring contrast.
      await page.waitForFunction(() => document.getAnimations().length === 0);
      await layOutEveryTable(page);
      const axe = await new AxeBuilder({ page }).include('article').analyze();
      const blocking = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(blocking.map((v) => `${theme}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    }

    const first = rows.first().getByRole('link');
    const summary = await first.textContent();
    const id = operations.find((op) => op.summary === summary)!.id;
    await first.click();
    await expect(page).toHaveURL(new RegExp(`/docs/reference/channel-management/${id}$`));
    await expect(page.locator('article h1')).toHaveText(summary!);
  });

  for (const query of ['cloud_recording/acquire', '/v1/apps/{appid}/cloud_recording/acquire']) {
    test(`the navbar search finds an operation by its path: ${query}`, async ({ page }) => {
      await gotoHydrated(page, '/docs/reference');
      const input = page.getByRole('combobox').or(page.getByPlaceholder(/search/i)).first();
      await input.click();
      await input.pressSequentially(query);
      const hit = page.getByRole('option').filter({ hasText: byId('acquire').path }).first();
      await expect(hit).toBeVisible({ timeout: 15_000 });
      // The list re-renders while results arrive; click once it has settled.
      await expect(page.getByRole('option')).not.toHaveCount(0);
      await hit.click();
      // The operation's endpoint line (a heading right under the operation's title).
      await expect(page).toHaveURL(/\/docs\/reference\/cloud-recording\/acquire(\?[^#]*)?(#acquire-endpoint)?$/);
      await expect(operation(page, 'acquire').getByRole('heading', { name: /cloud_recording\/acquire/ })).toBeInViewport();
    });
  }

  for (const [folder, first] of [
    ['/docs', '/docs/video-calling/rest-api-guide'],
    ['/docs/video-calling', '/docs/video-calling/rest-api-guide'],
    ['/docs/media-pull', '/docs/media-pull/best-practices'],
    ['/docs/sdk-documentation', '/docs/sdk-documentation/video-calling-sdk-guide'],
  ]) {
    test(`${folder} leads to its first page`, async ({ page, request }) => {
      // Served as a page (never a 404), without a script, so it works on any static host under the CSP.
      const answer = await request.get(folder, { maxRedirects: 0 });
      expect([200, 301, 308]).toContain(answer.status());
      await page.goto(folder);
      await expect(page).toHaveURL(new RegExp(`${first}$`));
      await page.locator('html[data-has-hydrated="true"]').waitFor({ state: 'attached' });
      await expect(page.locator('article h1')).toBeVisible();
    });
  }
});
