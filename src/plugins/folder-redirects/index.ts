/**
 * Writes a redirect page into the build for every docs folder without a page
 * (`/docs`, `/docs/video-calling`, ...), leading to the folder's first page in
 * sidebar order. Static files, so it works the same on the Node server
 * (`npm run serve`) and on any static host serving the build directory.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Plugin } from '@docusaurus/types';
import type { LoadedContent } from '@docusaurus/plugin-content-docs';
import { folderRedirects, redirectHtml, type SitePage } from './redirects';

const DOCS_PLUGIN = 'docusaurus-plugin-content-docs';

type SidebarItem = LoadedContent['loadedVersions'][number]['sidebars'][string][number];

/** Doc ids in the order a reader meets them in the sidebars (a category's own page before its items). */
function sidebarOrder(items: readonly SidebarItem[], out: string[] = []): string[] {
  for (const item of items) {
    if (item.type === 'doc' || item.type === 'ref') out.push(item.id);
    if (item.type === 'category') {
      if (item.link?.type === 'doc') out.push(item.link.id);
      sidebarOrder(item.items, out);
    }
  }
  return out;
}

/** Every doc page, sidebar order first, then any doc no sidebar lists. */
export function docPagesInReadingOrder(content: LoadedContent): SitePage[] {
  const pages: SitePage[] = [];
  for (const version of content.loadedVersions) {
    const byId = new Map(version.docs.map((doc) => [doc.id, doc]));
    const ids = [...Object.values(version.sidebars).flatMap((sidebar) => sidebarOrder(sidebar)), ...byId.keys()];
    for (const id of new Set(ids)) {
      const doc = byId.get(id);
      if (doc) pages.push({ path: doc.permalink, title: doc.title });
    }
  }
  return pages;
}

export default function folderRedirectsPlugin(): Plugin {
  return {
    name: 'folder-redirects',
    async postBuild({ plugins, routesPaths, outDir }) {
      const docs = plugins.filter((plugin) => plugin.name === DOCS_PLUGIN);
      const pages = docs.flatMap((plugin) => docPagesInReadingOrder(plugin.content as LoadedContent));
      for (const redirect of folderRedirects(pages, routesPaths)) {
        const dir = join(outDir, redirect.from);
        await mkdir(dir, { recursive: true });
        await writeFile(join(dir, 'index.html'), redirectHtml(redirect.to));
      }
    },
  };
}
