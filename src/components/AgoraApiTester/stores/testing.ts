/** Test helpers for the stores. */
import type { KeyValueStorage } from './createStore';

/** A Map-backed Web Storage stand-in whose `data` a test can inspect. */
export function memoryStorage(initial: Record<string, string> = {}): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}
