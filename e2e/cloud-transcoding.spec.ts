/**
 * Cloud Transcoding in the browser, against the sandbox: the guide page's five
 * testers run the chain acquire -> create -> query -> update -> destroy, each
 * taking the builder token (a query value) and the task id (a path value)
 * from the answers above it; and the generated reference page lists the
 * family's operations.
 */
import { expect, test, type Locator } from '@playwright/test';
import { gotoHydrated, watchConsole } from './support/console';
import { status, tester } from './support/tester';

const GUIDE = '/docs/cloud-transcoding/transcode-a-channel';
const REFERENCE = '/docs/reference/cloud-transcoding';

test.use({ colorScheme: 'light' });

async function sendAndExpect(section: Locator, code: number): Promise<void> {
  await section.getByRole('button', { name: 'Send request' }).click();
  await expect(status(section)).toHaveText(new RegExp(`^${code} `), { timeout: 20_000 });
}

const body = (section: Locator): Locator => section.getByLabel('Response body', { exact: true });

test.describe('Cloud Transcoding guide (sandbox)', () => {
  test('acquire, create, query, update and destroy chain through the page', async ({ page }) => {
    test.setTimeout(90_000);
    const problems = watchConsole(page);
    await gotoHydrated(page, GUIDE);

    const acquire = tester(page, 'acquire-cloud-transcoding-builder-token');
    await expect(acquire.getByText(/Sandbox \(emulator\)/)).toBeVisible();
    await sendAndExpect(acquire, 200);
    await expect(body(acquire)).toContainText('tokenName');

    // The token from acquire fills create's builderToken query parameter.
    const create = tester(page, 'create-cloud-transcoding-task');
    const token = create.getByLabel('builderToken', { exact: true });
    await expect(token).not.toHaveValue('');
    const tokenValue = await token.inputValue();
    await sendAndExpect(create, 200);
    await expect(body(create)).toContainText('STARTED');

    // Query takes create's taskId and the same token.
    const query = tester(page, 'query-cloud-transcoding-task');
    await expect(query.getByLabel('taskId', { exact: true })).not.toHaveValue('');
    await expect(query.getByLabel('builderToken', { exact: true })).toHaveValue(tokenValue);
    const taskId = await query.getByLabel('taskId', { exact: true }).inputValue();
    await page.waitForTimeout(2100);
    await sendAndExpect(query, 200);
    await expect(body(query)).toContainText('IN_PROGRESS');
    await expect(body(query)).toContainText(taskId);

    const update = tester(page, 'update-cloud-transcoding-task');
    await expect(update.getByLabel('taskId', { exact: true })).toHaveValue(taskId);
    await sendAndExpect(update, 200);
    // The same sequenceId again is refused: updates are ordered.
    await sendAndExpect(update, 400);
    await expect(body(update)).toContainText('sequenceId');

    const destroy = tester(page, 'destroy-cloud-transcoding-task');
    await expect(destroy.getByLabel('taskId', { exact: true })).toHaveValue(taskId);
    await sendAndExpect(destroy, 200);
    await expect(body(destroy)).toContainText('STOPPED');
    await sendAndExpect(destroy, 404);
    expect(problems()).toEqual([]);
  });

  test('the reference overview links every Cloud Transcoding operation to its page', async ({ page }) => {
    await gotoHydrated(page, REFERENCE);
    for (const id of [
      'acquire-cloud-transcoding-builder-token',
      'create-cloud-transcoding-task',
      'query-cloud-transcoding-task',
      'update-cloud-transcoding-task',
      'destroy-cloud-transcoding-task',
      'create-or-update-transcoding-template',
      'query-transcoding-templates',
    ]) {
      await expect(page.getByRole('article').locator(`a[href="${REFERENCE}/${id}"]`), id).toHaveCount(1);
    }
  });
});
