/**
 * The search hits' "where" line. The search plugin records, per page, the
 * active navbar item's label followed by the labels of the sidebar categories
 * the page sits in, so hits read "API reference › API reference › Cloud
 * Recording" (the navbar item and the sidebar category share their name) or
 * "Media Pull › Guides › …" (a navbar shortcut, then its category). The sidebar
 * alone is the page's place in the docs, so when it says anything the navbar's
 * entry is dropped; a page outside any category keeps the navbar's label.
 * Which entry is the navbar's is decided by the site's navbar labels, not by
 * position alone: a page in nested categories with no active navbar item
 * records only categories, and keeps them all.
 */

/** Where a page sits, from the plugin's `[navbar item?, ...sidebar categories]` and the site's navbar labels. */
export function sidebarTrail(recorded: readonly string[], navbarLabels: ReadonlySet<string>): string[] {
  // The navbar contributes at most one label, always first; it is dropped only when a category follows it.
  return recorded.length > 1 && navbarLabels.has(recorded[0]) ? recorded.slice(1) : [...recorded];
}

interface IndexedDocument {
  b?: unknown;
}

/**
 * The written search index (an array of `{ documents, index }` parts, one per
 * document kind) with each document's trail rewritten. Only `t` is a lunr
 * field, so the trail can change without rebuilding the index. Anything not
 * shaped as expected is left as it is: a newer plugin version must not break the build over a label.
 */
export function rewriteTrails(searchIndex: unknown, navbarLabels: ReadonlySet<string>): { index: unknown; changed: number } {
  let changed = 0;
  if (!Array.isArray(searchIndex)) return { index: searchIndex, changed };
  for (const part of searchIndex) {
    const documents = (part as { documents?: unknown } | null)?.documents;
    if (!Array.isArray(documents)) continue;
    for (const document of documents as IndexedDocument[]) {
      const recorded = document?.b;
      if (!Array.isArray(recorded) || !recorded.every((label) => typeof label === 'string')) continue;
      const trail = sidebarTrail(recorded, navbarLabels);
      if (trail.length !== recorded.length) {
        document.b = trail;
        changed += 1;
      }
    }
  }
  return { index: searchIndex, changed };
}
