import { describe, expect, it, vi } from 'vitest';
import { createStore, storageAdapter } from './createStore';
import { memoryStorage } from './testing';

describe('createStore', () => {
  it('holds a value, takes a value or an update, and tells subscribers until they leave', () => {
    const store = createStore({ count: 0 });
    const listener = vi.fn();
    const leave = store.subscribe(listener);
    store.set({ count: 1 });
    store.set((state) => ({ count: state.count + 1 }));
    expect(store.get()).toEqual({ count: 2 });
    expect(listener).toHaveBeenCalledTimes(2);
    leave();
    store.set({ count: 3 });
    expect(listener).toHaveBeenCalledTimes(2);
    expect(store.initial).toEqual({ count: 0 });
  });

  it('starts from storage and writes every change back', () => {
    const storage = memoryStorage({ k: '5' });
    const adapter = storageAdapter(storage, 'k', { parse: (text) => Number(text), serialize: (n: number) => (n === 0 ? null : String(n)) });
    const store = createStore(0, adapter);
    expect(store.get()).toBe(5);
    store.set(7);
    expect(storage.data.get('k')).toBe('7');
    // serialize -> null removes the key.
    store.set(0);
    expect(storage.data.has('k')).toBe(false);
  });

  it('keeps working in memory when storage fails', () => {
    const broken = {
      getItem: () => { throw new Error('SecurityError'); },
      setItem: () => { throw new Error('QuotaExceededError'); },
      removeItem: () => { throw new Error('SecurityError'); },
    };
    const store = createStore('start', storageAdapter(broken, 'k', { parse: (text) => text, serialize: (text: string) => text }));
    expect(store.get()).toBe('start');
    store.set('next');
    expect(store.get()).toBe('next');
  });
});
