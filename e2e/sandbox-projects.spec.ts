/**
 * Issue 13, "Done when": two browsers on the production build get two sandbox
 * projects, and nothing one does shows up in, limits or resets the other. Each
 * Playwright browser context is one browser (its own localStorage). Also: the
 * project is kept across reloads and tabs, an expired project is replaced and
 * said so, Start over, a share link from one browser opened in the other, the
 * shared demo project when no project can be had, axe and 390 px.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { gotoHydrated, watchConsole } from './support/console';
import { liveTester, status, tester } from './support/tester';

const GUIDE = '/docs/video-calling/rest-api-guide';
const PROJECT_KEY = 'agora-tester:sandbox-project';
const DEMO_APP_ID = '0123456789abcdef0123456789abcdef';

test.use({ colorScheme: 'light', viewport: { width: 1366, height: 900 } });

interface Project {
  appId: string;
  customerId: string;
  customerSecret: string;
}

interface Visitor {
  context: BrowserContext;
  page: Page;
  appId: string;
}

/** The App ID the session panel of `section` shows as this browser's project. */
function panelAppId(section: Locator): Locator {
  return section.locator('[data-project-app-id]');
}

/** A new browser (context) on the guide page, once its project has arrived. */
async function visitor(browser: Browser, baseURL: string | undefined): Promise<Visitor> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1366, height: 900 }, colorScheme: 'light' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  const page = await context.newPage();
  await gotoHydrated(page, GUIDE);
  const appId = await readAppId(page);
  return { context, page, appId };
}

async function readAppId(page: Page): Promise<string> {
  const shown = panelAppId(await liveTester(page, 'create-channel'));
  await expect(shown).toHaveText(/^[0-9a-f]{32}$/);
  return (await shown.textContent())!;
}

/** This browser's project as kept in localStorage (what the sandbox issued it). */
async function storedProject(page: Page): Promise<Project> {
  return page.evaluate((key) => JSON.parse(window.localStorage.getItem(key) ?? 'null') as Project, PROJECT_KEY);
}

async function send(section: Locator, code: number, timeout = 20_000): Promise<void> {
  await section.getByRole('button', { name: 'Send request' }).click();
  await expect(status(section)).toHaveText(new RegExp(`^${code} `), { timeout });
}

/** Ask get-channel of this page about `channel`, expecting `code`. */
async function getChannel(page: Page, channel: string, code: number): Promise<void> {
  const section = tester(page, 'get-channel');
  await section.getByLabel('channelName', { exact: true }).fill(channel);
  await send(section, code);
}

async function createChannel(page: Page, channel: string, code: number, timeout?: number): Promise<void> {
  const section = tester(page, 'create-channel');
  await section.getByLabel('channel', { exact: true }).fill(channel);
  await send(section, code, timeout);
}

test.describe('a sandbox project per browser', () => {
  // Two browsers, each provisioning and sending; the limit test sends fifty calls.
  test.describe.configure({ timeout: 120_000 });

  test('two browsers get two projects, kept across reloads and tabs, each in its panel, form and cURL snippet', async ({ browser, baseURL }) => {
    const a = await visitor(browser, baseURL);
    const b = await visitor(browser, baseURL);
    const problems = watchConsole(a.page);
    expect(a.appId).not.toBe(b.appId);
    expect([a.appId, b.appId]).not.toContain(DEMO_APP_ID);
    for (const { page, appId } of [a, b]) {
      const section = tester(page, 'create-channel');
      await expect(section.getByLabel('projectId', { exact: true })).toHaveValue(appId);
      await expect((await liveTester(page, 'get-channel')).getByLabel('appId', { exact: true })).toHaveValue(appId);
      await expect(section.getByLabel('cURL snippet')).toContainText(`/sandbox/v1/projects/${appId}/rtc/channels`);
      expect((await storedProject(page)).appId).toBe(appId);
    }
    // The same browser keeps its project: a reload, and another tab.
    await a.page.reload();
    await a.page.locator('html[data-has-hydrated="true"]').waitFor({ state: 'attached' });
    expect(await readAppId(a.page)).toBe(a.appId);
    const secondTab = await a.context.newPage();
    await gotoHydrated(secondTab, GUIDE);
    expect(await readAppId(secondTab)).toBe(a.appId);
    expect(problems()).toEqual([]);
    await a.context.close();
    await b.context.close();
  });

  test('what one browser creates does not show in the other', async ({ browser, baseURL }) => {
    const a = await visitor(browser, baseURL);
    const b = await visitor(browser, baseURL);
    // Same channel name in both, so only the project tells them apart.
    await createChannel(a.page, 'onlyina', 200);
    await getChannel(a.page, 'onlyina', 200);
    await expect(tester(a.page, 'get-channel').getByLabel('Response body', { exact: true })).toContainText('onlyina');
    await getChannel(b.page, 'onlyina', 404);
    // Cloud Recording too: A's recording is not B's (B's query of A's ids fails).
    const start = tester(a.page, 'start-recording');
    await start.getByLabel('cname', { exact: true }).fill('recordedina');
    await send(start, 200);
    // The answer's ids reach stop-recording's form as chained values, once that tester has taken them.
    await expect(tester(a.page, 'stop-recording').getByLabel('sid', { exact: true })).not.toHaveValue('');
    const resourceId = await tester(a.page, 'stop-recording').getByLabel('resourceid', { exact: true }).inputValue();
    const sid = await tester(a.page, 'stop-recording').getByLabel('sid', { exact: true }).inputValue();
    expect(resourceId).not.toBe('');
    const bProject = await storedProject(b.page);
    const basic = `Basic ${Buffer.from(`${bProject.customerId}:${bProject.customerSecret}`).toString('base64')}`;
    const query = await b.context.request.get(`/sandbox/v1/apps/${bProject.appId}/cloud_recording/resourceid/${resourceId}/sid/${sid}/mode/mix/query`, {
      headers: { Authorization: basic },
    });
    expect(query.status()).toBe(404);
    // And B's credentials do not open A's project at all.
    const across = await b.context.request.get(`/sandbox/v1/apps/${a.appId}/cloud_recording/resourceid/${resourceId}/sid/${sid}/mode/mix/query`, {
      headers: { Authorization: basic },
    });
    expect(across.status()).toBeGreaterThanOrEqual(400);
    await a.context.close();
    await b.context.close();
  });

  test('one browser filling its project to the cap does not limit the other; its Reset project resets only its own', async ({ browser, baseURL }) => {
    const a = await visitor(browser, baseURL);
    const b = await visitor(browser, baseURL);
    await createChannel(b.page, 'keptinb', 200);
    // Fill A's project the way a copied snippet would: create-channel starts a recording each time, and a
    // project holds a bounded number of them (the sandbox says how many in its 429).
    const project = await storedProject(a.page);
    const auth = `Basic ${Buffer.from(`${project.customerId}:${project.customerSecret}`).toString('base64')}`;
    let capped = false;
    for (let index = 0; index < 80 && !capped; index += 1) {
      const answer = await a.context.request.post(`/sandbox/v1/projects/${a.appId}/rtc/channels`, {
        headers: { Authorization: auth, 'Content-Type': 'application/json' },
        data: { channel: `fill${index}`, uid: '1' },
      });
      if (answer.status() === 429) {
        expect(await answer.json()).toMatchObject({ message: 'Resource quota exceeded' });
        capped = true;
      } else {
        expect(answer.status()).toBe(200);
      }
    }
    expect(capped).toBe(true);

    // A's tester now gets the 429, explained as the project being full, not as the per-minute quota.
    const section = tester(a.page, 'create-channel');
    await createChannel(a.page, 'oneMore', 429, 40_000);
    const explanation = section.getByText(/^The project already holds as many of these as it may at once/);
    await expect(explanation).toBeVisible();
    await expect(explanation).toContainText("not the plan's per-minute quota");
    await expect(section.getByText(/Reset project \(at the top of the tester\)/)).toBeVisible();

    // B is not limited.
    await createChannel(b.page, 'stillfine', 200);

    // A resets its own project: same App ID, room again, its channel gone; B keeps its channel.
    const reset = section.getByRole('button', { name: 'Reset project' });
    await reset.click();
    const question = section.getByRole('alertdialog', { name: 'Reset your sandbox project?' });
    await expect(question.getByRole('button', { name: 'Reset project' })).toBeFocused();
    await question.getByRole('button', { name: 'Reset project' }).click();
    await expect(section.getByRole('status').filter({ hasText: 'Your sandbox project was reset' })).toBeVisible();
    await expect(reset).toBeFocused();
    expect(await readAppId(a.page)).toBe(a.appId);
    await createChannel(a.page, 'afterreset', 200);
    await getChannel(a.page, 'fill0', 404);
    await getChannel(b.page, 'keptinb', 200);
    await a.context.close();
    await b.context.close();
  });

  test('Start over gives a new App ID everywhere on the page; a share link from one browser acts on the other\'s project', async ({ browser, baseURL }) => {
    const a = await visitor(browser, baseURL);
    const b = await visitor(browser, baseURL);
    const section = tester(a.page, 'create-channel');
    await section.getByLabel('channel', { exact: true }).fill('linkedfroma');
    await section.getByRole('button', { name: 'Copy link' }).click();
    await expect(section.getByText('Link copied')).toBeVisible();
    const link = await a.page.evaluate(() => navigator.clipboard.readText());
    expect(link).not.toContain((await storedProject(a.page)).customerSecret);

    // A new tab of browser B (the guide is already open in its first one).
    const linked = await b.context.newPage();
    await gotoHydrated(linked, link.replace(/^https?:\/\/[^/]+/, ''));
    const opened = tester(linked, 'create-channel');
    await expect(opened.getByLabel('channel', { exact: true })).toHaveValue('linkedfroma');
    await expect(opened.getByLabel('projectId', { exact: true })).toHaveValue(b.appId);
    await expect(opened.getByText(/^This link was made with another sandbox project/)).toHaveCount(1);
    await expect(opened.getByLabel('cURL snippet')).toContainText(b.appId);
    await expect(opened.getByLabel('cURL snippet')).not.toContainText(a.appId);
    await send(opened, 200);
    await getChannel(linked, 'linkedfroma', 200);
    await getChannel(a.page, 'linkedfroma', 404);

    // Start over in A: confirmed, a new App ID in the panel, the forms, the snippet; the old project's history rows go.
    const history = section.locator('summary', { hasText: /^History \(/ });
    await send(section, 200);
    await expect(history).toHaveText('History (1)');
    const startOver = section.getByRole('button', { name: 'Start over' });
    await startOver.click();
    await section.getByRole('alertdialog', { name: 'Start over with a new sandbox project?' }).getByRole('button', { name: 'Start over' }).click();
    await expect(section.getByRole('status').filter({ hasText: /^Started over/ })).toBeVisible();
    await expect(startOver).toBeFocused();
    const renewed = await readAppId(a.page);
    await expect(panelAppId(section)).not.toHaveText(a.appId);
    expect(renewed).not.toBe(b.appId);
    await expect(section.getByLabel('projectId', { exact: true })).toHaveValue(renewed);
    await expect(tester(a.page, 'get-channel').getByLabel('appId', { exact: true })).toHaveValue(renewed);
    await expect(tester(a.page, 'start-recording').getByLabel('appid', { exact: true })).toHaveValue(renewed);
    await expect(section.getByLabel('cURL snippet')).toContainText(`/v1/projects/${renewed}/`);
    await expect(history).toHaveCount(0);
    expect((await storedProject(a.page)).appId).toBe(renewed);
    // The new project is empty and works at once.
    await getChannel(a.page, 'linkedfroma', 404);
    await createChannel(a.page, 'fresh', 200);
    await a.context.close();
    await b.context.close();
  });

  test('an expired project is replaced and said so; with no project to be had, the shared demo project, said so, and Send still works', async ({ browser, baseURL }) => {
    const expired = await browser.newContext({ baseURL });
    await expired.addInitScript((key) => {
      // Credentials in the form the sandbox issues, which it never issued (or forgot).
      if (!window.sessionStorage.getItem('seeded')) {
        window.sessionStorage.setItem('seeded', '1');
        window.localStorage.setItem(key, JSON.stringify({ appId: 'f'.repeat(32), customerId: 'e'.repeat(32), customerSecret: 'x', token: 'y', createdAt: 1, expiresAt: 2 }));
      }
    }, PROJECT_KEY);
    const page = await expired.newPage();
    await gotoHydrated(page, GUIDE);
    const appId = await readAppId(page);
    expect(appId).not.toBe('f'.repeat(32));
    await expect((await liveTester(page, 'create-channel')).getByText(/The sandbox no longer knew your earlier project/)).toBeVisible();

    // Forgotten while the page is open (deleted from elsewhere here; a full server's eviction looks the same): the 401 of
    // the next Send makes the page check, and it gets a new project; sent again, the call works on the new one.
    const stored = await storedProject(page);
    const removed = await page.request.delete('/sandbox/__sandbox/project', {
      headers: { Authorization: `Basic ${Buffer.from(`${stored.customerId}:${stored.customerSecret}`).toString('base64')}` },
    });
    expect(removed.status()).toBe(200);
    await createChannel(page, 'afterforget', 401);
    await expect(panelAppId((await liveTester(page, 'create-channel')))).not.toHaveText(appId);
    const replaced = await readAppId(page);
    await expect((await liveTester(page, 'create-channel')).getByLabel('projectId', { exact: true })).toHaveValue(replaced);
    await createChannel(page, 'afterforget', 200);
    await expired.close();

    const refused = await browser.newContext({ baseURL });
    await refused.route('**/sandbox/__sandbox/projects', (route) =>
      route.fulfill({ status: 429, headers: { 'Retry-After': '1800', 'Content-Type': 'application/json' }, body: JSON.stringify({ error: { code: 'too_many_projects', message: 'Too many.' } }) }),
    );
    const shared = await refused.newPage();
    await gotoHydrated(shared, GUIDE);
    const section = await liveTester(shared, 'create-channel');
    await expect(section.getByText(/try again in 30 min\)\. This page uses the shared demo project instead/)).toBeVisible();
    await expect(section.getByLabel('projectId', { exact: true })).toHaveValue(DEMO_APP_ID);
    await send(section, 200);
    await refused.close();
  });
});

test.describe('the project panel', () => {
  test('axe finds nothing serious in light and dark, with the Start over question open', async ({ page }) => {
    await gotoHydrated(page, GUIDE);
    const section = await liveTester(page, 'create-channel');
    await readAppId(page);
    await section.getByRole('button', { name: 'Start over' }).click();
    await expect(section.getByRole('alertdialog')).toBeVisible();
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
      const results = await new AxeBuilder({ page }).include('section[data-endpoint="create-channel"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${scheme} ${v.id}: ${v.help}`);
      expect(serious).toEqual([]);
    }
  });

  test('fits a 390 px phone: the App ID and both buttons in view, nothing wider than the tester', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await gotoHydrated(page, GUIDE);
    const section = await liveTester(page, 'create-channel');
    const appId = panelAppId(section);
    await expect(appId).toHaveText(/^[0-9a-f]{32}$/);
    const box = (await section.boundingBox())!;
    for (const part of [appId, section.getByRole('button', { name: 'Reset project' }), section.getByRole('button', { name: 'Start over' })]) {
      const partBox = (await part.boundingBox())!;
      expect(partBox.x).toBeGreaterThanOrEqual(box.x - 1);
      expect(partBox.x + partBox.width).toBeLessThanOrEqual(box.x + box.width + 1);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
