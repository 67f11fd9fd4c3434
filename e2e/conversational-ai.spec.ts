/**
 * Conversational AI on the production build: the walkthrough page runs the agent's
 * lifecycle in the browser against the sandbox (join -> the next testers receive
 * the agent id -> query -> update -> speak -> interrupt -> history -> list ->
 * leave), sending the RTC token as `agora token=`, with the agent's notifications
 * in the Events panel; the generated reference page lists the ten operations.
 */
import { expect, test, type Locator } from '@playwright/test';
import { gotoHydrated, watchConsole } from './support/console';
import { liveTester, status, tester } from './support/tester';

const GUIDE = '/docs/conversational-ai/agent-lifecycle';
const REFERENCE = '/docs/reference/conversational-ai';

test.use({ viewport: { width: 1366, height: 900 } });
test.describe.configure({ timeout: 90_000 });

async function send(section: Locator, code: number): Promise<void> {
  await section.getByRole('button', { name: 'Send request' }).click();
  await expect(status(section)).toHaveText(new RegExp(`^${code} `), { timeout: 20_000 });
}

const body = (section: Locator) => section.getByLabel('Response body', { exact: true });

test('the walkthrough runs an agent from join to leave, each tester taking the agent id, with its notifications', async ({ page }) => {
  const problems = watchConsole(page);
  await gotoHydrated(page, GUIDE);

  const join = tester(page, 'start-agent');
  await expect(join.getByText(/Sandbox \(emulator\)/)).toBeVisible();
  await expect(join.getByText('agora token=<RTC token>')).toBeVisible();
  const entry = join.locator('[data-events-entry]');
  await entry.locator('summary').first().click();
  const panel = entry.locator('[data-events-panel]');
  await expect(panel).toHaveAttribute('data-stream', 'open');
  await expect(panel).toContainText('Send start-agent: its agent joined notice (101) appears here');

  // A name of its own, so a rerun of the test on the same server starts no conflict.
  await join.getByLabel('name', { exact: true }).first().fill(`e2e-${Date.now().toString(36)}`);
  await send(join, 200);
  await expect(body(join)).toContainText('RUNNING');
  const agentId = /agent_id"?:\s*"([0-9A-F]{24})"/.exec((await body(join).textContent()) ?? '')?.[1];
  expect(agentId).toBeTruthy();
  await expect(panel.locator('li[data-family="conversational-ai"][data-event-type="101"]')).toContainText('agent joined', { timeout: 5000 });

  // Each tester takes the id when it goes live (they load as the reader comes near).
  for (const endpoint of ['query-agent-status', 'agent-update', 'agent-speak', 'agent-interrupt', 'get-history', 'stop-agent']) {
    await expect((await liveTester(page, endpoint)).getByLabel('agentId', { exact: true }), endpoint).toHaveValue(agentId!);
  }
  const query = tester(page, 'query-agent-status');
  await send(query, 200);
  await expect(body(query)).toContainText('RUNNING');
  await send(tester(page, 'agent-update'), 200);
  const speak = tester(page, 'agent-speak');
  await send(speak, 200);
  await expect(body(speak)).toContainText('lobby');
  await send(tester(page, 'agent-interrupt'), 200);
  const history = tester(page, 'get-history');
  await send(history, 200);
  await expect(body(history)).toContainText('Your order has shipped and will arrive tomorrow.');
  const list = tester(page, 'get-agent-list');
  await send(list, 200);
  await expect(body(list)).toContainText(agentId!);

  const leave = tester(page, 'stop-agent');
  await send(leave, 200);
  await expect(panel.locator('li[data-family="conversational-ai"][data-event-type="102"]')).toContainText('OK', { timeout: 5000 });
  await expect(panel.locator('li[data-family="conversational-ai"][data-event-type="103"]')).toHaveCount(1);
  await expect(panel.locator('li[data-family="conversational-ai"][data-event-type="112"]')).toHaveCount(1);
  // The agent has stopped: a second leave finds no running agent.
  await send(leave, 404);
  await expect(body(leave)).toContainText('TaskNotFound');
  expect(problems()).toEqual([]);
});

test('the reference overview links the ten operations; an operation page names both schemes', async ({ page }) => {
  await gotoHydrated(page, REFERENCE);
  for (const id of ['start-agent', 'query-agent-status', 'agent-update', 'agent-speak', 'agent-interrupt', 'agent-think', 'get-history', 'get-turns', 'get-agent-list', 'stop-agent']) {
    await expect(page.getByRole('article').locator(`a[href="${REFERENCE}/${id}"]`), id).toHaveCount(1);
  }
  await page.getByRole('article').getByRole('link', { name: 'Start an agent', exact: true }).click();
  await expect(page).toHaveURL(`${REFERENCE}/start-agent`);
  await expect(page.getByText('RTC token (Authorization: agora token=<token>) or HTTP Basic: Customer ID and Customer Secret').first()).toBeVisible();
});
