// Testers and reference sections are islands (src/components/Island): the
// server HTML is the real component; its code and its operation's data load
// when it nears the viewport, is touched, or the URL addresses it.
import { expect, test, type Page } from '@playwright/test';
import { gotoHydrated, watchConsole } from './support/console';
import { status, tester } from './support/tester';

const GUIDE = '/docs/video-calling/rest-api-guide';
const MEDIA_PULL = '/docs/reference/media-pull';
// Its body table puts the tester well below the fold.
const CREATE_PLAYER = `${MEDIA_PULL}/create-cloud-player`;

test.use({ colorScheme: 'light', viewport: { width: 1280, height: 800 } });

const island = (page: Page, name: string) => page.locator(`[data-island="${name}"]`);

/** Every script path the page fetches from now on. */
function scriptsOf(page: Page): () => string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') seen.push(new URL(request.url()).pathname);
  });
  return () => [...seen];
}

const opChunk = (id: string) => new RegExp(`/op-${id}\\.[0-9a-f]+\\.js$`);

/** Holds the op chunk of `id` until the returned function is called. */
async function holdChunk(page: Page, id: string): Promise<() => void> {
  let release!: () => void;
  const released = new Promise<void>((done) => (release = done));
  await page.route(opChunk(id), async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

/** The ids of the guide's testers lying more than two viewport heights below the top. */
async function farTesters(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('[data-island^="tester:"]'))
      .filter((element) => element.getBoundingClientRect().top > 2.2 * window.innerHeight)
      .map((element) => element.dataset.island!.slice('tester:'.length)),
  );
}

test('a tester far down the guide fetches nothing until scrolled near; then it loads and sends', async ({ page }) => {
  test.setTimeout(60_000);
  const problems = watchConsole(page);
  const scripts = scriptsOf(page);
  await gotoHydrated(page, GUIDE);
  await page.waitForLoadState('networkidle');
  const far = await farTesters(page);
  expect(far.length, 'the guide has testers below the first two viewports').toBeGreaterThan(0);
  for (const id of far) {
    expect(scripts().filter((path) => opChunk(id).test(path))).toEqual([]);
    await expect(island(page, `tester:${id}`)).not.toHaveAttribute('data-island-live');
    // The shell is the real form, server-rendered.
    await expect(tester(page, id).getByRole('button', { name: 'Send request' })).toBeAttached();
  }
  // With no tester near, not even the tester's code is fetched.
  if (far.length === (await page.locator('[data-island^="tester:"]').count())) {
    expect(scripts().filter((path) => /\/tester\.[0-9a-f]+\.js$/.test(path))).toEqual([]);
  }
  const id = far[far.length - 1];
  const chunk = page.waitForRequest((request) => opChunk(id).test(new URL(request.url()).pathname));
  await tester(page, id).evaluate((element) => element.scrollIntoView({ block: 'center' }));
  await chunk;
  await expect(island(page, `tester:${id}`)).toHaveAttribute('data-island-live', '');
  await tester(page, id).getByRole('button', { name: 'Send request' }).click();
  await expect(status(tester(page, id))).toHaveText(/^\d{3} /, { timeout: 20_000 });
  expect(problems()).toEqual([]);
});

test('what is typed into a tester before its code arrives is kept, and focus stays in the field', async ({ page }) => {
  const problems = watchConsole(page);
  await gotoHydrated(page, GUIDE);
  const release = await holdChunk(page, 'start-recording');
  const start = tester(page, 'start-recording');
  const cname = start.getByLabel('cname', { exact: true });
  await cname.evaluate((element) => element.scrollIntoView({ block: 'center' }));
  // Focus starts the load; the chunk is held, so the keystrokes land on the shell.
  await cname.click();
  await cname.press('ControlOrMeta+a');
  await cname.pressSequentially('typedbeforeload');
  await expect(island(page, 'tester:start-recording')).not.toHaveAttribute('data-island-live');
  release();
  await expect(island(page, 'tester:start-recording')).toHaveAttribute('data-island-live', '');
  await expect(cname).toHaveValue('typedbeforeload');
  await expect(cname).toBeFocused();
  await cname.press('End');
  await cname.pressSequentially('2');
  await expect(cname).toHaveValue('typedbeforeload2');
  // The live form's state holds it, not just the field: it is what Send sends.
  const relayCall = page.waitForRequest((request) => request.url().endsWith('/api/relay') && request.method() === 'POST');
  await start.getByRole('button', { name: 'Send request' }).click();
  expect((await relayCall).postData()).toContain('typedbeforeload2');
  expect(problems()).toEqual([]);
});

test('a closed group of body fields opened on the shell before the code arrives is open, with its fields, once live', async ({ page }) => {
  const problems = watchConsole(page);
  await gotoHydrated(page, GUIDE);
  const release = await holdChunk(page, 'start-recording');
  const start = tester(page, 'start-recording');
  const summary = start.locator('summary', { has: page.locator('code', { hasText: /^snapshotConfig$/ }) });
  const group = summary.locator('..');
  // Optional and empty in the example: closed, and its fields are not in the served HTML at all.
  await expect(group).not.toHaveAttribute('open');
  await expect(group.getByLabel('captureInterval', { exact: true })).toHaveCount(0);
  await summary.evaluate((element) => element.scrollIntoView({ block: 'center' }));
  // The press starts the load; the chunk is held, so the shell's group opens empty.
  await summary.click();
  await expect(island(page, 'tester:start-recording')).not.toHaveAttribute('data-island-live');
  release();
  await expect(island(page, 'tester:start-recording')).toHaveAttribute('data-island-live', '');
  await expect(group).toHaveAttribute('open');
  await expect(group.getByLabel('captureInterval', { exact: true })).toBeVisible();
  // Closing and opening it again works on the live form.
  await summary.click();
  await expect(group.getByLabel('captureInterval', { exact: true })).toHaveCount(0);
  await summary.click();
  await expect(group.getByLabel('captureInterval', { exact: true })).toBeVisible();
  expect(problems()).toEqual([]);
});

test('switching to dark mode before a tester loads keeps its server-rendered shell', async ({ page }) => {
  const problems = watchConsole(page);
  await gotoHydrated(page, GUIDE);
  await page.waitForLoadState('networkidle');
  const [id] = (await farTesters(page)).slice(-1);
  const shell = island(page, `tester:${id}`);
  await expect(shell).not.toHaveAttribute('data-island-live');
  await shell.locator('section').first().evaluate((element) => ((element as HTMLElement & { marked?: boolean }).marked = true));
  const height = await shell.evaluate((element) => element.getBoundingClientRect().height);
  // The toggle cycles through its modes (light, dark, system): click until the page is dark.
  const toggle = page.getByRole('button', { name: /switch between dark and light mode/i });
  for (let clicks = 0; clicks < 3 && (await page.locator('html').getAttribute('data-theme')) !== 'dark'; clicks++) await toggle.click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  // The very same nodes, not a fallback or a re-render.
  expect(await shell.locator('section').first().evaluate((element) => (element as HTMLElement & { marked?: boolean }).marked === true)).toBe(true);
  expect(await shell.evaluate((element) => element.getBoundingClientRect().height)).toBe(height);
  await expect(shell).not.toHaveAttribute('data-island-live');
  // And it still goes live when reached.
  await tester(page, id).evaluate((element) => element.scrollIntoView({ block: 'center' }));
  await expect(shell).toHaveAttribute('data-island-live', '');
  expect(problems()).toEqual([]);
});

test('a reference section in view stays as served until touched; touched, it leaves its tester far below a shell', async ({ page }) => {
  const problems = watchConsole(page);
  const scripts = scriptsOf(page);
  const code = (name: string) => new RegExp(`/${name}\\.[0-9a-f]+\\.js$`);
  await gotoHydrated(page, CREATE_PLAYER);
  await page.waitForLoadState('networkidle');
  const section = island(page, 'reference:create-cloud-player');
  await expect(section).toBeInViewport();
  // Complete as served: loading it for being in view only cost a long render at every page load.
  await expect(section).not.toHaveAttribute('data-island-live');
  expect(scripts().filter((path) => code('reference').test(path))).toEqual([]);
  await section.locator('p').first().hover();
  await expect(section).toHaveAttribute('data-island-live', '');
  const top = await island(page, 'tester:create-cloud-player').evaluate((element) => element.getBoundingClientRect().top / window.innerHeight);
  expect(top, 'the first tester lies more than two viewports down').toBeGreaterThan(2.2);
  // The section's tester form has a radio group (sandbox or live); its copy must not have looked like a choice.
  await page.waitForLoadState('networkidle');
  await expect(island(page, 'tester:create-cloud-player')).not.toHaveAttribute('data-island-live');
  expect(scripts().filter((path) => code('tester').test(path))).toEqual([]);
  await expect(tester(page, 'create-cloud-player').getByRole('radio', { checked: true })).toHaveCount(1);
  await tester(page, 'create-cloud-player').scrollIntoViewIfNeeded();
  await expect(island(page, 'tester:create-cloud-player')).toHaveAttribute('data-island-live', '');
  expect(scripts().filter((path) => code('tester').test(path))).toHaveLength(1);
  expect(problems()).toEqual([]);
});

test("a section's tester coming near loads the section, then the tester, without a touch", async ({ page }) => {
  const scripts = scriptsOf(page);
  await gotoHydrated(page, CREATE_PLAYER);
  await page.waitForLoadState('networkidle');
  const far = island(page, 'reference:create-cloud-player');
  await expect(far).not.toHaveAttribute('data-island-live');
  // Scrolling, not a pointer: the mouse stays where it is.
  await page.evaluate(() => document.querySelector('[data-island="tester:create-cloud-player"]')!.scrollIntoView({ block: 'center' }));
  await expect(far).toHaveAttribute('data-island-live', '');
  await expect(island(page, 'tester:create-cloud-player')).toHaveAttribute('data-island-live', '');
  expect(scripts().filter((path) => /\/reference\.[0-9a-f]+\.js$/.test(path))).toHaveLength(1);
});

test('a link to the endpoint heading inside a reference section loads that section at once', async ({ page }) => {
  const problems = watchConsole(page);
  await gotoHydrated(page, `${MEDIA_PULL}/delete-cloud-player#delete-cloud-player-endpoint`);
  await expect(island(page, 'reference:delete-cloud-player')).toHaveAttribute('data-island-live', '');
  await expect(page.locator('#delete-cloud-player-endpoint')).toBeInViewport();
  expect(problems()).toEqual([]);
});

test("a share link to a reference tester opens it at once with the link's values, and it sends; one made when the family was one page leads there", async ({ page }) => {
  test.setTimeout(60_000);
  const problems = watchConsole(page);
  const payload = Buffer.from(JSON.stringify({ o: 'delete-cloud-player', s: '', p: { id: 'deeplinkedplayer' } })).toString('base64url');
  // Share links used to name the family's page; it sends them on to the operation's page, hash and all.
  await gotoHydrated(page, `${MEDIA_PULL}#try=1.${payload}`);
  await expect(page).toHaveURL(`${MEDIA_PULL}/delete-cloud-player#try=1.${payload}`);
  const section = tester(page, 'delete-cloud-player');
  await expect(island(page, 'tester:delete-cloud-player')).toHaveAttribute('data-island-live', '');
  await expect(section.getByLabel('id', { exact: true })).toHaveValue('deeplinkedplayer');
  await expect(section).toBeInViewport();
  await section.getByRole('button', { name: 'Send request' }).click();
  await expect(status(section)).toHaveText(/^\d{3} /, { timeout: 20_000 });
  expect(problems()).toEqual([]);
});

test('a page without testers or references fetches no tester or reference code', async ({ page }) => {
  const scripts = scriptsOf(page);
  await gotoHydrated(page, '/docs/webhooks');
  await page.waitForLoadState('networkidle');
  expect(scripts().filter((path) => /\/(tester|reference|op-[a-z0-9-]+)\.[0-9a-f]+\.js$/.test(path))).toEqual([]);
});

test('the server writes each island in place: the reference text follows its heading in the HTML, with no script to move it', async ({ request }) => {
  const html = await (await request.get(CREATE_PLAYER)).text();
  // React 19 outlines a large finished Suspense boundary (a hidden <div> at the end and an inline $RC script):
  // the search index, which reads the siblings after each heading, would lose the reference text.
  expect(html).not.toMatch(/<template id="B:|\$RC\(/);
  const section = html.indexOf('data-island="reference:create-cloud-player"');
  expect(section).toBeGreaterThan(-1);
  expect(html.indexOf('id="create-cloud-player-endpoint"')).toBeGreaterThan(section);
  expect(html.indexOf('data-island="tester:create-cloud-player"')).toBeGreaterThan(section);
});

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
]) {
  test(`at ${viewport.width}px a tester live, with this browser's sandbox project, is as tall as its served shell: the page does not jump`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await gotoHydrated(page, GUIDE);
    await page.waitForLoadState('networkidle');
    // Measured all at once while they are all shells (going near one wakes its neighbours too).
    const far = await farTesters(page);
    const served = new Map<string, number>();
    for (const id of far) {
      const wrapper = island(page, `tester:${id}`);
      await expect(wrapper).not.toHaveAttribute('data-island-live');
      served.set(id, await wrapper.evaluate((element) => Math.round(element.getBoundingClientRect().height)));
    }
    expect(far.length).toBeGreaterThan(1);
    for (const id of far) {
      const wrapper = island(page, `tester:${id}`);
      await tester(page, id).evaluate((element) => element.scrollIntoView({ block: 'center' }));
      await expect(wrapper).toHaveAttribute('data-island-live', '');
      // The project line is the part the server cannot know: it arrives after the tester is live.
      await expect(tester(page, id).locator('[data-project-app-id]')).toHaveText(/^[0-9a-f]{32}$/);
      const live = await wrapper.evaluate((element) => Math.round(element.getBoundingClientRect().height));
      expect(Math.abs(live - served.get(id)!), `${id}: served ${served.get(id)} px, live ${live} px`).toBeLessThanOrEqual(1);
    }
  });
}
