// Code blocks carry both colour modes in their served HTML (src/codeTheme): an
// island's code (a reference section, a tester) is right in dark mode before it
// loads, and no code block is rendered a second time after hydration.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { gotoHydrated, watchConsole } from './support/console';

const GUIDE = '/docs/video-calling/rest-api-guide';
// The section comes first, its tester far below: the section stays as served until touched.
const REFERENCE = '/docs/reference/media-pull/create-cloud-player';

/** The two themes' block backgrounds (GitHub's and Dracula's, src/codeTheme). */
const BACKGROUND = { light: 'rgb(246, 248, 250)', dark: 'rgb(40, 42, 54)' };

test.use({ viewport: { width: 1280, height: 800 } });

/** The computed colours of a code block: its background, and each distinct token colour in order of appearance. */
function colours(block: Locator) {
  return block.evaluate((element) => {
    const pre = element.querySelector('pre')!;
    const tokens = Array.from(element.querySelectorAll<HTMLElement>('.token-line span')).map((span) => `${getComputedStyle(span).color} ${getComputedStyle(span).fontStyle}`);
    return { background: getComputedStyle(pre).backgroundColor, tokens: [...new Set(tokens)] };
  });
}

/** The first reference section on the page that has not loaded, and its first code block. */
async function servedSection(page: Page): Promise<{ section: Locator; block: Locator }> {
  const first = page.locator('[data-island^="reference:"]:not([data-island-live])').first();
  await expect(first).toBeAttached();
  // Held by name: once live, the section no longer matches the selector above.
  const section = page.locator(`[data-island="${await first.getAttribute('data-island')}"]`);
  return { section, block: section.locator('.theme-code-block').first() };
}

for (const mode of ['light', 'dark'] as const) {
  test(`${mode} mode: a reference section's code is in ${mode} colours before it loads, and the same once it has`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: mode });
    const problems = watchConsole(page);
    await gotoHydrated(page, REFERENCE);
    await expect(page.locator('html')).toHaveAttribute('data-theme', mode);
    const { section, block } = await servedSection(page);
    await block.scrollIntoViewIfNeeded();
    const served = await colours(block);
    expect(served.background).toBe(BACKGROUND[mode]);
    // Several token colours: the code is highlighted, not only given a background.
    expect(served.tokens.length).toBeGreaterThan(2);
    await expect(section).not.toHaveAttribute('data-island-live');

    // Touching the section loads it; its live code block looks exactly as the served one did.
    await block.hover();
    await expect(section).toHaveAttribute('data-island-live', '');
    expect(await colours(section.locator('.theme-code-block').first())).toEqual(served);
    expect(problems()).toEqual([]);
  });
}

test('switching the colour mode recolours code that has not loaded, without loading it', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await gotoHydrated(page, REFERENCE);
  const { section, block } = await servedSection(page);
  const light = await colours(block);
  expect(light.background).toBe(BACKGROUND.light);
  const html = page.locator('html');
  const toggle = page.getByRole('button', { name: /dark and light mode/i });
  for (let clicks = 0; clicks < 2 && (await html.getAttribute('data-theme')) !== 'dark'; clicks += 1) await toggle.click();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  const dark = await colours(block);
  expect(dark.background).toBe(BACKGROUND.dark);
  expect(dark.tokens).not.toEqual(light.tokens);
  await expect(section).not.toHaveAttribute('data-island-live');
});

test('code blocks are hydrated where they stand: none is removed and drawn again after load', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.addInitScript(() => {
    const removed: string[] = [];
    (window as unknown as { removedCode: string[] }).removedCode = removed;
    new MutationObserver((records) => {
      for (const record of records) {
        // An island swapping its served HTML for its live component is another matter (islands.spec.ts).
        if (record.target instanceof Element && record.target.closest('[data-island]')) continue;
        for (const node of Array.from(record.removedNodes))
          if (node instanceof Element && (node.matches('.theme-code-block') || node.querySelector('.theme-code-block'))) removed.push(node.outerHTML.slice(0, 80));
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await gotoHydrated(page, GUIDE);
  await page.waitForLoadState('networkidle');
  const blocks = page.locator('article .markdown > .theme-code-block');
  expect(await blocks.count()).toBeGreaterThan(3);
  // Served in both modes' colours, so there is nothing to redraw for dark mode either.
  expect((await colours(blocks.first())).background).toBe(BACKGROUND.dark);
  expect(await page.evaluate(() => (window as unknown as { removedCode: string[] }).removedCode)).toEqual([]);
});

test('a block whose lines scroll sideways offers word wrap (src/theme/CodeBlock/wordWrap.ts), which wraps them and unwraps them', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await gotoHydrated(page, GUIDE);
  // The first block in the guide's text wider than the phone's column.
  const blocks = page.locator('article .markdown > .theme-code-block');
  const index = await blocks.evaluateAll((all) => all.findIndex((block) => { const pre = block.querySelector('pre')!; return pre.scrollWidth > pre.clientWidth; }));
  expect(index).toBeGreaterThanOrEqual(0);
  const block = blocks.nth(index);
  const pre = block.locator('pre');
  await block.scrollIntoViewIfNeeded();
  await block.hover();
  const wrap = block.getByRole('button', { name: /word wrap/i });
  await expect(wrap).toBeVisible();
  await wrap.click();
  await expect.poll(() => pre.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
  await expect(block.locator('code')).toHaveCSS('white-space', 'pre-wrap');
  // Wrapped, the lines fit, and the button stays to unwrap them.
  await wrap.click();
  await expect.poll(() => pre.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
  await expect(wrap).toBeAttached();
});

/** The prism-lines chunk (src/theme/CodeBlock/Content/lines.ts) as the page fetched it: how, if at all. */
function prismLinesFetches(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((entry) => /\/prism-lines[.-][^/]*\.js$/.test(new URL(entry.name).pathname))
      .map((entry) => (entry as PerformanceResourceTiming).initiatorType),
  );
}

test('served code blocks are kept as served: no Prism runs on a page that only shows them (src/plugins/lazy-prism)', async ({ page }) => {
  const problems = watchConsole(page);
  // The Webhooks page: 17 code blocks (4 of them in tabs), no tester, no reference section.
  await gotoHydrated(page, '/docs/webhooks');
  await page.waitForLoadState('networkidle');
  const blocks = page.locator('article .markdown .theme-code-block');
  expect(await blocks.count()).toBeGreaterThan(2);
  expect((await colours(blocks.first())).tokens.length).toBeGreaterThan(2);
  // The receivers' files sit in tabs, which the theme mounts again after hydration: they take their served twins'
  // lines, highlighted.
  const tabbed = page.locator('article [role=tabpanel] .theme-code-block');
  expect(await tabbed.count()).toBeGreaterThan(1);
  // Highlighted: Prism's tokens, not the plain text shown while its chunk would be on the way.
  for (const block of await tabbed.all()) expect(await block.locator('code .token:not(.plain)').count()).toBeGreaterThan(0);
  // Prefetched for later (a client-side navigation), never run as a script.
  expect(await prismLinesFetches(page)).toEqual(['link']);
  // Each <pre> keeps its served lines, and what React holds for it is what the server rendered (the theme's own
  // classes and colours), so no later update of the block can change them by mistake.
  const mismatches = await blocks.evaluateAll((all) =>
    all.flatMap((block, index) => {
      const pre = block.querySelector('pre')!;
      const key = Object.keys(pre).find((name) => name.startsWith('__reactProps$'));
      const props = key ? (pre as unknown as Record<string, { className?: string; style?: Record<string, string>; tabIndex?: number; dangerouslySetInnerHTML?: unknown }>)[key] : undefined;
      if (!props) return [`block ${index}: not hydrated`];
      const problems: string[] = [];
      if (!props.dangerouslySetInnerHTML) problems.push(`block ${index}: its lines were built by React, not kept`);
      if (props.className !== pre.getAttribute('class')) problems.push(`block ${index}: class ${props.className} ≠ served ${pre.getAttribute('class')}`);
      const probe = document.createElement('pre');
      Object.assign(probe.style, props.style);
      if (probe.style.cssText !== pre.style.cssText) problems.push(`block ${index}: style ${probe.style.cssText} ≠ served ${pre.style.cssText}`);
      if (String(props.tabIndex) !== pre.getAttribute('tabindex')) problems.push(`block ${index}: tabindex`);
      return problems;
    }),
  );
  expect(mismatches).toEqual([]);
  expect(problems()).toEqual([]);
});

test('a client-side navigation to a page with code highlights its blocks', async ({ page }) => {
  const problems = watchConsole(page);
  // A page with no code of its own to hydrate, and no tester.
  await gotoHydrated(page, '/docs/media-pull/best-practices');
  // The sidebar link: the router renders the Webhooks page in this one, so its blocks are drawn in the browser, not served.
  await page.locator('.theme-doc-sidebar-menu').getByRole('link', { name: 'Webhooks (notifications)', exact: true }).click();
  await expect(page).toHaveURL(/\/docs\/webhooks$/);
  const block = page.locator('article .markdown .theme-code-block').first();
  await expect.poll(async () => (await colours(block)).tokens.length).toBeGreaterThan(2);
  expect(await prismLinesFetches(page)).toContain('script');
  expect(problems()).toEqual([]);
});

/** Scripts the page ran that carry the theme's Prism: prism-react-renderer's bundled grammars (Objective-C among them). */
function watchThemePrismScripts(page: Page): () => Promise<string[]> {
  const bodies: Array<Promise<string | undefined>> = [];
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    bodies.push(response.text().then((text) => (text.includes('languages.objectivec') ? new URL(response.url()).pathname : undefined), () => undefined));
  });
  return async () => (await Promise.all(bodies)).filter((path): path is string => path !== undefined);
}

test('a tester live at page load highlights its code with its own Prism (src/codeTheme/lean); the theme’s Prism still highlights bash after a navigation', async ({ page }) => {
  const problems = watchConsole(page);
  const themePrismScripts = watchThemePrismScripts(page);
  await page.setViewportSize({ width: 412, height: 823 });
  // The Conversational AI guide: its first tester is less than a screen below the fold, so it goes live at load.
  await gotoHydrated(page, '/docs/conversational-ai/agent-lifecycle');
  const tester = page.locator('[data-island="tester:start-agent"][data-island-live]');
  await expect(tester).toBeAttached();
  await page.waitForLoadState('networkidle');
  const snippet = tester.locator('pre[aria-label="cURL snippet"]');
  // Several colours: tokens styled by the site's theme (colours() reads the <pre> inside the code view).
  await expect.poll(async () => (await colours(snippet.locator('xpath=..'))).tokens.length).toBeGreaterThan(2);
  // Edited, the snippet is highlighted again in the browser (the served HTML no longer applies).
  const channel = tester.getByLabel('channel', { exact: true });
  await channel.fill('lean-prism-check');
  await expect(snippet).toContainText('lean-prism-check');
  expect(await snippet.locator('.token.string', { hasText: 'lean-prism-check' }).count()).toBeGreaterThan(0);
  expect(await snippet.locator('.token.function', { hasText: 'curl' }).count()).toBe(1);
  expect(await themePrismScripts()).toEqual([]);
  expect(await prismLinesFetches(page)).toEqual(['link']);
  // The theme's Prism takes prismjs's bash file too: the testers' copy (`?lean`) must not stand in its way.
  // (Wide again, for the sidebar's link: a client-side navigation.)
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.locator('.theme-doc-sidebar-menu').getByRole('link', { name: 'Webhooks (notifications)', exact: true }).click();
  await expect(page).toHaveURL(/\/docs\/webhooks$/);
  const bash = page.locator('article .markdown .theme-code-block pre.language-bash').first();
  await expect.poll(async () => bash.locator('.token.function').count()).toBeGreaterThan(0);
  expect((await themePrismScripts()).length).toBeGreaterThan(0);
  expect(problems()).toEqual([]);
});
