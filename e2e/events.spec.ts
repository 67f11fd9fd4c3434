/**
 * Issue 15, the Events panel on the production build: a Media Pull player's
 * create -> running -> delete and a Cloud Recording start -> stop show their
 * notifications live, in order, in the tester's Events panel; a notice links
 * to the call that caused it; the signature it shows verifies with the secret
 * it shows (HMAC computed here with node:crypto); the Sandbox page's panel
 * shows every product; Live mode says where Live notifications go; axe in
 * light and dark with the panel open; 390 px.
 */
import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { gotoHydrated, watchConsole } from './support/console';
import { liveTester, status, tester } from './support/tester';
import { WEBHOOK_RECEIVER } from './support/webhook';

const CREATE_PLAYER = '/docs/reference/media-pull/create-cloud-player';
const GUIDE = '/docs/video-calling/rest-api-guide';
const SANDBOX = '/docs/sandbox';
const PROJECT_KEY = 'agora-tester:sandbox-project';

test.use({ colorScheme: 'light', viewport: { width: 1366, height: 900 } });
// Notices arrive on the sandbox's schedule (a player runs 3 s after create, a recording starts 2 s after start).
test.describe.configure({ timeout: 60_000 });

/** A tester's Events disclosure. */
function eventsEntry(section: Locator): Locator {
  return section.locator('[data-events-entry]');
}

/** Open a tester's Events disclosure and return its panel. */
async function openEvents(section: Locator): Promise<Locator> {
  const entry = eventsEntry(section);
  await entry.locator('summary').first().click();
  const panel = entry.locator('[data-events-panel]');
  await expect(panel).toHaveAttribute('data-stream', 'open');
  return panel;
}

/** The notices of one product and event type in a panel. */
function notices(panel: Locator, family: string, eventType: number): Locator {
  return panel.locator(`li[data-family="${family}"][data-event-type="${eventType}"]`);
}

async function send(section: Locator, code: number): Promise<void> {
  await section.getByRole('button', { name: 'Send request' }).click();
  await expect(status(section)).toHaveText(new RegExp(`^${code} `), { timeout: 20_000 });
}

/** Open a notice and check that its Agora-Signature and -V2 are the HMACs of its raw body with the NCS secret it shows. */
async function verifySignatures(notice: Locator): Promise<void> {
  await notice.locator('summary').first().click();
  await notice.getByText('Raw body (the exact bytes signed and POSTed)').click();
  const raw = (await notice.getByLabel(/^Raw body of /).textContent()) ?? '';
  expect(() => JSON.parse(raw)).not.toThrow();
  await notice.getByRole('button', { name: 'Show NCS secret' }).click();
  const secret = (await notice.locator('[data-ncs-secret]').textContent()) ?? '';
  expect(secret.length).toBeGreaterThan(8);
  const v1 = await notice.locator('[data-header="Agora-Signature"]').textContent();
  const v2 = await notice.locator('[data-header="Agora-Signature-V2"]').textContent();
  expect(v1).toBe(createHmac('sha1', secret).update(raw, 'utf8').digest('hex'));
  expect(v2).toBe(createHmac('sha256', secret).update(raw, 'utf8').digest('hex'));
  // A tampered body or another secret does not verify: the comparison above is not vacuous.
  expect(v1).not.toBe(createHmac('sha1', secret).update(`${raw} `, 'utf8').digest('hex'));
  expect(v2).not.toBe(createHmac('sha256', 'demo-ncs-secret-wrong').update(raw, 'utf8').digest('hex'));
  await expect(notice.locator('[data-header="Content-Type"]')).toHaveText('application/json');
}

/** The page does not scroll sideways. */
async function fitsWidth(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test.describe('the Events panel', () => {
  test('Media Pull: create shows Player Created, then running within 5 s; delete shows Player Destroyed; each links to its call and verifies', async ({ page }) => {
    const problems = watchConsole(page);
    await gotoHydrated(page, CREATE_PLAYER);
    const create = tester(page, 'create-cloud-player');
    const panel = await openEvents(create);
    await expect(panel).toContainText('Send create-cloud-player: its Player Created notice appears here');

    await send(create, 200);
    const created = notices(panel, 'media-pull', 1);
    await expect(created).toHaveCount(1, { timeout: 3000 });
    await expect(created).toContainText('Player Created');
    await expect(created).toContainText('connecting');
    const createdAt = Date.now();
    const running = notices(panel, 'media-pull', 4);
    await expect(running).toContainText('running', { timeout: 6000 });
    expect(Date.now() - createdAt).toBeLessThan(6000);
    // The count of notices this tester's calls caused (Player Created, running, and the player's channel events).
    await expect(eventsEntry(create).locator('[data-events-count]')).not.toHaveAttribute('data-events-count', '0');

    // The link to the call that caused it: the create tester's history entry, opened, in view and focused.
    await created.getByRole('link', { name: /your create-cloud-player call at/ }).click();
    const row = create.locator('[data-history-id]').first();
    await expect(row).toBeFocused();
    await expect(row).toBeInViewport();

    await verifySignatures(created);

    // Delete has a page of its own: the reader goes there by the sidebar; the player's id came along, and
    // the Events panel there holds the notices so far and the new one.
    await page.getByRole('navigation', { name: 'Docs sidebar' }).getByRole('link', { name: 'Delete a cloud player', exact: true }).click();
    await expect(page).toHaveURL(/\/media-pull\/delete-cloud-player$/);
    const remove = await liveTester(page, 'delete-cloud-player');
    await expect(remove.getByLabel('id', { exact: true })).not.toHaveValue('');
    const removePanel = await openEvents(remove);
    await send(remove, 200);
    const destroyed = notices(removePanel, 'media-pull', 3);
    await expect(destroyed).toContainText('Player Destroyed');
    await expect(destroyed).toContainText('Delete Request');
    await expect(destroyed.getByRole('link', { name: /your delete-cloud-player call at/ })).toBeVisible();
    // Newest first: destroyed, running, created.
    const order = await removePanel.locator('li[data-family="media-pull"]').evaluateAll((items) => items.map((item) => item.getAttribute('data-event-type')));
    expect(order).toEqual(['3', '4', '1']);
    expect(problems()).toEqual([]);
  });

  test('a project that chooses a webhook target gets its notices POSTed there, signed with its secret, and the panel shows each delivery', async ({ page }) => {
    // The receiver the server allows (playwright.config.ts: SANDBOX_WEBHOOK_ALLOW), on this machine.
    const received: Array<{ raw: string; headers: Record<string, string | string[] | undefined> }> = [];
    const receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        received.push({ raw: Buffer.concat(chunks).toString('utf8'), headers: req.headers });
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end('{"ok":true}');
      });
    });
    const target = new URL(WEBHOOK_RECEIVER);
    await new Promise<void>((resolve) => receiver.listen(Number(target.port), target.hostname, resolve));
    try {
      expect((receiver.address() as AddressInfo).port).toBe(Number(target.port));
      await gotoHydrated(page, CREATE_PLAYER);
      const create = tester(page, 'create-cloud-player');
      const panel = await openEvents(create);
      const field = panel.getByLabel('Your webhook URL');
      // Somewhere the operator does not allow: refused, and what was typed stays.
      await field.fill('https://elsewhere.example/hook');
      await panel.getByRole('button', { name: 'Save' }).click();
      await expect(panel.locator('[data-webhook-feedback]')).toContainText('delivers only to URLs under');
      await expect(field).toHaveValue('https://elsewhere.example/hook');
      const url = `${WEBHOOK_RECEIVER}agora/notifications`;
      await field.fill(url);
      await panel.getByRole('button', { name: 'Save' }).click();
      await expect(panel.locator('[data-webhook-feedback]')).toHaveText(`Saved: new notices are POSTed to ${url}.`);

      await send(create, 200);
      const created = notices(panel, 'media-pull', 1);
      await expect(created.locator('[data-delivery-badge]')).toHaveText(/delivered/i, { timeout: 10_000 });
      await expect.poll(() => received.filter((entry) => JSON.parse(entry.raw).productId === 4).length, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);

      // Every notice arrived signed with the project's own secret, as the panel shows it.
      await created.locator('summary').first().click();
      await created.getByRole('button', { name: 'Show NCS secret' }).click();
      const secret = (await created.locator('[data-ncs-secret]').textContent()) ?? '';
      expect(secret).toMatch(/^[0-9a-f]{32}$/);
      for (const entry of received) {
        expect(entry.headers['agora-signature']).toBe(createHmac('sha1', secret).update(entry.raw, 'utf8').digest('hex'));
        expect(entry.headers['agora-signature-v2']).toBe(createHmac('sha256', secret).update(entry.raw, 'utf8').digest('hex'));
      }
      const kinds = received.map((entry) => JSON.parse(entry.raw) as { productId: number; eventType: number });
      expect(kinds.filter((kind) => kind.productId === 4).map((kind) => kind.eventType)).toEqual([1, 4]);
      await expect(created).toContainText(`To ${url}: Delivered`);
      await expect(created.getByRole('list', { name: 'Delivery attempts' })).toContainText('HTTP 200');
    } finally {
      await new Promise<void>((resolve) => {
        receiver.closeAllConnections();
        receiver.close(() => resolve());
      });
    }
  });

  test('Cloud Recording: start then stop shows recorder_started, recorder_leave, uploader_started, uploaded, session_exit in that order', async ({ page }) => {
    await gotoHydrated(page, GUIDE);
    const start = tester(page, 'start-recording');
    const stop = tester(page, 'stop-recording');
    const panel = await openEvents(stop);
    await send(start, 200);
    // Stop only once the recorder is recording (2 s), or the stop has nothing to upload (206, code 435).
    await expect(notices(panel, 'cloud-recording', 40)).toContainText('recorder_started', { timeout: 6000 });
    await send(stop, 200);
    await expect(notices(panel, 'cloud-recording', 11)).toContainText('session_exit', { timeout: 6000 });
    const names = await panel.locator('li[data-family="cloud-recording"] strong').allTextContents();
    expect(names.reverse()).toEqual(['recorder_started', 'recorder_leave', 'uploader_started', 'uploaded', 'session_exit']);
    await expect(notices(panel, 'cloud-recording', 41).getByRole('link', { name: /your stop-recording call at/ })).toBeVisible();
    await verifySignatures(notices(panel, 'cloud-recording', 31));
  });

  test('the Sandbox page shows every product, with a call made elsewhere named by its X-Request-ID', async ({ page }) => {
    await gotoHydrated(page, SANDBOX);
    const panel = page.locator('[data-events-panel]');
    // Mid-page: its stream waits until the reader scrolls to it.
    await expect(panel).toHaveAttribute('data-stream', 'idle');
    await panel.scrollIntoViewIfNeeded();
    await expect(panel).toHaveAttribute('data-stream', 'open');
    await expect(panel).toContainText('the notifications it causes appear here');
    // Past the backlog: what arrives from now on is announced.
    await expect(panel).toHaveAttribute('data-announcing', 'true');
    const project = await page.evaluate((key) => JSON.parse(window.localStorage.getItem(key) ?? 'null') as { appId: string; customerId: string; customerSecret: string }, PROJECT_KEY);
    const basic = `Basic ${Buffer.from(`${project.customerId}:${project.customerSecret}`).toString('base64')}`;
    // The reader is elsewhere on the page: notices arriving must not move focus.
    const webhooks = page.getByRole('link', { name: 'Webhooks', exact: true }).first();
    await webhooks.focus();
    const answer = await page.request.post(`/sandbox/na/v1/projects/${project.appId}/cloud-player/players`, {
      headers: { Authorization: basic, 'X-Request-ID': 'e2e-events-direct-1' },
      data: { player: { streamUrl: 'rtmp://example.agora.io/live/e2e', channelName: 'e2eevents', uid: 4242, idleTimeout: 300 } },
    });
    expect(answer.status()).toBe(200);
    const created = notices(panel, 'media-pull', 1);
    await expect(created).toContainText('Player Created');
    await expect(created).toContainText('X-Request-ID e2e-events-direct-1');
    await expect(created).toContainText('POST');
    // Every product: the player's channel events show here too.
    await expect(notices(panel, 'rtc', 101)).toContainText('channel e2eevents');
    // One polite sentence for the burst, and focus left where the reader put it.
    await expect(panel.locator('[role="status"][aria-live="polite"]')).toHaveText(/^\d+ new notifications: .*Player Created/);
    await expect(webhooks).toBeFocused();
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
      await created.locator('summary').first().click();
      const results = await new AxeBuilder({ page }).include('[data-events-panel]').analyze();
      expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
    }
  });

  test('in Live mode the entry says Live notifications go to the Agora Console webhook', async ({ page }) => {
    await gotoHydrated(page, GUIDE);
    const section = tester(page, 'get-channel');
    await section.getByRole('radio', { name: 'Live (real Agora)' }).check();
    await expect(section).toContainText('Live notifications go to the webhook configured in Agora Console, not here.');
    await expect(eventsEntry(section)).toHaveCount(0);
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`axe finds nothing with the panel open and a notice expanded (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await gotoHydrated(page, CREATE_PLAYER);
      await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
      const create = tester(page, 'create-cloud-player');
      const panel = await openEvents(create);
      await send(create, 200);
      const created = notices(panel, 'media-pull', 1);
      await created.locator('summary').first().click();
      await created.getByRole('button', { name: 'Show NCS secret' }).click();
      const results = await new AxeBuilder({ page }).include('[data-endpoint="create-cloud-player"]').analyze();
      expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  }

  test('at 390 px the panel and an open notice fit the screen', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await gotoHydrated(page, CREATE_PLAYER);
    const create = tester(page, 'create-cloud-player');
    const panel = await openEvents(create);
    await send(create, 200);
    const created = notices(panel, 'media-pull', 1);
    // By keyboard: a notice's summary takes focus and opens with Enter.
    await created.locator('summary').first().focus();
    await page.keyboard.press('Enter');
    await expect(created.locator('[data-header="Agora-Signature-V2"]')).toBeVisible();
    await fitsWidth(page);
    const box = await panel.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
  });
});
