/**
 * Take the reader from a notice to the tester's history entry of the call
 * that caused it: open that tester's History, scroll the entry into view and
 * focus it. Only ever run on the reader's own click.
 */
export function revealHistoryEntry(entryId: string, operationId: string): boolean {
  const escape = (value: string) => (typeof CSS !== 'undefined' && CSS.escape ? CSS.escape(value) : value.replace(/["\\]/g, '\\$&'));
  const row =
    document.querySelector<HTMLElement>(`section[data-endpoint="${escape(operationId)}"] [data-history-id="${escape(entryId)}"]`) ??
    document.querySelector<HTMLElement>(`[data-history-id="${escape(entryId)}"]`);
  if (!row) return false;
  const history = row.closest('details');
  if (history && !history.open) history.open = true;
  row.focus({ preventScroll: true });
  row.scrollIntoView({ block: 'center' });
  return true;
}
