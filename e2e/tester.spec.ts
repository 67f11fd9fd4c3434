import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { gotoHydrated, watchConsole } from './support/console';
import { status, tester } from './support/tester';

const GUIDE = '/docs/video-calling/rest-api-guide';

test.use({ colorScheme: 'light' });

async function send(section: Locator): Promise<void> {
  await section.getByRole('button', { name: 'Send request' }).click();
}

async function expectStatus(section: Locator, code: number): Promise<void> {
  await expect(status(section)).toHaveText(new RegExp(`^${code} `), { timeout: 20_000 });
}

test.describe('testers on the guide page (sandbox)', () => {
  test('each of the four testers sends its defaults and shows 200', async ({ page }) => {
    test.setTimeout(60_000);
    const problems = watchConsole(page);
    await gotoHydrated(page, GUIDE);
    for (const endpoint of ['create-channel', 'get-channel', 'start-recording']) {
      const section = tester(page, endpoint);
      await expect(section.getByText(/Sandbox \(emulator\)/)).toBeVisible();
      await send(section);
      await expectStatus(section, 200);
    }
    // stop takes start's resourceid and sid from the page; the emulator needs a
    // recording to run for about two seconds before it has files to stop.
    const stop = tester(page, 'stop-recording');
    await expect(stop.getByLabel('sid', { exact: true })).not.toHaveValue('');
    await page.waitForTimeout(2500);
    await send(stop);
    await expectStatus(stop, 200);
    await expect(stop.getByLabel('Response body', { exact: true })).toContainText('fileList');
    expect(problems()).toEqual([]);
  });

  test('the rehearsal of a first Send (useWarmUp.ts) sends nothing and leaves no trace on the page', async ({ page }) => {
    const problems = watchConsole(page);
    const relayCalls: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/relay')) relayCalls.push(request.postData() ?? '');
    });
    await gotoHydrated(page, GUIDE);
    const section = tester(page, 'create-channel');
    await section.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => performance.getEntriesByName('agora-tester:rehearsed:create-channel', 'mark').length > 0, undefined, { timeout: 20_000 });
    expect(relayCalls).toEqual([]);
    await expect(status(section)).toHaveAttribute('data-phase', 'idle');
    await expect(section.locator('[data-details]')).toHaveCount(0);
    await expect(page.locator('[data-history-id]')).toHaveCount(0);
    expect(await page.evaluate(() => Object.keys(sessionStorage).filter((key) => key.startsWith('agora-tester:history')))).toEqual([]);
    // Then the reader's own Send goes out, and is the only row in the history.
    await send(section);
    await expectStatus(section, 200);
    expect(relayCalls).toHaveLength(1);
    await expect(section.locator('[data-history-id]')).toHaveCount(1);
    expect(problems()).toEqual([]);
  });

  test('Send changes colour without a fade: the theme\'s fade repaints every frame while the answer is on its way', async ({ page }) => {
    await gotoHydrated(page, GUIDE);
    const button = tester(page, 'get-channel').getByRole('button', { name: 'Send request' });
    await expect(button).toBeVisible();
    const durations = await button.evaluate((element) => {
      // Another theme button beside it, for contrast: the theme's own fade stays everywhere else.
      const other = document.createElement('button');
      other.className = 'button button--primary';
      element.parentElement!.appendChild(other);
      const result = { send: getComputedStyle(element).transitionDuration, other: getComputedStyle(other).transitionDuration };
      other.remove();
      return result;
    });
    expect(durations.send).toBe('0s');
    expect(durations.other).not.toBe('0s');
  });

  test('a channel typed in start-recording is the one the chained acquire reserves, so start answers 200', async ({ page }) => {
    await gotoHydrated(page, GUIDE);
    const start = tester(page, 'start-recording');
    await start.getByLabel('cname', { exact: true }).fill(`typed${Date.now().toString(36)}`);
    await send(start);
    await expectStatus(start, 200);
    await expect(start.getByLabel('resourceid', { exact: true })).not.toHaveValue('');
  });

  test('an invalid channel name is flagged on its field, and the 400 names it', async ({ page }) => {
    await gotoHydrated(page, GUIDE);
    const section = tester(page, 'create-channel');
    const channel = section.getByLabel('channel', { exact: true });
    await channel.fill('bad name!');
    await expect(channel).toHaveAttribute('aria-invalid', 'true');
    await expect(section.getByText(/Send is blocked until this is fixed/)).toBeVisible();
    await section.getByRole('button', { name: 'Send anyway' }).click();
    await expectStatus(section, 400);
    await expect(section.getByText(/^Field channel:/)).toBeVisible();
    await expect(section.getByText(/The server refused it/)).toBeVisible();
    await expect(channel).toHaveValue('bad name!');
  });

  test('wrong credentials give 401 with the explanation', async ({ page }) => {
    await gotoHydrated(page, GUIDE);
    const section = tester(page, 'create-channel');
    await section.getByText(/^Credentials:/).click();
    // This browser's sandbox project arrives just after load and fills these fields: type over it once it is there,
    // as a reader does. (A fill in the same instant selected the demo secret, then the project's replaced it under
    // the selection, and the typed text landed after it.)
    await expect(section.getByText(/^Issued by the sandbox for this browser/)).toBeVisible();
    await section.getByLabel('Customer Secret', { exact: true }).fill('not-the-secret');
    await send(section);
    await expectStatus(section, 401);
    await expect(section.getByText('What to do:')).toBeVisible();
    // Credentials are shared: the other Basic testers now hold the same secret (once live: they are islands that load when near).
    await tester(page, 'start-recording').scrollIntoViewIfNeeded();
    await expect(tester(page, 'start-recording').getByLabel('Customer Secret', { exact: true })).toHaveValue('not-the-secret');
  });

  test('a simulated 503 shows the retry, then success', async ({ page }) => {
    await gotoHydrated(page, GUIDE);
    await send(tester(page, 'create-channel'));
    await expectStatus(tester(page, 'create-channel'), 200);
    const section = tester(page, 'get-channel');
    await section.scrollIntoViewIfNeeded();
    await section.getByLabel('Simulate').selectOption('503');
    // The tester is an island: the observer below must watch the live one, not the server-rendered shell it replaces.
    await expect(page.locator('[data-island="tester:get-channel"]')).toHaveAttribute('data-island-live', '');
    await expect(section.getByLabel('Simulate')).toHaveValue('503');
    // The progress line lives only while the retry runs (about a second), which polling can miss on a busy
    // machine: record from inside the page whether it was shown.
    await section.evaluate((element) => {
      const seen = window as unknown as { sawSending?: boolean };
      seen.sawSending = false;
      new MutationObserver(() => {
        if (/Sending… \d/.test(element.textContent ?? '')) seen.sawSending = true;
      }).observe(element, { subtree: true, childList: true, characterData: true });
    });
    await send(section);
    await expectStatus(section, 200);
    expect(await page.evaluate(() => (window as unknown as { sawSending?: boolean }).sawSending)).toBe(true);
    const attempts = section.getByRole('list', { name: 'Attempts' }).locator('li');
    await expect(attempts).toHaveCount(2);
    await expect(attempts.nth(0)).toContainText('503');
    await expect(attempts.nth(1)).toContainText('200');
  });

  test('the copied cURL snippet runs with bash against this site and returns 200', async ({ page, context, baseURL }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
    await gotoHydrated(page, GUIDE);
    const section = tester(page, 'create-channel');
    // The tester is an island: it goes live once the reader scrolls near it.
    await section.scrollIntoViewIfNeeded();
    // This browser's sandbox project has arrived (its App ID is then in the form and the snippet).
    await expect(section.locator('[data-project-app-id]')).toHaveText(/^[0-9a-f]{32}$/);
    const channel = section.getByLabel('channel', { exact: true });
    await channel.fill('fromcurl');
    const code = section.getByLabel('cURL snippet');
    await expect(code).toContainText('fromcurl');
    await expect(code).toContainText(`${baseURL}/sandbox`);
    await section.getByRole('tabpanel').getByRole('button', { name: 'Copy' }).click();
    await expect(section.getByText('Copied')).toBeVisible();
    const snippet = await page.evaluate(() => navigator.clipboard.readText());
    expect(snippet.trimEnd()).toBe((await code.innerText()).trimEnd());
    // The snippet acts on this browser's sandbox project: its App ID is in the URL, and the reader exports the
    // project's credentials (the session panel shows them; here they are read where the page keeps them).
    const project = await page.evaluate(() => JSON.parse(window.localStorage.getItem('agora-tester:sandbox-project') ?? '{}') as Record<string, string>);
    expect(snippet).toContain(`/v1/projects/${project.appId}/`);
    expect(snippet).not.toContain(project.customerSecret);
    const dir = mkdtempSync(join(tmpdir(), 'tester-curl-'));
    writeFileSync(join(dir, 'call.sh'), `${snippet}\n`);
    const output = execFileSync('bash', [join(dir, 'call.sh')], {
      env: { ...process.env, AGORA_CUSTOMER_ID: project.customerId, AGORA_CUSTOMER_SECRET: project.customerSecret },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(output).toMatch(/HTTP status: 200\s*$/);
    expect(JSON.parse(output.replace(/HTTP status: \d+\s*$/, ''))).toMatchObject({ code: 200, message: 'success' });
  });

  test('a share link restores the form, without credentials', async ({ page, browser, context, baseURL }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
    await gotoHydrated(page, GUIDE);
    const section = tester(page, 'create-channel');
    await section.getByLabel('channel', { exact: true }).fill('sharedchannel');
    await section.getByLabel('resourceExpiredHour').fill('12');
    await section.getByRole('button', { name: 'Copy link' }).click();
    // The link goes to the clipboard; the address bar is left alone (tester-state.spec.ts).
    await expect(section.getByText('Link copied')).toBeVisible();
    const url = await page.evaluate(() => navigator.clipboard.readText());
    expect(url).toMatch(/#try=1\./);
    expect(url).not.toMatch(/demo-customer|ZGVtby1jdXN0b21lci1pZD/);
    const other = await browser.newPage();
    await gotoHydrated(other, url.replace(/^https?:\/\/[^/]+/, ''));
    const restored = tester(other, 'create-channel');
    await expect(restored.getByLabel('channel', { exact: true })).toHaveValue('sharedchannel');
    await expect(restored.getByLabel('resourceExpiredHour')).toHaveValue('12');
    await other.close();
  });

  test('keyboard only: Tab to "Send request" and press Enter', async ({ page }) => {
    // One Tab and one check per stop, past the page's links and the sandbox project's buttons: slow on a busy machine.
    test.setTimeout(60_000);
    await gotoHydrated(page, GUIDE);
    const target = tester(page, 'create-channel').getByRole('button', { name: 'Send request' });
    let reached = false;
    for (let step = 0; step < 250 && !reached; step += 1) {
      await page.keyboard.press('Tab');
      reached = await target.evaluate((element) => element === document.activeElement);
    }
    expect(reached, 'Send request is reachable with Tab').toBe(true);
    await page.keyboard.press('Enter');
    await expectStatus(tester(page, 'create-channel'), 200);
    // The code tabs move with the arrow keys.
    const curl = tester(page, 'create-channel').getByRole('tab', { name: 'cURL' });
    await curl.focus();
    await page.keyboard.press('ArrowRight');
    await expect(tester(page, 'create-channel').getByRole('tab', { name: 'JavaScript' })).toBeFocused();
    await expect(tester(page, 'create-channel').getByRole('tab', { name: 'JavaScript' })).toHaveAttribute('aria-selected', 'true');
  });

  test('dark mode: the JSON view loads Monaco only when opened, in the dark theme, in sync with the form', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    const scripts: string[] = [];
    const styles: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
      if (request.resourceType() === 'stylesheet') styles.push(request.url());
    });
    await gotoHydrated(page, GUIDE);
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.waitForLoadState('networkidle');
    const before = scripts.length;
    const stylesBefore = styles.length;
    await expect(page.locator('.monaco-editor')).toHaveCount(0);
    // Monaco's 160 KB of CSS is not in the page's stylesheet: it comes with the editor.
    const monacoRules = () =>
      page.evaluate(() =>
        [...document.styleSheets].some((sheet) => [...sheet.cssRules].some((rule) => rule.cssText.includes('.monaco-editor'))),
      );
    expect(await monacoRules(), "the page's stylesheet carries Monaco's CSS").toBe(false);
    const section = tester(page, 'create-channel');
    await section.getByRole('tab', { name: 'JSON' }).click();
    const editor = section.locator('.monaco-editor');
    await expect(editor).toBeVisible({ timeout: 20_000 });
    expect(scripts.length, 'opening the JSON view fetched Monaco').toBeGreaterThan(before);
    expect(styles.length, "opening the JSON view fetched Monaco's stylesheet").toBeGreaterThan(stylesBefore);
    expect(await monacoRules()).toBe(true);
    // Its own rules apply: the editor clips its content, which only Monaco's CSS says.
    await expect(editor.locator('.overflow-guard').first()).toHaveCSS('overflow', 'hidden');
    await expect(editor).toHaveClass(/vs-dark/);
    await editor.click();
    // The JSON worker checks the text against the operation's schema: a number where text is due is marked.
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText('{"channel": 5, "uid": "9"}');
    await expect(editor.locator('.squiggly-error, .squiggly-warning').first()).toBeAttached({ timeout: 15_000 });
    await page.keyboard.press('Escape');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText('{"channel": "frommonaco", "uid": "9"}');
    await page.keyboard.press('Escape');
    await section.getByRole('tab', { name: 'Form' }).click();
    await expect(section.getByLabel('channel', { exact: true })).toHaveValue('frommonaco');
    await send(section);
    await expectStatus(section, 200);
  });

  test('390 px wide: no sideways scrolling, and Send works', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await gotoHydrated(page, GUIDE);
    const section = tester(page, 'get-channel');
    await section.scrollIntoViewIfNeeded();
    // Scrolled near, the tester goes live and its live markup replaces the served one: measure that one.
    await expect(page.locator('[data-island="tester:get-channel"]')).toHaveAttribute('data-island-live', '');
    await expect(section).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const box = await section.boundingBox();
    expect(box && box.x + box.width).toBeLessThanOrEqual(390);
    await send(tester(page, 'create-channel'));
    await expectStatus(tester(page, 'create-channel'), 200);
  });
});

// Every page is scanned at rest by e2e/a11y.spec.ts; this scans the guide's testers
// with live responses and error explanations on show, which only exist after Send.
test.describe('accessibility of the tester in use (axe-core)', () => {
  for (const scheme of ['light', 'dark'] as const) {
    test(`guide testers with responses in ${scheme} mode have no serious or critical violation`, async ({ page }) => {
      test.setTimeout(120_000);
      await page.emulateMedia({ colorScheme: scheme });
      await gotoHydrated(page, GUIDE);
      await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
      await send(tester(page, 'create-channel'));
      await expectStatus(tester(page, 'create-channel'), 200);
      await send(tester(page, 'get-channel'));
      await expect(status(tester(page, 'get-channel'))).toHaveText(/^\d{3} /);
      const results = await new AxeBuilder({ page }).analyze();
      const serious = results.violations
        .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
        .map((violation) => `${violation.impact} ${violation.id}: ${violation.help} (${violation.nodes.length}) ${violation.nodes.slice(0, 3).map((node) => node.target.join(' ')).join(' | ')}`);
      expect(serious).toEqual([]);
    });
  }
});
