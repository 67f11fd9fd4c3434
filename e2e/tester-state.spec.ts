// Issue 12, problem 10 and custom parameters: the form survives in-site navigation (this tab only, never a
// credential), Copy link copies without touching the address bar and carries the Simulate choice, and the
// reader's own headers and query parameters reach the snippet and the sandbox, or say why the relay refuses them.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { gotoHydrated, watchConsole } from './support/console';
import { liveTester, tester } from './support/tester';

const GUIDE = '/docs/video-calling/rest-api-guide';

test.use({ viewport: { width: 1366, height: 900 } });

function channelField(section: Locator): Locator {
  return section.getByLabel('channel', { exact: true });
}

/** Everything this tab keeps in Web Storage. */
async function storedText(page: Page): Promise<string> {
  return page.evaluate(() => JSON.stringify({ session: { ...window.sessionStorage }, local: { ...window.localStorage } }));
}

test.describe('form state across in-site navigation', () => {
  test('an edit survives the tester\'s Reference link and coming back, by Back and by a link', async ({ page }) => {
    const problems = watchConsole(page);
    await gotoHydrated(page, GUIDE);
    const section = tester(page, 'create-channel');
    await channelField(section).fill('keptacross');
    await section.getByRole('link', { name: 'Reference for Create a channel' }).click();
    await expect(page).toHaveURL(/\/docs\/reference\/guide-examples/);

    await page.goBack();
    await expect(page).toHaveURL(new RegExp(`${GUIDE}$`));
    await expect(channelField(tester(page, 'create-channel'))).toHaveValue('keptacross');

    await tester(page, 'create-channel').getByRole('link', { name: 'Reference for Create a channel' }).click();
    await expect(page).toHaveURL(/\/docs\/reference\/guide-examples/);
    await page.getByRole('navigation', { name: 'Docs sidebar' }).getByRole('link', { name: 'Video Calling REST API guide' }).click();
    await expect(page).toHaveURL(new RegExp(`${GUIDE}$`));
    await expect(channelField(tester(page, 'create-channel'))).toHaveValue('keptacross');
    expect(problems()).toEqual([]);
  });

  test('credentials typed in Live mode are never stored, while the form is', async ({ page }) => {
    await gotoHydrated(page, GUIDE);
    const section = tester(page, 'create-channel');
    await section.getByRole('radio', { name: 'Live (real Agora)' }).check();
    await section.getByLabel('Customer ID', { exact: true }).fill('live-id-4821');
    await section.getByLabel('Customer Secret', { exact: true }).fill('live-s3cret-9137');
    await channelField(section).fill('livechannel');
    // Leave and come back, so anything the page keeps has been written.
    await section.getByRole('link', { name: 'Reference for Create a channel' }).click();
    await expect(page).toHaveURL(/\/docs\/reference\/guide-examples/);
    await page.goBack();
    await expect(channelField(tester(page, 'create-channel'))).toHaveValue('livechannel');
    const stored = await storedText(page);
    expect(stored).toContain('livechannel');
    expect(stored).not.toContain('live-s3cret-9137');
    expect(stored).not.toContain('live-id-4821');
    // Nor in Basic form (base64 of "id:secret").
    expect(stored).not.toContain(Buffer.from('live-id-4821:live-s3cret-9137').toString('base64'));
  });
});

test.describe('Copy link', () => {
  test('copies without touching the address bar; the link restores the request and the Simulate choice', async ({ page, context, browser, baseURL }) => {
    // Two pages and a reload.
    test.setTimeout(60_000);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
    await gotoHydrated(page, GUIDE);
    const section = tester(page, 'create-channel');
    await channelField(section).fill('linkedchannel');
    await section.getByLabel('Simulate').selectOption('503');
    const before = page.url();
    await section.getByRole('button', { name: 'Copy link' }).click();
    await expect(section.getByRole('status').filter({ hasText: 'Link copied' })).toHaveText('Link copied, with Simulate: 503 Service Unavailable');
    expect(page.url()).toBe(before);
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(/#try=1\./);
    expect(link).not.toMatch(/demo-customer|ZGVtby1jdXN0b21lci1pZD/);

    // A reload keeps the tab's own form, not a link it never opened.
    await page.reload();
    await page.locator('html[data-has-hydrated="true"]').waitFor({ state: 'attached' });
    expect(page.url()).toBe(before);
    await expect(channelField(tester(page, 'create-channel'))).toHaveValue('linkedchannel');

    // Another browser (fresh storage) opens the link.
    const other = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await gotoHydrated(other, link.replace(/^https?:\/\/[^/]+/, ''));
    const restored = tester(other, 'create-channel');
    await expect(channelField(restored)).toHaveValue('linkedchannel');
    await expect(restored.getByLabel('Simulate')).toHaveValue('503');
    await expect(restored).toBeInViewport();
    // The restored choice is what Send simulates.
    const relayCall = other.waitForRequest((request) => request.url().endsWith('/api/relay') && request.method() === 'POST');
    await restored.getByRole('button', { name: 'Send request' }).click();
    expect(((await relayCall).postDataJSON() as { headers: Record<string, string> }).headers['X-Sandbox-Fault']).toBe('503');
    await other.close();
  });
});

test.describe('custom headers and query parameters', () => {
  test('reach the cURL snippet and the sandbox through the relay', async ({ page }) => {
    const problems = watchConsole(page);
    await gotoHydrated(page, GUIDE);
    const section = tester(page, 'create-channel');
    await section.getByText('Custom headers / query').click();
    await section.getByRole('button', { name: 'Add header' }).click();
    await expect(section.getByLabel('Row 1 name')).toBeFocused();
    await section.getByLabel('Row 1 name').fill('X-Trace-Id');
    await section.getByLabel('Row 1 value').fill('e2e-trace-1');
    await section.getByRole('button', { name: 'Add query parameter' }).click();
    await section.getByLabel('Row 2 name').fill('debug');
    await section.getByLabel('Row 2 value').fill('on air');

    const code = section.getByLabel('cURL snippet');
    await expect(code).toContainText("--header 'X-Trace-Id: e2e-trace-1'");
    await expect(code).toContainText('debug=on%20air');

    const relayCall = page.waitForRequest((request) => request.url().endsWith('/api/relay') && request.method() === 'POST');
    await section.getByRole('button', { name: 'Send request' }).click();
    const envelope = (await relayCall).postDataJSON() as { headers: Record<string, string>; query: Record<string, string> };
    expect(envelope.headers['X-Trace-Id']).toBe('e2e-trace-1');
    expect(envelope.query.debug).toBe('on air');
    await expect(section.locator('[data-phase]')).toHaveText(/^200 /, { timeout: 20_000 });

    // They are part of the request: the tab keeps them across navigation.
    await section.getByRole('link', { name: 'Reference for Create a channel' }).click();
    await page.goBack();
    const back = tester(page, 'create-channel');
    await expect(back.getByLabel('Row 1 name')).toHaveValue('X-Trace-Id');
    await expect(back.getByLabel('Row 2 value')).toHaveValue('on air');
    expect(problems()).toEqual([]);
  });

  test('a header the relay would refuse is flagged before Send, with the reason, and never sent or stored', async ({ page }) => {
    await gotoHydrated(page, GUIDE);
    const section = tester(page, 'create-channel');
    await section.getByText('Custom headers / query').click();
    await section.getByRole('button', { name: 'Add header' }).click();
    await section.getByLabel('Row 1 name').fill('X-Api-Key');
    await section.getByLabel('Row 1 value').fill('k-91734');
    await expect(section.getByLabel('Row 1 name')).toHaveAttribute('aria-invalid', 'true');
    await expect(section.getByLabel('Row 1 name')).toHaveAccessibleDescription(/not sent, because it looks like a credential/);
    await expect(section.getByText(/Send is blocked until this is fixed/)).toBeVisible();
    await expect(section.getByLabel('cURL snippet')).not.toContainText('X-Api-Key');

    await section.getByRole('button', { name: 'Add header' }).click();
    await section.getByLabel('Row 2 name').fill('Cookie');
    await section.getByLabel('Row 2 value').fill('a=1');
    await expect(section.getByLabel('Row 2 name')).toHaveAccessibleDescription(/only X- headers can be added/);

    // "Send anyway" sends the request without them.
    const relayCall = page.waitForRequest((request) => request.url().endsWith('/api/relay') && request.method() === 'POST');
    await section.getByRole('button', { name: 'Send anyway' }).click();
    const envelope = (await relayCall).postDataJSON() as { headers: Record<string, string> };
    expect(Object.keys(envelope.headers)).not.toContain('X-Api-Key');
    expect(Object.keys(envelope.headers)).not.toContain('Cookie');
    await expect(section.locator('[data-phase]')).toHaveText(/^200 /, { timeout: 20_000 });
    expect(await storedText(page)).not.toContain('k-91734');

    // Removing a row moves focus to the row that takes its place.
    await section.getByRole('button', { name: 'Remove row 1' }).click();
    await expect(section.getByLabel('Row 1 name')).toHaveValue('Cookie');
    await expect(section.getByLabel('Row 1 name')).toBeFocused();
  });

  test('the section with a refused row has no serious axe violations, light and dark', async ({ page }) => {
    await gotoHydrated(page, GUIDE);
    const section = tester(page, 'create-channel');
    await section.getByText('Custom headers / query').click();
    await section.getByRole('button', { name: 'Add header' }).click();
    await section.getByLabel('Row 1 name').fill('Cookie');
    await section.getByLabel('Row 1 value').fill('a=1');
    await expect(section.getByLabel('Row 1 name')).toHaveAttribute('aria-invalid', 'true');
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      // The new section and its messages (the rest of the tester is swept by the other specs).
      const results = await new AxeBuilder({ page }).include('section[data-endpoint="create-channel"] [data-custom-params]').analyze();
      const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
      expect(serious, `${scheme}: ${serious.map((violation) => violation.id).join(', ')}`).toEqual([]);
    }
  });

  test('fit the narrow column on a phone', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await gotoHydrated(page, GUIDE);
    const section = await liveTester(page, 'create-channel');
    await section.getByText('Custom headers / query').click();
    await section.getByRole('button', { name: 'Add header' }).click();
    // Measured on the live tester: a shell being swapped for it would measure nothing.
    await expect(section.getByLabel('Row 1 name')).toBeVisible();
    const box = await section.boundingBox();
    for (const label of ['Row 1 sends a', 'Row 1 name', 'Row 1 value']) {
      const control = await section.getByLabel(label).boundingBox();
      expect(control, label).not.toBeNull();
      expect(control!.width, label).toBeGreaterThan(60);
      expect(control!.x + control!.width, label).toBeLessThanOrEqual(box!.x + box!.width + 1);
    }
    await expect(section.getByRole('button', { name: 'Remove row 1' })).toBeInViewport();
  });
});
