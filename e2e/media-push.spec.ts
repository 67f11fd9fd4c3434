/**
 * Media Push on the production build: the guide page's testers run one
 * converter's life against the sandbox (create -> the id fills the next
 * testers -> query -> update -> list the channel -> delete), with Converter
 * Created, Status Changed (running) and Destroyed in the Events panel; the
 * generated reference page lists the six operations.
 */
import { expect, test, type Locator } from '@playwright/test';
import { gotoHydrated, watchConsole } from './support/console';
import { status, tester } from './support/tester';

const GUIDE = '/docs/media-push/push-to-cdn';
const REFERENCE = '/docs/reference/media-push';

test.use({ colorScheme: 'light', viewport: { width: 1366, height: 900 } });
// A converter turns running three seconds after create. Response bodies show as a JSON tree (key: value).
test.describe.configure({ timeout: 60_000 });

async function send(section: Locator, code: number): Promise<void> {
  await section.getByRole('button', { name: 'Send request' }).click();
  await expect(status(section)).toHaveText(new RegExp(`^${code} `), { timeout: 20_000 });
}

const body = (section: Locator) => section.getByLabel('Response body', { exact: true });

test.describe('Media Push guide', () => {
  test('create, query, update, list the channel and delete a converter, with its notices in the Events panel', async ({ page }) => {
    const problems = watchConsole(page);
    await gotoHydrated(page, GUIDE);

    const create = tester(page, 'create-converter');
    await expect(create.getByText(/Sandbox \(emulator\)/)).toBeVisible();
    const entry = create.locator('[data-events-entry]');
    await entry.locator('summary').first().click();
    const panel = entry.locator('[data-events-panel]');
    await expect(panel).toHaveAttribute('data-stream', 'open');
    await expect(panel).toContainText('Send create-converter: its Converter Created notice appears here');

    await send(create, 200);
    await expect(body(create)).toContainText('state: "connecting"');
    const id = /id: "([0-9a-f]{32})"/.exec((await body(create).textContent()) ?? '')?.[1];
    expect(id).toBeTruthy();
    const created = panel.locator('li[data-family="media-push"][data-event-type="1"]');
    await expect(created).toContainText('Converter Created');
    await expect(panel.locator('li[data-family="media-push"][data-event-type="3"]')).toContainText('running', { timeout: 8000 });

    // The id from create fills the converterId of every later tester.
    const query = tester(page, 'query-converter');
    await expect(query.getByLabel('converterId', { exact: true })).toHaveValue(id!);
    await send(query, 200);
    await expect(body(query)).toContainText('state: "running"');
    await expect(body(query)).toContainText('rtcChannel: "demo"');

    const update = tester(page, 'update-converter');
    await expect(update.getByLabel('converterId', { exact: true })).toHaveValue(id!);
    await send(update, 200);
    await expect(body(update)).toContainText(id!);

    const list = tester(page, 'list-channel-converters');
    await send(list, 200);
    await expect(body(list)).toContainText(id!);
    await expect(body(list)).toContainText('rtmp://example.agora.io/live/demo_backup');

    const remove = tester(page, 'delete-converter');
    await expect(remove.getByLabel('converterId', { exact: true })).toHaveValue(id!);
    await send(remove, 200);
    const destroyed = panel.locator('li[data-family="media-push"][data-event-type="4"]');
    await expect(destroyed).toContainText('Converter Destroyed');
    await expect(destroyed).toContainText('Delete Request');
    // Newest first: destroyed, configuration changed, running, created.
    const order = await panel.locator('li[data-family="media-push"]').evaluateAll((items) => items.map((item) => item.getAttribute('data-event-type')));
    expect(order).toEqual(['4', '2', '3', '1']);

    // Gone: a second delete is a 404 in the documented words.
    await send(remove, 404);
    await expect(body(remove)).toContainText('Resource is not found or destroyed.');
    expect(problems()).toEqual([]);
  });

  test('the reference overview links the six Media Push operations to their pages', async ({ page }) => {
    await gotoHydrated(page, REFERENCE);
    for (const endpoint of ['create-converter', 'list-converters', 'list-channel-converters', 'query-converter', 'update-converter', 'delete-converter']) {
      await expect(page.getByRole('article').locator(`a[href="${REFERENCE}/${endpoint}"]`), endpoint).toHaveCount(1);
    }
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Media Push');
  });
});
