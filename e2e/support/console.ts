import type { Page } from '@playwright/test';

/** Start recording console errors/warnings and uncaught page errors; read them with the returned function. */
export function watchConsole(page: Page): () => string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    const type = message.type();
    if (type === 'error' || type === 'warning') {
      const { url, lineNumber } = message.location();
      problems.push(`console.${type}: ${message.text()}${url ? ` (${url}:${lineNumber})` : ''}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  return () => [...problems];
}

/** Navigate and wait until React has hydrated the server-rendered page. */
export async function gotoHydrated(page: Page, path: string): Promise<void> {
  const response = await page.goto(path);
  if (!response || !response.ok()) {
    throw new Error(`GET ${path} answered ${response?.status() ?? 'nothing'}; is the production build being served?`);
  }
  // Docusaurus sets this attribute once the client has taken over the page.
  await page.locator('html[data-has-hydrated="true"]').waitFor({ state: 'attached' });
}
