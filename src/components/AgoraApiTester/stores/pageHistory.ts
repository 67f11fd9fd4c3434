/**
 * The page's request history (see history.ts), shared by its testers and
 * mirrored in this tab's sessionStorage. It holds no credentials.
 */
import { addEntry, parseHistory, serializeHistory, storageKey, type HistoryEntry } from '../history';
import { useCallback } from 'react';
import { createStore, sameItems, storageAdapter, tabStorage, useStore, useStoreSelector, type KeyValueStorage } from './createStore';

/** A history store for one page; `storage` is sessionStorage in the browser. */
export function createHistoryStore(pathname: string, storage?: KeyValueStorage) {
  const store = createStore<readonly HistoryEntry[]>(
    [],
    storage && storageAdapter(storage, storageKey(pathname), {
      // parseHistory drops anything malformed and strips secret headers.
      parse: (text) => parseHistory(text),
      serialize: (entries) => (entries.length ? serializeHistory(entries) : null),
    }),
  );
  return {
    ...store,
    record: (entry: HistoryEntry) => store.set((entries) => addEntry(entries, entry)),
    clear: () => store.set([]),
  };
}

export type HistoryStore = ReturnType<typeof createHistoryStore>;

// One per page path: client-side navigation keeps each page's history apart.
const pages = new Map<string, HistoryStore>();

/** The history of the page at `pathname`; created on first use, in the browser. */
export function pageHistory(pathname: string): HistoryStore {
  let store = pages.get(pathname);
  if (!store) {
    store = createHistoryStore(pathname, tabStorage());
    pages.set(pathname, store);
  }
  return store;
}

/** The page's history, newest first, re-rendering when a tester records a request. */
export function usePageHistory(pathname: string): readonly HistoryEntry[] {
  return useStore(pageHistory(pathname));
}

/** One operation's entries in the page's history, newest first; re-renders only when they change (not on another tester's Send). */
export function useOperationHistory(pathname: string, operationId: string): readonly HistoryEntry[] {
  const select = useCallback((entries: readonly HistoryEntry[]) => entries.filter((entry) => entry.request.operationId === operationId), [operationId]);
  return useStoreSelector(pageHistory(pathname), select, sameItems);
}

/** Wipe the page's history (memory and sessionStorage). */
export function clearHistory(pathname: string): void {
  pageHistory(pathname).clear();
}
