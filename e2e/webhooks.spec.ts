/**
 * The Webhooks page (issue 15, deliverable 5): its sections, the event tables
 * generated from the sandbox's notification catalog, the two receivers shown
 * from their files (the code the unit tests run), axe in both colour modes and
 * a 390 px phone.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { gotoHydrated, watchConsole } from './support/console';
import { layOutEveryTable } from './support/tables';

const PAGE = '/docs/webhooks';
const receiver = (file: string) => readFileSync(new URL(`../examples/webhooks/${file}`, import.meta.url), 'utf8');

/** The lines of a file that carry its signature check, as the page must show them. */
const VERIFICATION_LINES = {
  'receiver.mjs': ["createHmac('sha256', SECRET)", 'timingSafeEqual(received, expected)', "req.headers['agora-signature-v2']"],
  'receiver.py': ['hmac.new(SECRET, raw_body, hashlib.sha256)', 'hmac.compare_digest(', 'self.headers.get("Agora-Signature-V2")'],
} as const;

/** The code block whose title is exactly `title` (the bash blocks below mention the same paths). */
function codeBlockTitled(page: Page, title: string) {
  return page.locator('.theme-code-block').filter({ has: page.locator('[class*="codeBlockTitle"]').getByText(title, { exact: true }) });
}

/** Text as lines without trailing blanks (a code block renders each line as its own element). */
const lines = (text: string) => text.split('\n').map((line) => line.trimEnd()).join('\n').trim();

/** The code a block shows, line by line (Prism renders each line as a `.token-line`). */
async function shownCode(block: Locator): Promise<string> {
  return lines((await block.locator('pre code .token-line').allTextContents()).join('\n'));
}

function table(page: Page, product: string) {
  return page.locator(`table[data-notification-table="${product}"]`);
}

test.describe('Webhooks page', () => {
  test('hydrates cleanly with its sections, in the sidebar next to the Sandbox', async ({ page }) => {
    const problems = watchConsole(page);
    await gotoHydrated(page, PAGE);
    await expect(page.locator('article h1')).toHaveText('Webhooks (notifications)');
    for (const heading of ['How notifications work', 'Request headers and body', 'Event types', 'Verify the signature', 'Try it with the sandbox']) {
      await expect(page.locator('article h2', { hasText: heading })).toBeVisible();
    }
    for (const heading of ['Duplicates and order', 'Media Pull', 'Cloud Recording', 'RTC channel events', "Where Agora's pages disagree"]) {
      await expect(page.locator('article h3', { hasText: heading })).toBeVisible();
    }
    const links = page.locator('.theme-doc-sidebar-menu a.menu__link');
    const labels = (await links.allInnerTexts()).map((text) => text.trim());
    expect(labels.indexOf('Webhooks (notifications)')).toBe(labels.indexOf('Sandbox') + 1);
    expect(problems()).toEqual([]);
  });

  test('event tables come from the catalog: Player Created, recorder_started, channel events', async ({ page }) => {
    await gotoHydrated(page, PAGE);
    const mediaPull = table(page, 'media-pull');
    await expect(mediaPull.locator('caption')).toContainText('productId 4');
    await expect(mediaPull.locator('tbody tr')).toHaveCount(3);
    await expect(mediaPull.locator('tbody tr', { hasText: 'Player Created' })).toContainText('create-cloud-player answers 200');
    await expect(mediaPull.locator('tbody tr').nth(1)).toContainText('Player Destroyed');
    await expect(mediaPull.locator('tbody tr').nth(1).locator('td').first()).toHaveText('3');

    const recording = table(page, 'cloud-recording');
    await expect(recording.locator('thead th')).toHaveText(['eventType', 'Name', 'serviceType', 'What it means', 'In the sandbox']);
    const started = recording.locator('tbody tr', { hasText: 'recorder_started' });
    await expect(started.locator('td').nth(0)).toHaveText('40');
    await expect(started.locator('td').nth(2)).toHaveText('1');
    await expect(recording.locator('tbody tr', { hasText: 'backuped' })).toContainText('Never sent.');

    const rtc = table(page, 'rtc');
    await expect(rtc.locator('thead th')).toHaveCount(4);
    await expect(rtc.locator('tbody tr', { hasText: 'broadcaster join channel' }).locator('td').first()).toHaveText('103');
  });

  test('shows both receivers exactly as the files the tests run, verification lines included', async ({ page }) => {
    await gotoHydrated(page, PAGE);
    const node = codeBlockTitled(page, 'examples/webhooks/receiver.mjs');
    await expect(node).toBeVisible();
    const nodeCode = await shownCode(node);
    expect(nodeCode).toBe(lines(receiver('receiver.mjs')));
    for (const line of VERIFICATION_LINES['receiver.mjs']) expect(nodeCode).toContain(line);

    await page.getByRole('tab', { name: 'Python' }).click();
    const python = codeBlockTitled(page, 'examples/webhooks/receiver.py');
    await expect(python).toBeVisible();
    const pythonCode = await shownCode(python);
    expect(pythonCode).toBe(lines(receiver('receiver.py')));
    for (const line of VERIFICATION_LINES['receiver.py']) expect(pythonCode).toContain(line);
  });

  test('links to the Events panel and names the sandbox commands', async ({ page }) => {
    await gotoHydrated(page, PAGE);
    await expect(page.locator('article a[href="/docs/sandbox#notifications"]').first()).toBeVisible();
    const article = page.locator('article');
    await expect(article).toContainText('npm run sandbox -- --port 4010 --webhook http://127.0.0.1:8080/agora/notifications');
    await expect(article).toContainText('SANDBOX_WEBHOOK_URL');
    await expect(article).toContainText('SANDBOX_WEBHOOK_ALLOW');
  });

  for (const mode of ['light', 'dark'] as const) {
    test(`axe: no serious or critical violation (${mode})`, async ({ page }) => {
      // Three tables and two long code blocks: axe needs more than the default 30 s on a busy machine.
      test.setTimeout(120_000);
      await page.addInitScript((theme) => window.localStorage.setItem('theme', theme), mode);
      await gotoHydrated(page, PAGE);
      await expect(page.locator(`html[data-theme="${mode}"]`)).toBeAttached();
      await layOutEveryTable(page);
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(blocking.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
    });
  }

  test('fits a 390 px phone: the page does not scroll sideways, wide tables scroll in their own box', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await gotoHydrated(page, PAGE);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const region = page.locator('[data-scroll-region]', { has: table(page, 'cloud-recording') });
    // A table is laid out, and so measured, when it comes near the viewport (content-visibility: auto).
    await region.scrollIntoViewIfNeeded();
    await expect(region).toHaveAttribute('role', 'region');
    await expect(region).toHaveAttribute('tabindex', '0');
  });
});
