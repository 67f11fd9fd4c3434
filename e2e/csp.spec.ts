import { expect, test, type Page } from '@playwright/test';
import { gotoHydrated } from './support/console';
import { SITE_PAGES } from './support/pages';

/**
 * Issue 14 item 7: the production build works under the Content-Security-Policy
 * the server sends (src/site/security.ts, per-page hashes in server/static.ts).
 * Every page is loaded, hydrated and left to load its lazy chunks, and the JSON
 * view (Monaco and its worker) is opened; any CSP violation fails the test.
 */


test.describe.configure({ timeout: 90_000 });

/**
 * Record violations two ways: the DOM event (page and same-origin frames) and
 * Chromium's console line ("Refused to ..."), which also covers workers.
 */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  const refused: string[] = [];
  page.on('console', (message) => {
    if (/Refused to|Content[- ]Security[- ]Policy/i.test(message.text())) refused.push(`console: ${message.text()}`);
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  return async () => [...refused, ...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp))];
}

for (const path of SITE_PAGES) {
  test(`CSP: no violation on ${path}`, async ({ page }) => {
    const violations = await watchCsp(page);
    const response = await page.goto(path);
    const policy = response?.headers()['content-security-policy'] ?? '';
    // Scripts: own files and this page's inline scripts by hash; never 'unsafe-inline'.
    expect(policy, 'the page is served with a CSP').toMatch(/script-src 'self' [^;]*'sha256-/);
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(policy).not.toMatch(/'unsafe-eval'/);
    expect(response?.headers()['x-frame-options']).toBe('DENY');
    await page.locator('html[data-has-hydrated="true"]').waitFor({ state: 'attached' });
    // The inline color-mode script ran (it is allowed by hash): the theme attribute is set.
    await expect(page.locator('html[data-theme]')).toBeAttached();
    await page.waitForLoadState('networkidle');
    expect(await violations()).toEqual([]);
  });
}

test('CSP: the form\'s schema checks, the JSON view (Monaco and its JSON worker) and the search work with no violation', async ({ page }) => {
  const violations = await watchCsp(page);
  await gotoHydrated(page, '/docs/video-calling/rest-api-guide');
  await page.waitForLoadState('networkidle');
  const section = page.locator('section[data-endpoint="create-channel"]');
  // The channel's pattern is judged by the operation's checks compiled at build time: no eval needed.
  const channel = section.getByLabel('channel', { exact: true });
  await channel.fill('bad name!');
  await expect(channel).toHaveAccessibleDescription(/Must be 1–63 letters or digits/);
  await channel.fill('myvideochannel');
  await expect(channel).not.toHaveAttribute('aria-invalid', 'true');
  await section.getByRole('tab', { name: 'JSON' }).click();
  const editor = section.locator('.monaco-editor');
  await expect(editor).toBeVisible({ timeout: 20_000 });
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  // The worker validates against the schema: a marker proves it loaded and ran under the policy.
  await page.keyboard.insertText('{"channel": 5, "uid": "9"}');
  await expect(editor.locator('.squiggly-error, .squiggly-warning').first()).toBeAttached({ timeout: 15_000 });
  // The local search fetches its index on first use.
  await page.keyboard.press('Escape');
  const search = page.getByRole('combobox').or(page.getByPlaceholder(/search/i)).first();
  await search.click();
  await search.fill('recording');
  await expect(page.locator('.aa-dropdown-menu, [role="listbox"]').first()).toBeVisible({ timeout: 15_000 });
  await page.waitForLoadState('networkidle');
  expect(await violations()).toEqual([]);
});

test('CSP: a foreign page cannot frame the site', async ({ page, baseURL }) => {
  // A made-up origin plays the foreign page; Playwright answers it, so no network is used.
  await page.route('http://foreign.test/', (route) =>
    route.fulfill({ contentType: 'text/html', body: `<iframe src="${baseURL}/docs/sandbox"></iframe>` }),
  );
  await page.goto('http://foreign.test/');
  const framed = page.frames().find((frame) => frame !== page.mainFrame());
  // Chromium replaces a frame refused by frame-ancestors / X-Frame-Options with its error page.
  await expect.poll(() => framed?.url(), { timeout: 10_000 }).toMatch(/^chrome-error:/);
});
