import { expect, type Locator, type Page } from '@playwright/test';

/** The tester of one catalog operation on the page. */
export function tester(page: Page, endpoint: string): Locator {
  return page.locator(`section[data-endpoint="${endpoint}"]`);
}

/** The announced status line of a tester's response panel. */
export function status(section: Locator): Locator {
  return section.locator('[data-phase]');
}

/**
 * The tester of `endpoint`, scrolled into view and live. Testers are islands (src/components/Island): until a
 * reader comes near one, it is the server's HTML, without what only the browser shows (this browser's sandbox
 * project, chained ids from answers elsewhere on the page).
 */
export async function liveTester(page: Page, endpoint: string): Promise<Locator> {
  // A tester inside a reference section is replaced as a whole when the section goes live: retry until the
  // island in view is the live one.
  const island = page.locator(`[data-island="tester:${endpoint}"]`);
  await expect(async () => {
    await island.scrollIntoViewIfNeeded({ timeout: 2000 });
    await expect(island).toHaveAttribute('data-island-live', '', { timeout: 2000 });
  }).toPass({ timeout: 20_000 });
  return tester(page, endpoint);
}
