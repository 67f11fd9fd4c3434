/**
 * Issue 16, Real-Time STT on the production build: the guide page's testers run
 * join -> query -> update -> list -> leave against the sandbox, each later tester
 * receiving the agent_id join answered; the Events panel shows agent joined and
 * agent left; a second join with the same name is the documented 409; the
 * generated reference page lists the five operations.
 */
import { expect, test, type Locator } from '@playwright/test';
import { gotoHydrated, watchConsole } from './support/console';
import { liveTester, status, tester } from './support/tester';

const GUIDE = '/docs/real-time-stt/agent-lifecycle';
const REFERENCE = '/docs/reference/real-time-stt';

test.use({ colorScheme: 'light', viewport: { width: 1366, height: 900 } });
test.describe.configure({ timeout: 60_000 });

async function send(section: Locator, code: number): Promise<void> {
  await section.getByRole('button', { name: 'Send request' }).click();
  await expect(status(section)).toHaveText(new RegExp(`^${code} `), { timeout: 20_000 });
}

const body = (section: Locator): Locator => section.getByLabel('Response body', { exact: true });

test.describe('Real-Time STT guide (sandbox)', () => {
  test('join -> query -> update -> list -> leave, the agent_id carried along, with agent joined and agent left in the Events panel', async ({ page }) => {
    const problems = watchConsole(page);
    await gotoHydrated(page, GUIDE);

    const join = tester(page, 'start-stt-agent');
    await expect(join.getByText(/Sandbox \(emulator\)/)).toBeVisible();
    const entry = join.locator('[data-events-entry]');
    await entry.locator('summary').first().click();
    const panel = entry.locator('[data-events-panel]');
    await expect(panel).toHaveAttribute('data-stream', 'open');
    await expect(panel).toContainText('Send start-stt-agent: agent joined (101) appears here');

    await send(join, 200);
    await expect(body(join)).toContainText('status: "RUNNING"');
    const agentId = /agent_id: "([0-9A-Z]{26})"/.exec((await body(join).textContent()) ?? '')?.[1];
    expect(agentId).toBeTruthy();
    await expect(panel.locator('li[data-family="real-time-stt"][data-event-type="101"]')).toContainText('agent joined', { timeout: 5000 });

    // Every later tester received the id from join's answer.
    for (const endpoint of ['query-stt-agent', 'update-stt-agent', 'stop-stt-agent']) {
      // Each tester takes the id when it goes live (they load as the reader comes near).
      await expect((await liveTester(page, endpoint)).getByLabel('agentId', { exact: true })).toHaveValue(agentId!);
    }

    const query = tester(page, 'query-stt-agent');
    await send(query, 200);
    await expect(body(query)).toContainText(agentId!);
    await expect(body(query)).toContainText('status: "RUNNING"');

    const update = tester(page, 'update-stt-agent');
    await send(update, 200);
    await expect(body(update)).toContainText(agentId!);
    // The same sequenceId again is refused, and the answer names the number to use.
    await send(update, 400);
    await expect(body(update)).toContainText('sequenceId: must be greater than');

    const list = tester(page, 'list-stt-agents');
    await send(list, 200);
    await expect(body(list)).toContainText(agentId!);

    // A second join with the same name while the first runs: the documented 409.
    await send(join, 409);
    await expect(body(join)).toContainText('The task has already been started.');

    const leave = tester(page, 'stop-stt-agent');
    await send(leave, 200);
    await expect(panel.locator('li[data-family="real-time-stt"][data-event-type="102"]')).toContainText('OK', { timeout: 5000 });
    await send(query, 200);
    await expect(body(query)).toContainText('status: "STOPPED"');
    await send(leave, 404);
    expect(problems()).toEqual([]);
  });

  test('the reference overview links the five operations to their pages', async ({ page }) => {
    await gotoHydrated(page, REFERENCE);
    for (const id of ['start-stt-agent', 'list-stt-agents', 'query-stt-agent', 'update-stt-agent', 'stop-stt-agent']) {
      await expect(page.getByRole('article').locator(`a[href="${REFERENCE}/${id}"]`), id).toHaveCount(1);
    }
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Real-Time STT');
  });
});
