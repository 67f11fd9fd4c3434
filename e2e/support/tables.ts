import type { Page } from '@playwright/test';

/**
 * Brings every table's box near the viewport once, as a reader scrolling the whole page does, then goes back
 * to the top. A table far from the viewport is not laid out (`content-visibility: auto`, src/components/
 * ScrollRegion), so whether it is wider than its column, and needs a tab stop, is measured when it comes near.
 * axe lays such a table out for its own checks (reading the positions inside it), which no reader's browser does
 * while the table is off screen; it would then find a scrollable box that has not been measured yet. A page
 * scan runs after this, so every box has had its measurement, and a box left unmarked is a real failure.
 */
export async function bringEveryTableNear(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
    for (const region of Array.from(document.querySelectorAll('[data-scroll-region]'))) {
      region.scrollIntoView({ block: 'center' });
      // The browser decides in the next frame that the table is near, and tells the box (which measures then).
      await frame();
      await frame();
    }
    window.scrollTo(0, 0);
    await frame();
    await frame();
  });
  // Islands that came near on the way load their code: let them settle before a scan.
  await page.waitForLoadState('networkidle');
}
