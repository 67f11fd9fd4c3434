import type { Page } from '@playwright/test';

/**
 * Lays out and draws every table of the page. A table far from the viewport is not laid out or drawn
 * (`content-visibility: auto`, src/components/ScrollRegion) until it comes near, and two kinds of reading need it
 * as a reader sees any table they look at: `innerText` leaves out what is not laid out, and axe reads positions
 * inside such a table (laying it out for the reading, though nothing of it is drawn) and hit-tests there: it
 * reported a scrollable box not yet measured, and a cell's text against the footer's background. Whether a wide
 * table far down the page gets its tab stop when it comes near is checked on its own (`e2e/reference.spec.ts`,
 * "a table far down the page waits"); here a wide table without one would fail the scan, not pass it.
 */
export async function layOutEveryTable(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
    for (const region of Array.from(document.querySelectorAll<HTMLElement>('[data-scroll-region]'))) {
      region.style.contentVisibility = 'visible';
    }
    await frame();
    await frame();
  });
}
