import { expect, test, type Locator, type Page } from '@playwright/test';
import { gotoHydrated, watchConsole } from './support/console';
import { layOutEveryTable } from './support/tables';
import { MEDIA_PULL_SECTIONS, loadGuideSeed, plainText } from './support/seeds';

const GUIDE = '/docs/video-calling/rest-api-guide';
const MEDIA_PULL = '/docs/media-pull/best-practices';
/**
 * The first search on a page waits for the site's index (2.5 MB of JSON) to be fetched and built in a worker:
 * about a second alone, 8 s and more while the suite's other workers share two cores (a CI run timed out at
 * 10 s once). The first hits on a page get this long; the tests that wait for them are marked slow.
 */
const FIRST_HITS = { timeout: 30_000 };

const PAGES = [
  { name: 'home', path: '/' },
  { name: 'guide', path: GUIDE },
  { name: 'media pull', path: MEDIA_PULL },
  { name: 'reference', path: '/docs/reference' },
  { name: 'sandbox', path: '/docs/sandbox' },
  { name: 'sdk page', path: '/docs/sdk-documentation/video-calling-sdk-guide' },
];

const seed = loadGuideSeed();
const guideHeadings = seed.headings;

/** Whitespace-insensitive text, so line wrapping and table layout do not matter. */
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * The article's text as rendered, tables included: `innerText` leaves out a table the browser has not laid out
 * (far from the viewport), and these tests are about the words on the page.
 */
async function articleText(page: Page): Promise<string> {
  await layOutEveryTable(page);
  return page.locator('article').innerText();
}

/** Rows of the body of the table whose header row holds `headerText`. */
function tableRows(page: Page, headerText: string): Locator {
  return page.locator('article table').filter({ has: page.locator('thead th', { hasText: headerText }) }).locator('tbody tr');
}

/** Holds back every script the page asks for from now on, until the returned function is called. */
async function holdScripts(page: Page): Promise<() => void> {
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(/\.js(\?|$)/, async (route) => {
    await held;
    await route.continue();
  });
  return () => release();
}

test.use({ colorScheme: 'light' });

test.describe('every page', () => {
  for (const { name, path } of PAGES) {
    test(`${name} (${path}) hydrates with no console error or warning`, async ({ page }) => {
      const problems = watchConsole(page);
      await gotoHydrated(page, path);
      await expect(page.locator('main, [role="main"]').first()).toBeVisible();
      // Late errors (lazy chunks, effects) surface once the network settles.
      await page.waitForLoadState('networkidle');
      expect(problems(), `console problems on ${path}`).toEqual([]);
    });
  }
});

test.describe('Video Calling REST API guide', () => {
  test.beforeEach(async ({ page }) => {
    await gotoHydrated(page, GUIDE);
  });

  test('the table of contents lists every h2/h3 heading of the seed, in order', async ({ page }) => {
    const expected = guideHeadings.filter((h) => h.level === 2 || h.level === 3).map((h) => h.text);
    expect(expected.length).toBeGreaterThan(10);
    const toc = (await page.locator('.theme-doc-toc-desktop a.table-of-contents__link').allInnerTexts()).map(squash);
    expect(toc.filter((text) => expected.includes(text))).toEqual(expected);
  });

  test('every seed heading is a real heading of the page at its level', async ({ page }) => {
    for (const { level, text } of guideHeadings) {
      await expect(page.locator(`article h${level}`, { hasText: text }).first(), `h${level} "${text}"`).toBeVisible();
    }
  });

  test('"Common API operations" is an h2 outside any code block', async ({ page }) => {
    const heading = page.locator('article h2', { hasText: 'Common API operations' });
    await expect(heading).toHaveCount(1);
    expect(await heading.evaluate((el) => el.closest('pre, code') === null)).toBe(true);
    await expect(page.locator('article pre', { hasText: 'Common API operations' })).toHaveCount(0);
    // The Response example is a closed JSON block of its own.
    const nextBlock = page.locator('article h3#response + *');
    await expect(nextBlock.locator('pre')).toContainText('"resourceId"');
    await expect(nextBlock.locator('pre')).not.toContainText('Get channel information');
  });

  test('seed prose and code examples are all on the page', async ({ page }) => {
    const article = squash(await articleText(page));
    for (const line of seed.prose) expect(article, 'seed sentence missing').toContain(squash(line));
    const blocks = (await page.locator('article pre').allTextContents()).map((t) => t.replace(/\s+/g, ''));
    for (const code of seed.codeBlocks) {
      expect(blocks, `code block starting "${code.split('\n')[0]}"`).toContain(code.replace(/\s+/g, ''));
    }
    await expect(page.locator('.theme-admonition-warning')).toContainText('Security note');
  });

  test('the SDK documentation link resolves to the SDK page', async ({ page }) => {
    await page.locator('article a', { hasText: 'SDK Documentation' }).click();
    await expect(page).toHaveURL(/\/docs\/sdk-documentation\/video-calling-sdk-guide$/);
    await expect(page.locator('article h1')).toHaveText('Video Calling SDK documentation');
  });
});

test.describe('Media Pull best practices', () => {
  test.beforeEach(async ({ page }) => {
    await gotoHydrated(page, MEDIA_PULL);
  });

  test('every section of the seed is a heading in the table of contents', async ({ page }) => {
    await expect(page.locator('article h1')).toHaveText('Best practice integrating Media Pull');
    const toc = (await page.locator('.theme-doc-toc-desktop a.table-of-contents__link').allInnerTexts()).map(squash);
    expect(toc.filter((text) => MEDIA_PULL_SECTIONS.includes(text))).toEqual(MEDIA_PULL_SECTIONS);
    await expect(page.getByText('Skip to main content', { exact: true })).toHaveCount(1); // the theme's own skip link only
    await expect(page.locator('article')).not.toContainText('You are viewing Agora Docs');
  });

  test('QPS table: create, delete and list', async ({ page }) => {
    const rows = tableRows(page, 'QPS limit');
    await expect(rows).toHaveCount(3);
    await expect(rows.nth(0)).toContainText('Creating cloud players with names is limited to 2 queries per second.');
    await expect(rows.nth(1)).toContainText('Deleting cloud players is limited to 100 queries per second.');
    await expect(rows.nth(2)).toContainText('2 times per second and 15 times per minute');
  });

  test('domain name table: every region under both domain families', async ({ page }) => {
    const rows = tableRows(page, 'Region domain name');
    await expect(rows).toHaveCount(16);
    // Read as a reader does, with the table in view: until it comes near it is not laid out, and has no innerText.
    // The browser lays it out in the frame after the scroll, so the reading waits for that, not for a fixed time.
    await rows.first().scrollIntoViewIfNeeded();
    await expect.poll(async () => (await rows.first().innerText()).trim()).not.toBe('');
    const text = await rows.allInnerTexts();
    const regions = ['us-west-1', 'us-east-1', 'ap-southeast-1', 'ap-northeast-1', 'eu-west-1', 'eu-central-1', 'cn-east-1', 'cn-north-1'];
    for (const family of ['agora.io', 'sd-rtn.com']) {
      for (const region of regions) {
        expect(text.some((row) => row.includes(`api-${region}.${family}`)), `api-${region}.${family}`).toBe(true);
      }
    }
  });

  test('domain switch steps name the restored domains', async ({ page }) => {
    const article = squash(await articleText(page));
    expect(article).toContain('other than mainland China, set the primary domain name to api.agora.io.');
    expect(article).toContain('in mainland China, set the primary domain name to api.sd-rtn.com.');
    expect(article).toContain('If the current primary domain name is api.sd-rtn.com, use api.agora.io as the alternate domain name.');
    expect(article).toContain('If the current primary domain name is api.agora.io, use api.sd-rtn.com as the alternate domain name.');
    expect(article).toContain('Germany is located in central Europe (api-eu-central-1.agora.io)');
    expect(article).toContain('Use the api-eu-west-1.agora.io or api-eu-west-1.sd-rtn.com domain name to retry.');
  });

  test('troubleshooting table: one row per status code', async ({ page }) => {
    const rows = tableRows(page, 'Measures to take');
    await expect(rows).toHaveCount(10);
    // In view, as a reader reads it; laid out in the frame after the scroll (see the domain name table above).
    await rows.first().scrollIntoViewIfNeeded();
    const codes = async () => (await rows.locator('td:first-child').allInnerTexts()).map((t) => t.trim().slice(0, 3));
    await expect.poll(codes).toEqual(['400', '401', '403', '404', '409', '429', '500', '502', '503', '504']);
  });

  test('integration checklist table: eight items', async ({ page }) => {
    const rows = tableRows(page, 'Required or optional');
    await expect(rows).toHaveCount(8);
    await expect(rows.filter({ hasText: 'Idle timeout' })).toContainText('idleTimeout');
  });
});

test("search for a cloud player's idleTimeout finds the Media Pull page", async ({ page }) => {
  test.slow();
  await gotoHydrated(page, '/');
  const input = page.locator('input.navbar__search-input');
  // idleTimeout alone is a parameter of Media Pull, Media Push and Cloud Transcoding, whose
  // pages fill the list; a reader names the product too.
  await input.fill('idleTimeout cloud player');
  // Other pages (the reference) may rank first; the best-practice page must be among the hits.
  const hit = page.locator('[role="option"]', { hasText: 'Best practice integrating Media Pull' }).first();
  await expect(hit).toBeVisible(FIRST_HITS);
  await hit.click();
  await expect(page).toHaveURL(new RegExp(`${MEDIA_PULL}(\\?|#|$)`));
  await expect(page.locator('article h1')).toHaveText('Best practice integrating Media Pull');
});

test('the search box costs nothing until used: Ctrl+K loads it, and what was typed meanwhile is kept', async ({ page }) => {
  test.slow();
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(request.url());
  });
  await gotoHydrated(page, GUIDE);
  await page.waitForLoadState('networkidle');
  const before = scripts.length;
  const input = page.locator('input.navbar__search-input');
  await expect(input).toBeVisible();
  await expect(input).toHaveAttribute('placeholder', 'Search');
  // Nothing of the search engine came with the page.
  expect(scripts.length).toBe(before);
  // The engine's code is held back until part of the query is typed, so it arrives mid-word: what was typed before
  // it came and what is typed while it takes over must both be kept (the real box once wiped the first part).
  const release = await holdScripts(page);
  await page.keyboard.press('Control+k');
  await expect(input).toBeFocused();
  await page.keyboard.type('cloud');
  await expect(input).toHaveValue('cloud');
  expect(scripts.length, 'the search engine is asked for on the shortcut').toBeGreaterThan(before);
  release();
  await page.keyboard.type(' player', { delay: 40 });
  await expect(input).toHaveValue('cloud player');
  await expect(page.locator('[role="option"]').first()).toBeVisible(FIRST_HITS);
  await expect(input).toBeFocused();
  // Still so once the real box has settled: nothing it does after taking over clears the reader's query.
  await page.waitForLoadState('networkidle');
  await expect(page.locator('input.navbar__search-input')).toHaveCount(1);
  await expect(input).toHaveValue('cloud player');
});

test('the search box keeps a query typed in full before its code arrived, and searches it', async ({ page }) => {
  test.slow();
  await gotoHydrated(page, GUIDE);
  await page.waitForLoadState('networkidle');
  const release = await holdScripts(page);
  const input = page.locator('input.navbar__search-input');
  await input.click();
  await input.fill('recording');
  release();
  await expect(page.locator('[role="option"]').first()).toBeVisible(FIRST_HITS);
  await expect(input).toHaveValue('recording');
  await expect(input).toBeFocused();
});

test('each search hit says where its page sits in the sidebar, each label once', async ({ page }) => {
  test.slow();
  await gotoHydrated(page, GUIDE);
  const input = page.locator('input.navbar__search-input');
  await input.click();
  // The click loads the real box; typing across the swap is the tests above. Here: once it has taken over (the
  // real box is there and the stand-in gone; right after the click the stand-in alone also counts one).
  await expect(page.locator('input.navbar__search-input:not([data-search-stand-in])')).toHaveCount(1);
  await expect(input).toHaveCount(1);
  await input.fill('acquire');
  const paths = page.locator('[role="option"] [class*="hitPath"]');
  await expect(paths.first()).toBeVisible(FIRST_HITS);
  const texts = (await paths.allTextContents()).map((text) => text.trim());
  // Reference pages sit in the "API reference" category, which the navbar item of the same name used to repeat.
  expect(texts.some((text) => text.startsWith('API reference › Cloud Recording'))).toBe(true);
  for (const text of texts) expect(text).not.toMatch(/API reference › API reference|Media Pull › Guides|Guide › Guides/);
  // A guide's hits name its category, not the navbar shortcut that happens to point at it.
  await input.fill('idleTimeout cloud player');
  await expect(page.locator('[role="option"] [class*="hitPath"]', { hasText: /^Guides › Best practice integrating Media Pull/ }).first()).toBeVisible();
});

test('a page opened from a search hit marks the searched words', async ({ page }) => {
  await gotoHydrated(page, `${MEDIA_PULL}?_highlight=idleTimeout`);
  await expect(page.locator('article mark', { hasText: 'idleTimeout' }).first()).toBeVisible();
  await expect(page.locator('input.navbar__search-input')).toHaveValue('idleTimeout');
});

test('the navbar marks the part of the site a page is in, and moves the mark on a client-side navigation (its items are memoised: src/theme/NavbarItem)', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await gotoHydrated(page, GUIDE);
  const marked = page.locator('.navbar .navbar__link--active');
  await expect(marked).toHaveText(['Guide']);
  await page.locator('.navbar').getByRole('link', { name: 'API reference', exact: true }).click();
  await expect(page).toHaveURL(/\/docs\/reference$/);
  await expect(marked).toHaveText(['API reference']);
});

test('dark mode toggles', async ({ page }) => {
  await gotoHydrated(page, '/');
  const html = page.locator('html');
  const toggle = page.getByRole('button', { name: /dark and light mode/i });
  await expect(html).toHaveAttribute('data-theme', 'light');
  // The toggle cycles system -> light -> dark (the site respects the OS preference),
  // so reaching dark from the default takes at most two clicks.
  for (let clicks = 0; clicks < 2 && (await html.getAttribute('data-theme')) !== 'dark'; clicks += 1) {
    await toggle.click();
  }
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect(toggle).toHaveAccessibleName(/currently dark mode/);
  // The choice survives a reload (stored by the theme, not just in memory).
  await page.reload();
  await expect(html).toHaveAttribute('data-theme', 'dark');
});

test.describe('mobile (390 px)', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  for (const path of ['/', GUIDE, MEDIA_PULL]) {
    test(`${path}: navbar collapses to the menu button, no horizontal overflow`, async ({ page }) => {
      await gotoHydrated(page, path);
      await expect(page.getByRole('button', { name: /toggle navigation bar/i })).toBeVisible();
      await expect(page.locator('.navbar__items a.navbar__link', { hasText: 'Media Pull' }).first()).toBeHidden();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, 'page is wider than the viewport').toBeLessThanOrEqual(0);
    });
  }

  test('a table wider than the phone scrolls inside its own box, which the keyboard can reach', async ({ page }) => {
    await gotoHydrated(page, MEDIA_PULL);
    const table = page.locator('article table').filter({ has: page.locator('th', { hasText: 'Measures to take' }) });
    await expect(table).toBeVisible();
    // A table is laid out, and so measured, when it comes near the viewport (content-visibility: auto).
    await table.scrollIntoViewIfNeeded();
    // Whichever element scrolls (the table or a wrapper), it must be a focusable, named region.
    await expect
      .poll(() =>
        table.evaluate((el: HTMLElement) => {
          for (let box: HTMLElement | null = el; box && box.tagName !== 'ARTICLE'; box = box.parentElement) {
            if (box.scrollWidth > box.clientWidth + 1 && getComputedStyle(box).overflowX !== 'visible') {
              return { tabIndex: box.tabIndex, role: box.getAttribute('role'), named: !!box.getAttribute('aria-label') };
            }
          }
          return null;
        }),
      )
      .toEqual({ tabIndex: 0, role: 'region', named: true });
  });

  test('the menu opens and reaches Media Pull', async ({ page }) => {
    await gotoHydrated(page, '/');
    await page.getByRole('button', { name: /toggle navigation bar/i }).click();
    await page.locator('.navbar-sidebar').getByRole('link', { name: 'Media Pull', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`${MEDIA_PULL}$`));
  });

  test("on a docs page the menu is the docs sidebar, marks the page, and closes once a page is chosen", async ({ page }) => {
    await gotoHydrated(page, MEDIA_PULL);
    await page.getByRole('button', { name: /toggle navigation bar/i }).click();
    const menu = page.locator('.navbar-sidebar');
    await expect(menu.getByRole('link', { name: 'Media Pull best practices' })).toHaveAttribute('aria-current', 'page');
    await menu.getByRole('link', { name: 'Video Calling REST API guide' }).click();
    await expect(page).toHaveURL(new RegExp(`${GUIDE}$`));
    await expect(menu.getByRole('link', { name: 'Video Calling REST API guide' })).toBeHidden();
  });
});

test('plain-text helper strips Markdown the way the page renders it', () => {
  expect(plainText('**Base URL**: `https://api.agora.io/v1/`')).toBe('Base URL: https://api.agora.io/v1/');
  expect(plainText('[Agora Console](https://console.agora.io) - Get')).toBe('Agora Console - Get');
});
