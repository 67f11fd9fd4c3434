// Issue 12, problem 13: the API can be taken elsewhere. The navbar's OpenAPI
// menu and the reference pages offer a Postman collection (v2.1) with Sandbox
// and Live environments, served by the production server as JSON.
import { expect, test, type Page } from '@playwright/test';
import { gotoHydrated, watchConsole } from './support/console';
import { FAMILY_NAMES } from './support/pages';

const SCHEMA = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';

interface Environment {
  name: string;
  values: Array<{ key: string; value: string; type: string }>;
}

/** GET a download the way the browser follows its link; checks status and content type, returns the JSON. */
async function download(page: Page, href: string | null): Promise<unknown> {
  expect(href).toBeTruthy();
  const response = await page.request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/json; charset=utf-8');
  return response.json();
}

test.describe('Postman collection', () => {
  test.use({ viewport: { width: 1366, height: 900 } });

  test('the navbar offers the collection and both environments as valid downloads', async ({ page }) => {
    const problems = watchConsole(page);
    await gotoHydrated(page, '/docs/reference');
    const navbar = page.getByRole('navigation', { name: 'Main' });
    await navbar.getByRole('button', { name: 'OpenAPI', exact: true }).hover();
    const collectionLink = navbar.getByRole('link', { name: 'Postman collection' });
    await expect(collectionLink).toBeVisible();

    const collection = (await download(page, await collectionLink.getAttribute('href'))) as {
      info: { name: string; schema: string };
      auth: { type: string };
      item: Array<{ name: string; item: Array<{ name: string; request: { url: { raw: string } } }> }>;
    };
    expect(collection.info.schema).toBe(SCHEMA);
    expect(collection.auth.type).toBe('basic');
    expect(collection.item.map((folder) => folder.name)).toEqual(FAMILY_NAMES);
    expect(FAMILY_NAMES.slice(0, 4)).toEqual(['Guide examples', 'Cloud Recording', 'Channel management', 'Media Pull']);
    for (const folder of collection.item) {
      for (const request of folder.item) expect(request.request.url.raw.startsWith('{{baseUrl}}/')).toBe(true);
    }
    // Credentials are variables in the collection, never values.
    expect(JSON.stringify(collection)).not.toContain('demo-customer-secret');

    const sandboxLink = navbar.getByRole('link', { name: 'Postman Sandbox environment' });
    const liveLink = navbar.getByRole('link', { name: 'Postman Live environment' });
    await expect(sandboxLink).toBeVisible();
    await expect(liveLink).toBeVisible();
    const sandbox = (await download(page, await sandboxLink.getAttribute('href'))) as Environment;
    const live = (await download(page, await liveLink.getAttribute('href'))) as Environment;
    const value = (env: Environment, key: string) => env.values.find((v) => v.key === key)?.value;
    expect(value(sandbox, 'baseUrl')).toMatch(/\/sandbox$/);
    expect(value(sandbox, 'customerId')).toBe('demo-customer-id');
    expect(value(live, 'baseUrl')).toBe('https://api.agora.io');
    expect(live.values.filter((v) => v.key !== 'baseUrl' && v.value !== '')).toEqual([]);
    expect(live.values.find((v) => v.key === 'customerSecret')?.type).toBe('secret');
    expect(problems()).toEqual([]);
  });

  test('the reference explains the import and every family page links to it', async ({ page }) => {
    await gotoHydrated(page, '/docs/reference');
    const section = page.getByRole('heading', { name: 'Postman collection', level: 3 });
    await expect(section).toBeVisible();
    await expect(page.getByText(/choose Import, drop the three files/)).toBeVisible();
    const article = page.getByRole('article');
    for (const name of ['Postman collection', 'Sandbox environment', 'Live environment']) {
      const link = article.getByRole('link', { name, exact: true });
      await expect(link).toBeVisible();
      await download(page, await link.getAttribute('href'));
    }

    await gotoHydrated(page, '/docs/reference/guide-examples');
    await page.getByRole('article').getByRole('link', { name: 'Postman collection' }).click();
    await expect(page).toHaveURL(/\/docs\/reference#postman$/);
    await expect(section).toBeInViewport();
  });
});

test.describe('Postman collection on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the mobile menu lists the collection', async ({ page }) => {
    await gotoHydrated(page, '/docs/reference');
    await page.getByRole('button', { name: /toggle navigation bar/i }).click();
    const menu = page.getByRole('navigation', { name: 'Main' });
    // On a docs page the menu opens on the docs sidebar; the site's links are one step back.
    await menu.getByRole('button', { name: /back to main menu/i }).click();
    await menu.getByRole('button', { name: 'OpenAPI', exact: true }).click();
    const link = menu.getByRole('link', { name: 'Postman collection' });
    await expect(link).toBeVisible();
    await download(page, await link.getAttribute('href'));
  });
});
