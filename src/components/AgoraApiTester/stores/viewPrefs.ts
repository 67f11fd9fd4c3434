/**
 * How the reader likes testers shown: wide (the docs column takes the table
 * of contents' room), code wrapped, response headers open, body pretty or raw.
 * One choice for the whole tab (every tester, every page), kept in
 * sessionStorage, so a new answer does not fold the headers the reader opened.
 * It holds no request data.
 */
import { createStore, storageAdapter, tabStorage, useStore, type KeyValueStorage } from './createStore';

export type BodyMode = 'pretty' | 'raw';

export interface ViewPrefs {
  wide: boolean;
  wrap: boolean;
  headersOpen: boolean;
  bodyMode: BodyMode;
}

export const VIEW_PREFS_KEY = 'agora-tester:view';

export const DEFAULT_VIEW_PREFS: ViewPrefs = { wide: false, wrap: false, headersOpen: false, bodyMode: 'pretty' };

/** Which stored values each field accepts; anything else falls back to its default. */
const ACCEPTS: { [K in keyof ViewPrefs]: (value: unknown) => value is ViewPrefs[K] } = {
  wide: (value): value is boolean => typeof value === 'boolean',
  wrap: (value): value is boolean => typeof value === 'boolean',
  headersOpen: (value): value is boolean => typeof value === 'boolean',
  bodyMode: (value): value is BodyMode => value === 'pretty' || value === 'raw',
};

/** What storage holds, field by field; unknown fields are dropped. */
export function parseViewPrefs(text: string): ViewPrefs | undefined {
  try {
    const value = JSON.parse(text) as Record<string, unknown> | null;
    if (value === null || typeof value !== 'object') return undefined;
    const prefs = { ...DEFAULT_VIEW_PREFS } as Record<keyof ViewPrefs, unknown>;
    for (const key of Object.keys(ACCEPTS) as Array<keyof ViewPrefs>) if (ACCEPTS[key](value[key])) prefs[key] = value[key];
    return prefs as ViewPrefs;
  } catch {
    return undefined;
  }
}

/** A preferences store; `storage` is sessionStorage in the browser. */
export function createViewPrefsStore(storage?: KeyValueStorage) {
  return createStore<ViewPrefs>(
    DEFAULT_VIEW_PREFS,
    storage && storageAdapter(storage, VIEW_PREFS_KEY, { parse: parseViewPrefs, serialize: (prefs) => JSON.stringify(prefs) }),
  );
}

let tabPrefs: ReturnType<typeof createViewPrefsStore> | undefined;

function prefsStore() {
  tabPrefs ??= createViewPrefsStore(tabStorage());
  return tabPrefs;
}

/** The tab's view preferences and a setter for some of them. */
export function useViewPrefs(): [ViewPrefs, (change: Partial<ViewPrefs>) => void] {
  const store = prefsStore();
  return [useStore(store), (change) => store.set((current) => ({ ...current, ...change }))];
}
