import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { gotoHydrated, watchConsole } from './support/console';
import { status, tester } from './support/tester';

// Issue 12, problems 8 and 9: the response viewer (headers kept open, pretty/raw,
// folding and search in a large body, cleared on an environment switch) and the
// history (method, path and key values; failed and cancelled sends; reopen on click).

const GUIDE = '/docs/video-calling/rest-api-guide';
const LIST_CHANNELS = '/docs/reference/channel-management/list-channels';

test.use({ colorScheme: 'light', viewport: { width: 1366, height: 900 } });

async function sendAndExpect(section: Locator, code: number): Promise<void> {
  await section.getByRole('button', { name: 'Send request' }).click();
  await expect(status(section)).toHaveText(new RegExp(`^${code} `), { timeout: 20_000 });
}

/** A list-channels answer as the relay returns it, with `count` channels; one of them is called `needle-channel`. */
function bigListAnswer(count: number): string {
  const channels = Array.from({ length: count }, (_, index) => ({ channel_name: index === 250 ? 'needle-channel' : `room-${index}`, user_count: index % 7 }));
  const body = { success: true, data: { channels, total_size: count } };
  const text = JSON.stringify(body);
  return JSON.stringify({
    status: 200,
    statusText: 'OK',
    headers: { 'content-type': 'application/json', 'x-request-id': 'big-list' },
    body,
    sizeBytes: text.length,
    durationMs: 12,
    attempts: [{ host: 'api.sd-rtn.com', status: 200, error: null, waitMs: 0, durationMs: 12 }],
  });
}

test.describe('response viewer (problem 8)', () => {
  test('headers stay open across a second send and after a reload in the same tab', async ({ page }) => {
    await gotoHydrated(page, GUIDE);
    const section = tester(page, 'create-channel');
    await sendAndExpect(section, 200);
    const requestId = section.getByRole('term').filter({ hasText: /^x-request-id$/i });
    await expect(requestId).toBeHidden();
    await section.getByText(/^Headers \(\d+\)$/).click();
    await expect(requestId).toBeVisible();
    await sendAndExpect(section, 200);
    await expect(requestId).toBeVisible();
    await page.reload();
    await page.locator('html[data-has-hydrated="true"]').waitFor({ state: 'attached' });
    await sendAndExpect(tester(page, 'create-channel'), 200);
    await expect(tester(page, 'create-channel').getByRole('term').filter({ hasText: /^x-request-id$/i })).toBeVisible();
  });

  test('the next answer is drawn over the last one\'s elements, and its viewers start afresh', async ({ page }) => {
    await gotoHydrated(page, GUIDE);
    const section = tester(page, 'create-channel');
    await sendAndExpect(section, 200);
    const details = section.locator('[data-details]');
    await expect(details).toHaveAttribute('data-answer', '1');
    const tree = section.getByRole('tree', { name: 'Response body' });
    // A mark on the elements themselves: a rebuilt panel (the old per-answer remount) would not carry it.
    await tree.evaluate((element) => element.setAttribute('data-probe', 'kept'));
    const inspector = section.locator('details', { has: page.getByText('Request sent:') });
    await inspector.getByText('Request sent:').click();
    await expect(inspector).toHaveAttribute('open', '');
    const find = section.getByRole('searchbox', { name: 'Find in response body' });
    await find.fill('code');
    await sendAndExpect(section, 200);
    await expect(details).toHaveAttribute('data-answer', '2');
    await expect(tree).toHaveAttribute('data-probe', 'kept');
    await expect(inspector).not.toHaveAttribute('open', '');
    await expect(find).toHaveValue('');
  });

  test('Pretty shows a foldable tree, Raw the JSON text; the choice is kept for the next answer', async ({ page }) => {
    const problems = watchConsole(page);
    await gotoHydrated(page, GUIDE);
    const section = tester(page, 'create-channel');
    await sendAndExpect(section, 200);
    const pretty = section.getByRole('button', { name: 'Pretty', exact: true });
    const raw = section.getByRole('button', { name: 'Raw', exact: true });
    await expect(pretty).toHaveAttribute('aria-pressed', 'true');
    const tree = section.getByRole('tree', { name: 'Response body' });
    await expect(tree.getByRole('treeitem', { name: /^message: "success"$/ })).toBeVisible();
    await raw.click();
    await expect(raw).toHaveAttribute('aria-pressed', 'true');
    await expect(tree).toHaveCount(0);
    await expect(section.getByLabel('Response body')).toContainText('"message": "success"');
    await sendAndExpect(section, 200);
    await expect(section.getByRole('button', { name: 'Raw', exact: true })).toHaveAttribute('aria-pressed', 'true');
    await section.getByRole('button', { name: 'Pretty', exact: true }).click();
    await expect(tree).toBeVisible();
    // Folding with the keyboard: arrows move between rows, Left closes and Right opens.
    const rows = tree.getByRole('treeitem');
    await rows.first().focus();
    await page.keyboard.press('ArrowDown');
    await expect(rows.nth(1)).toBeFocused();
    const data = tree.getByRole('treeitem', { name: /^data: \{/ });
    await expect(data).toHaveAttribute('aria-expanded', 'true');
    await data.focus();
    await page.keyboard.press('ArrowLeft');
    await expect(data).toHaveAttribute('aria-expanded', 'false');
    await page.keyboard.press('ArrowRight');
    await expect(data).toHaveAttribute('aria-expanded', 'true');
    await page.keyboard.press('ArrowRight');
    await expect(data).not.toBeFocused();
    expect(problems()).toEqual([]);
  });

  test('a large body opens folded, and Find counts, highlights and jumps to matches, opening what hides them', async ({ page }) => {
    test.setTimeout(90_000);
    await page.route('**/api/relay', async (route) => {
      const envelope = route.request().postDataJSON() as { operationId?: string };
      if (envelope.operationId !== 'list-channels') return route.continue();
      await route.fulfill({ status: 200, contentType: 'application/json', body: bigListAnswer(600) });
    });
    await gotoHydrated(page, LIST_CHANNELS);
    const section = tester(page, 'list-channels');
    const started = Date.now();
    await sendAndExpect(section, 200);
    const tree = section.getByRole('tree', { name: 'Response body' });
    // Once 600 rows are open, a role query with names over all of them is slow: rows are found by their text.
    const row = (text: string) => tree.locator('[role="treeitem"]', { hasText: text });
    const channels = row('channels: [600 items]');
    await expect(channels).toHaveAttribute('aria-expanded', 'false');
    console.log(`600-channel answer shown in ${Date.now() - started} ms; ${await tree.getByRole('treeitem').count()} rows rendered`);
    expect(await tree.getByRole('treeitem').count()).toBeLessThan(10);

    const find = section.getByRole('searchbox', { name: 'Find in response body' });
    const searched = Date.now();
    await find.fill('needle');
    await expect(section.getByRole('status').filter({ hasText: /^1 of 1$/ })).toBeVisible();
    const needle = row('"needle-channel"');
    await expect(needle).toBeInViewport();
    console.log(`Find opened the 600 items and showed the match in ${Date.now() - searched} ms`);
    await expect(needle.locator('mark')).toHaveText('needle');
    await expect(channels).toHaveAttribute('aria-expanded', 'true');

    await find.fill('room-19');
    // room-19 and room-190…199
    const count = section.getByRole('status').filter({ hasText: / of 11$/ });
    await expect(count).toHaveText('1 of 11');
    await find.press('Enter');
    await expect(count).toHaveText('2 of 11');
    await find.press('Shift+Enter');
    await expect(count).toHaveText('1 of 11');
    await section.getByRole('button', { name: 'Previous match' }).click();
    await expect(count).toHaveText('11 of 11');
    await expect(row('"room-199"')).toBeInViewport();
    await find.fill('nothing-like-this');
    await expect(section.getByRole('status').filter({ hasText: 'No matches' })).toBeVisible();
    await expect(section.getByRole('button', { name: 'Next match' })).toBeDisabled();

    await section.getByRole('button', { name: 'Collapse all' }).click();
    await expect(channels).toBeHidden();
    await expect(row('data: {2 keys}')).toHaveAttribute('aria-expanded', 'false');
  });

  test('390 px wide: the body toolbar, tree and history fit without sideways scrolling', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await gotoHydrated(page, GUIDE);
    const section = tester(page, 'create-channel');
    await sendAndExpect(section, 200);
    await section.getByRole('searchbox', { name: 'Find in response body' }).fill('channel');
    for (const name of ['Next match', 'Collapse all', 'Raw']) {
      const box = await section.getByRole('button', { name, exact: true }).boundingBox();
      expect(box && box.x + box.width, `${name} fits in the width`).toBeLessThanOrEqual(390);
    }
    await section.getByText(/^History \(1\)$/).click();
    await expect(section.getByRole('list', { name: 'Request history' }).getByRole('button')).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  test('switching between Sandbox and Live clears the answer', async ({ page }) => {
    await gotoHydrated(page, GUIDE);
    const section = tester(page, 'create-channel');
    await sendAndExpect(section, 200);
    await expect(section.getByRole('tree', { name: 'Response body' })).toBeVisible();
    await section.getByRole('radio', { name: 'Live (real Agora)' }).check();
    await expect(status(section)).toHaveText('No request sent yet.');
    await expect(section.getByRole('tree', { name: 'Response body' })).toHaveCount(0);
    await expect(section.getByText(/^Headers \(/)).toHaveCount(0);
    await section.getByRole('radio', { name: 'Sandbox (emulator)' }).check();
    await expect(status(section)).toHaveText('No request sent yet.');
  });
});

test.describe('history (problem 9)', () => {
  test('lists method, path and key values, keeps a cancelled send, and reopens an entry with one click', async ({ page }) => {
    await gotoHydrated(page, GUIDE);
    const section = tester(page, 'create-channel');
    const channel = section.getByLabel('channel', { exact: true });
    await channel.fill('historyone');
    await sendAndExpect(section, 200);

    await channel.fill('historytwo');
    await section.getByLabel('Simulate').selectOption('timeout');
    await section.getByRole('button', { name: 'Send request' }).click();
    await expect(status(section)).toHaveText(/^Sending/);
    await section.getByRole('button', { name: 'Cancel' }).click();
    await expect(status(section)).toHaveText(/^Cancelled/);

    await section.getByText(/^History \(2\)$/).click();
    const entries = section.getByRole('list', { name: 'Request history' }).getByRole('button');
    await expect(entries).toHaveCount(2);
    await expect(entries.nth(0)).toHaveText(/^POST \/v1\/projects\/[0-9a-f]{4}…[0-9a-f]{4}\/rtc\/channels channel=historytwo uid=\S+\s*Cancelled · Sandbox · \d/);
    await expect(entries.nth(1)).toHaveText(/^POST \/v1\/projects\/[0-9a-f]{4}…[0-9a-f]{4}\/rtc\/channels channel=historyone uid=\S+\s*200 OK · Sandbox · \d/);

    await channel.fill('somethingelse');
    await entries.nth(1).click();
    await expect(channel).toHaveValue('historyone');
    await expect(section.getByRole('status').filter({ hasText: /is back in the form/ })).toBeVisible();
    // Keyboard: the cancelled one reopens with Enter.
    await entries.nth(0).focus();
    await page.keyboard.press('Enter');
    await expect(channel).toHaveValue('historytwo');
    const stored = await page.evaluate(() => JSON.stringify(window.sessionStorage));
    expect(stored).not.toMatch(/demo-customer-secret|ZGVtby1jdXN0b21lci1pZD/);
  });
});

test.describe('accessibility of the response viewer and history (axe-core)', () => {
  for (const scheme of ['light', 'dark'] as const) {
    test(`tree, find, headers and history in ${scheme} mode have no serious or critical violation`, async ({ page }) => {
      test.setTimeout(120_000);
      await page.emulateMedia({ colorScheme: scheme });
      await gotoHydrated(page, GUIDE);
      await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
      const section = tester(page, 'create-channel');
      await sendAndExpect(section, 200);
      await section.getByText(/^Headers \(\d+\)$/).click();
      await section.getByRole('searchbox', { name: 'Find in response body' }).fill('s');
      await expect(section.locator('mark').first()).toBeVisible();
      await section.getByText(/^History \(\d+\)$/).click();
      await expect(section.getByRole('list', { name: 'Request history' })).toBeVisible();
      const results = await new AxeBuilder({ page }).include('section[data-endpoint="create-channel"]').analyze();
      const serious = results.violations
        .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
        .map((violation) => `${violation.impact} ${violation.id}: ${violation.help} (${violation.nodes.length}) ${violation.nodes.slice(0, 3).map((node) => node.target.join(' ')).join(' | ')}`);
      expect(serious).toEqual([]);
      // Raw view too.
      await section.getByRole('button', { name: 'Raw', exact: true }).click();
      const raw = await new AxeBuilder({ page }).include('section[data-endpoint="create-channel"]').analyze();
      expect(raw.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => violation.id)).toEqual([]);
    });
  }
});
