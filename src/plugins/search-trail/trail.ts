/**
 * The search hits' "where" line. The search plugin records, per page, the
 * active navbar item's label followed by the labels of the sidebar categories
 * the page sits in, so hits read "API reference › API reference › Cloud
 * Recording" (the navbar item and the sidebar category share their name) or
 * "Media Pull › Guides › …" (a navbar shortcut, then its category). The sidebar
 * alone is the page's place in the docs, so when it says anything the navbar's
 * entry is dropped; a page outside any category keeps the navbar's label.
 */

/** Where a page sits, from the plugin's `[navbar item?, ...sidebar categories]`. */
export function sidebarTrail(recorded: readonly string[]): string[] {
  // The navbar contributes at most one label, always first; with a category after it, it is the one to drop.
  return recorded.length > 1 ? recorded.slice(1) : [...recorded];
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
export function rewriteTrails(searchIndex: unknown): { index: unknown; changed: number } {
  let changed = 0;
  if (!Array.isArray(searchIndex)) return { index: searchIndex, changed };
  for (const part of searchIndex) {
    const documents = (part as { documents?: unknown } | null)?.documents;
    if (!Array.isArray(documents)) continue;
    for (const document of documents as IndexedDocument[]) {
      const recorded = document?.b;
      if (!Array.isArray(recorded) || !recorded.every((label) => typeof label === 'string')) continue;
      const trail = sidebarTrail(recorded);
      if (trail.length !== recorded.length) {
        document.b = trail;
        changed += 1;
      }
    }
  }
  return { index: searchIndex, changed };
}
