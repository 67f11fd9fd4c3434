/**
 * Redirects for the docs' folders that have no page of their own (`/docs`,
 * `/docs/video-calling`, ...): each leads to the first page under it in
 * reading order. Derived from the built pages, so a new folder gets its
 * redirect without anyone listing it. Pure, so it is tested without a build.
 */

/** A page of the site: its URL path and title. */
export interface SitePage {
  path: string;
  title: string;
}

export interface FolderRedirect {
  /** The folder's URL path, e.g. `/docs/video-calling`. */
  from: string;
  /** The first page under it. */
  to: SitePage;
}

/** Every proper folder prefix of a path below the site root: `/docs/a/b` gives `/docs` and `/docs/a`. */
function foldersOf(path: string): string[] {
  const parts = path.split('/').filter(Boolean);
  return parts.slice(0, -1).map((_, i) => `/${parts.slice(0, i + 1).join('/')}`);
}

/**
 * One redirect per folder prefix of `pages` that is not itself a route, to
 * the first page (in the order given, which should be reading order) under it.
 * Sorted by folder path, so the output is stable.
 */
export function folderRedirects(pages: readonly SitePage[], routes: Iterable<string>): FolderRedirect[] {
  const taken = new Set(Array.from(routes, (route) => route.replace(/\/$/, '') || '/'));
  const redirects = new Map<string, SitePage>();
  for (const page of pages) {
    for (const folder of foldersOf(page.path)) {
      if (!taken.has(folder) && !redirects.has(folder)) redirects.set(folder, page);
    }
  }
  return [...redirects].map(([from, to]) => ({ from, to })).sort((a, b) => a.from.localeCompare(b.from));
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

/**
 * The page written at a folder's path. A meta refresh and a plain link, no
 * script: it works on every static host and under the site's CSP (which
 * allows only hashed inline scripts), and with JavaScript off.
 */
export function redirectHtml(to: SitePage): string {
  const href = escapeHtml(to.path);
  const title = escapeHtml(to.title);
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${title}</title>`,
    '<meta name="robots" content="noindex">',
    `<link rel="canonical" href="${href}">`,
    `<meta http-equiv="refresh" content="0; url=${href}">`,
    '</head>',
    '<body>',
    `<p>This folder has no page of its own. Continue to <a href="${href}">${title}</a>.</p>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
