import type { Page } from '@playwright/test';

/**
 * Lays out and draws every table of the page, as a reader sees any table they look at (for a scan, or to read
 * the page's text: `innerText` leaves out what is not laid out). Readies a page for an axe scan of its tables. A table far from the viewport is not laid
 * out or drawn (`content-visibility: auto`, src/components/ScrollRegion) until it comes near. axe reads positions
 * inside such a table (which lays it out for the reading, though nothing of it is drawn) and hit-tests there: it
 * reported a scrollable box that had not been measured yet, and a cell's text against the footer's background.
 * So every table is laid out and drawn for the scan, which is how a reader sees any table they look at. Whether a
 * wide table far down the page is measured and gets its tab stop when it comes near is checked on its own
 * (`e2e/reference.spec.ts`, "a table far down the page waits"); here a wide table would fail the scan, not pass it.
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
