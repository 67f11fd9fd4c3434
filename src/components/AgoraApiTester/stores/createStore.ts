/**
 * The one way the tester builds a page-wide store (environment and
 * credentials, chained ids, history): a value, `set`, `subscribe`, and an
 * optional storage adapter. Components read it with `useStore`
 * (useSyncExternalStore), so no provider has to wrap the site.
 */
import { useRef, useSyncExternalStore } from 'react';

/** Where a store keeps a copy between page loads; `read` returns undefined when there is nothing usable. */
export interface StorageAdapter<T> {
  read(): T | undefined;
  write(state: T): void;
}

export interface Store<T> {
  /** The value the page starts from before storage is read: what the build (Node) renders. */
  readonly initial: T;
  get(): T;
  set(next: T | ((current: T) => T)): void;
  subscribe(listener: () => void): () => void;
}

/** A store starting from `storage`'s copy, else `initial`; every change is written back to `storage`. */
export function createStore<T>(initial: T, storage?: StorageAdapter<T>): Store<T> {
  let state = storage?.read() ?? initial;
  const listeners = new Set<() => void>();
  return {
    initial,
    get: () => state,
    set(next) {
      state = typeof next === 'function' ? (next as (current: T) => T)(state) : next;
      storage?.write(state);
      listeners.forEach((listener) => listener());
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

/** The store's value, re-rendering on change; the server render (and hydration) sees `initial`. */
export function useStore<T>(store: Store<T>): T {
  return useSyncExternalStore(store.subscribe, store.get, () => store.initial);
}

/**
 * A part of the store's value (`select`, which should keep its identity between
 * renders), re-rendering only when `same` says that part changed: a page-wide
 * store then re-renders the testers that show what changed, not every tester.
 */
export function useStoreSelector<T, S>(store: Store<T>, select: (state: T) => S, same: (a: S, b: S) => boolean): S {
  const last = useRef<{ state: T; select: (state: T) => S; part: S } | undefined>(undefined);
  const pick = (state: T): S => {
    const cached = last.current;
    if (cached && cached.state === state && cached.select === select) return cached.part;
    const fresh = select(state);
    const part = cached && same(cached.part, fresh) ? cached.part : fresh;
    last.current = { state, select, part };
    return part;
  };
  return useSyncExternalStore(store.subscribe, () => pick(store.get()), () => pick(store.initial));
}

/** Same length, same items (by identity): the `same` of a selected list. */
export function sameItems<S>(a: readonly S[], b: readonly S[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

/** The part of the Web Storage API the adapters use (tests pass a Map-backed one). */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/**
 * This tab's sessionStorage, or undefined during the build and where the
 * browser disables it (the stores then live in memory only). Never
 * localStorage: nothing the tester keeps may outlive the tab.
 */
export function tabStorage(): KeyValueStorage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.sessionStorage;
  } catch {
    return undefined;
  }
}

/**
 * A JSON copy under `key`. `serialize` returning null removes the key (the
 * session does that unless "Remember in this tab" is ticked); a full or
 * disabled storage never breaks the in-memory store.
 */
export function storageAdapter<T>(
  storage: KeyValueStorage,
  key: string,
  codec: { parse(text: string): T | undefined; serialize(state: T): string | null },
): StorageAdapter<T> {
  return {
    read() {
      try {
        const text = storage.getItem(key);
        return text === null ? undefined : codec.parse(text);
      } catch {
        return undefined;
      }
    },
    write(state) {
      try {
        const text = codec.serialize(state);
        if (text === null) storage.removeItem(key);
        else storage.setItem(key, text);
      } catch {
        // Storage full or disabled: the in-memory store still works.
      }
    },
  };
}
