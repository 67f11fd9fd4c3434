// Issue 12, problems 3, 5 and 6: why a call took the attempts it took (in the
// relay's words), the request each attempt sent (credentials masked), and
// explanations chosen by status and Agora's code, written for the reader.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { gotoHydrated, watchConsole } from './support/console';
import { liveTester, status, tester } from './support/tester';

const GUIDE = '/docs/video-calling/rest-api-guide';
const LIST_CHANNELS = '/docs/reference/channel-management/list-channels';
const ACQUIRE = '/docs/reference/cloud-recording/acquire';
/** base64 of the sandbox's demo Customer ID, the start of every demo Authorization value. */
const DEMO_BASIC = 'ZGVtby1jdXN0b21lci1pZD';

test.use({ colorScheme: 'light', viewport: { width: 1366, height: 900 } });

function attempts(section: Locator): Locator {
  return section.getByRole('list', { name: 'Attempts' }).locator(':scope > li');
}

async function send(section: Locator, fault?: string): Promise<void> {
  if (fault) await section.getByLabel('Simulate').selectOption(fault);
  await section.getByRole('button', { name: 'Send request' }).click();
}

test.describe('why this many attempts (problem 3)', () => {
  test('a simulated 503 on a POST: one attempt, and the reason it was not retried', async ({ page }) => {
    const problems = watchConsole(page);
    await gotoHydrated(page, GUIDE);
    const section = tester(page, 'create-channel');
    await send(section, '503');
    await expect(status(section)).toHaveText(/^503 /, { timeout: 20_000 });
    await expect(attempts(section)).toHaveCount(1);
    await expect(section.getByRole('note', { name: 'Why one attempt' })).toContainText(
      'POST is not idempotent and the server received the request (503); repeating it could act twice, so it was not retried.',
    );
    // The advice no longer promises the retries and failover the relay did not make.
    const box = section.getByRole('note', { name: /^503 / });
    await expect(box).toContainText('not sent again automatically');
    await expect(box).not.toContainText('fail over');
    // Problem 6: the guide's 503 body has an empty details.field, so there is no "Field" line.
    await expect(section.getByText(/^Field\b/)).toHaveCount(0);
    expect(problems()).toEqual([]);
  });

  test('a simulated 503 on a GET: retried on the same host, and why that is safe', async ({ page }) => {
    test.setTimeout(60_000);
    await gotoHydrated(page, LIST_CHANNELS);
    const section = tester(page, 'list-channels');
    await send(section, '503');
    await expect(status(section)).toHaveText(/^200 /, { timeout: 20_000 });
    await expect(attempts(section)).toHaveCount(2);
    const why = section.getByRole('note', { name: 'Why 2 attempts' });
    await expect(why).toContainText('After attempt 1 (503 from api.agora.io)');
    await expect(why).toContainText(/Retried after \d(\.\d)? s \(back-off step 1 of 3/);
    await expect(why).toContainText('GET is idempotent, so a repeat cannot act twice');
  });

  test('"Primary domain down": fails over to the named alternate host and says why', async ({ page }) => {
    // Two back-off waits (about 1 s and 3 s) before the alternate answers.
    test.setTimeout(60_000);
    await gotoHydrated(page, LIST_CHANNELS);
    const section = tester(page, 'list-channels');
    await send(section, 'down');
    await expect(status(section)).toHaveText(/^200 /, { timeout: 20_000 });
    await expect(attempts(section)).toHaveCount(3);
    await expect(attempts(section).nth(2)).toContainText('api.sd-rtn.com');
    const why = section.getByRole('note', { name: 'Why 3 attempts' }).getByRole('listitem');
    await expect(why.nth(0)).toContainText('After attempt 1 (dns from api.agora.io)');
    await expect(why.nth(0)).toContainText('the host name did not resolve, so the request never left');
    await expect(why.nth(1)).toContainText('After attempt 2 (dns from api.agora.io)');
    await expect(why.nth(1)).toContainText(
      /Failed over after .* to the alternate domain api\.sd-rtn\.com, failing over from api\.agora\.io/,
    );
  });
});

test.describe('the request inspector (problem 5)', () => {
  test('shows method, full URL, headers with Authorization masked, and the body, per attempt', async ({ page }) => {
    // axe over a tester with two open inspectors, in both color modes, is the slow part.
    test.setTimeout(120_000);
    await gotoHydrated(page, GUIDE);
    const section = tester(page, 'create-channel');
    await send(section, '429');
    await expect(status(section)).toHaveText(/^200 /, { timeout: 20_000 });
    await expect(attempts(section)).toHaveCount(2);
    // 429 is retried even for a POST: the relay says why.
    const why = section.getByRole('note', { name: 'Why 2 attempts' });
    await expect(why).toContainText('After attempt 1 (429 from api.agora.io)');
    await expect(why).toContainText('safe even for POST');
    for (const index of [0, 1]) {
      const attempt = attempts(section).nth(index);
      const summary = attempt.locator('summary');
      await expect(summary).toContainText(/POST https:\/\/api\.agora\.io\/v1\/projects\/[0-9a-f]{32}\/rtc\/channels/);
      await summary.click();
      await expect(attempt.getByText('Basic ••••••')).toBeVisible();
      await expect(attempt.getByText('application/json').first()).toBeVisible();
      await expect(attempt.getByLabel(`Request body, attempt ${index + 1}`)).toContainText('"channel": "myvideochannel"');
      await expect(attempt).not.toContainText(DEMO_BASIC);
    }
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
      const results = await new AxeBuilder({ page }).include(`section[data-endpoint="create-channel"]`).analyze();
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${scheme} ${v.id}: ${v.help}`);
      expect(serious).toEqual([]);
    }
  });

  test('at 390 px the open inspector wraps its URL and headers: no sideways scrolling', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await gotoHydrated(page, GUIDE);
    const section = tester(page, 'create-channel');
    await send(section);
    await expect(status(section)).toHaveText(/^200 /, { timeout: 20_000 });
    await attempts(section).first().locator('summary').click();
    await expect(attempts(section).first().getByText('Basic ••••••')).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

test.describe('explanations by status and Agora code (problem 6)', () => {
  test('stop with nothing recorded: 206 with code 435 is explained as "no recorded data"', async ({ page }) => {
    // Three sends, each answered in well under a second; the margin is for a busy machine.
    test.setTimeout(90_000);
    // A channel nobody is in: whenever stop comes, the recorder had no stream to write.
    const cname = 'nobodyhere';
    await gotoHydrated(page, ACQUIRE);
    const acquire = await liveTester(page, 'acquire');
    await acquire.getByLabel('cname', { exact: true }).fill(cname);
    await send(acquire);
    await expect(status(acquire)).toHaveText(/^200 /, { timeout: 20_000 });
    // Each call has its page; the reader goes on as the docs lead (the pager's Next, then the sidebar), and the ids
    // an answer gave fill the next testers there.
    await page.getByRole('navigation', { name: 'Docs pages' }).getByRole('link', { name: /Start recording/ }).click();
    await expect(page).toHaveURL(/\/cloud-recording\/start-recording$/);
    const start = await liveTester(page, 'start-recording');
    await expect(start.getByLabel('resourceid', { exact: true })).not.toHaveValue('');
    await start.getByLabel('cname', { exact: true }).fill(cname);
    await send(start);
    await expect(status(start)).toHaveText(/^200 /, { timeout: 20_000 });
    await page.getByRole('navigation', { name: 'Docs sidebar' }).getByRole('link', { name: 'Stop recording', exact: true }).click();
    await expect(page).toHaveURL(/\/cloud-recording\/stop-recording$/);
    const stop = await liveTester(page, 'stop-recording');
    await expect(stop.getByLabel('sid', { exact: true })).not.toHaveValue('');
    await stop.getByLabel('cname', { exact: true }).fill(cname);
    await send(stop);
    await expect(status(stop)).toHaveText(/^206 /, { timeout: 20_000 });
    const box = stop.getByRole('note', { name: '206 Partial content, Agora code 435' });
    await expect(box).toContainText('Nobody sent a stream while the recording ran, so no file was written.');
    await expect(box).not.toContainText('sid');
  });

  test('a timeout says what happened once, not twice', async ({ page }) => {
    test.setTimeout(45_000);
    await gotoHydrated(page, GUIDE);
    const section = tester(page, 'create-channel');
    await send(section, 'timeout');
    await expect(status(section)).toHaveText(/^Timed out: .*did not answer within/, { timeout: 30_000 });
    // The status line quotes the relay's message; the explanation adds to it instead of repeating it.
    const box = section.getByRole('note', { name: 'Timed out' });
    await expect(box).toContainText('no answer came back before its time limit');
    await expect(box).not.toContainText('did not answer within');
    await expect(section.getByRole('note', { name: 'Why one attempt' })).toContainText('POST is not idempotent');
  });

  test('a Live call the relay cannot get through: blames the relay\'s network, not the reader\'s', async ({ page }) => {
    // Four attempts with 1 s, 3 s and 6 s back-off between them.
    test.setTimeout(60_000);
    // This machine has no route to Agora, so the relay's own DNS lookups fail.
    await gotoHydrated(page, LIST_CHANNELS);
    const section = tester(page, 'list-channels');
    await section.getByLabel('Live (real Agora)').check();
    await section.getByLabel('Customer ID', { exact: true }).fill('a-customer-id');
    await section.getByLabel('Customer Secret', { exact: true }).fill('a-customer-secret');
    await send(section);
    await expect(status(section)).toHaveText(/^The relay could not reach Agora: /, { timeout: 35_000 });
    const box = section.getByRole('note', { name: 'The relay could not reach Agora' });
    await expect(box).toContainText("the failure is on the server's side of the connection, not in your browser");
    await expect(section).not.toContainText(/check your network/i);
    // The failed attempts carry their requests too, the credential masked.
    await attempts(section).first().locator('summary').click();
    await expect(attempts(section).first().getByText('Basic ••••••')).toBeVisible();
    await expect(section).not.toContainText(Buffer.from('a-customer-id:a-customer-secret').toString('base64'));
  });
});
