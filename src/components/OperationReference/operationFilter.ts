/**
 * The operations index's filter: which operations a typed query keeps. Pure,
 * so the rule is tested without a browser and the component only renders.
 */

/** What the filter reads of an operation (a subset of OperationModel). */
export interface FilterableOperation {
  id: string;
  method: string;
  path: string;
  summary: string;
  familyTitle: string;
}

/**
 * The operations that match every word of `query` (case-insensitive) somewhere
 * in their method, path, summary, family or id, in their original order.
 * An empty query keeps them all. Words, not the whole string, so "delete
 * player" finds DELETE …/cloud-player/players/{id}.
 */
export function filterOperations<T extends FilterableOperation>(operations: readonly T[], query: string): T[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...operations];
  return operations.filter((op) => {
    const text = `${op.method} ${op.path} ${op.summary} ${op.familyTitle} ${op.id}`.toLowerCase();
    return words.every((word) => text.includes(word));
  });
}

/** The count line under the filter, e.g. "Showing 2 of 22 operations". */
export function countText(shown: number, total: number): string {
  if (shown === total) return `Showing all ${total} operations`;
  return `Showing ${shown} of ${total} operation${total === 1 ? '' : 's'}`;
}
