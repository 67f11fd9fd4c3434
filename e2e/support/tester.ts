import type { Locator, Page } from '@playwright/test';

/** The tester of one catalog operation on the page. */
export function tester(page: Page, endpoint: string): Locator {
  return page.locator(`section[data-endpoint="${endpoint}"]`);
}

/** The announced status line of a tester's response panel. */
export function status(section: Locator): Locator {
  return section.locator('[data-phase]');
}
