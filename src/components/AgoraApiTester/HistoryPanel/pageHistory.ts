/**
 * The page's history as a module store shared by its testers, mirrored in
 * sessionStorage (it holds no credentials; see history.ts).
 */
import { useSyncExternalStore } from 'react';
import { addEntry, parseHistory, serializeHistory, storageKey, type HistoryEntry } from '../history';

const listeners = new Set<() => void>();
let loadedFor: string | undefined;
let entries: HistoryEntry[] = [];
const EMPTY: HistoryEntry[] = [];

function storage(): Storage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.sessionStorage;
  } catch {
    return undefined;
  }
}

function load(pathname: string) {
  if (loadedFor === pathname) return;
  loadedFor = pathname;
  entries = parseHistory(storage()?.getItem(storageKey(pathname)) ?? null);
}

function emit() {
  listeners.forEach((listener) => listener());
}

export function recordHistory(pathname: string, entry: HistoryEntry): void {
  load(pathname);
  entries = addEntry(entries, entry);
  try {
    storage()?.setItem(storageKey(pathname), serializeHistory(entries));
  } catch {
    // Storage full or disabled: the in-memory history still works.
  }
  emit();
}

export function clearHistory(pathname: string): void {
  entries = [];
  storage()?.removeItem(storageKey(pathname));
  emit();
}

export function usePageHistory(pathname: string): HistoryEntry[] {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => {
      load(pathname);
      return entries;
    },
    () => EMPTY,
  );
}
