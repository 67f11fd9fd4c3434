import { describe, expect, it } from 'vitest';
import { historyEntry, storageKey } from '../history';
import { defaultRequest } from '../../../request/build';
import { createChannel } from '../testing/fixtures';
import { createHistoryStore } from './pageHistory';
import { memoryStorage } from './testing';

const entry = (at: number) =>
  historyEntry({ ...defaultRequest(createChannel), headers: { Authorization: 'Basic c2VjcmV0', 'X-Request-ID': 'r1' } }, createChannel, { environment: 'sandbox', status: 200, text: '200 OK', at });

describe('page history store', () => {
  it('records newest first into sessionStorage, without credentials, and reloads per page', () => {
    const storage = memoryStorage();
    const store = createHistoryStore('/docs/a', storage);
    store.record(entry(1));
    store.record(entry(2));
    expect(store.get().map((item) => item.at)).toEqual([2, 1]);
    const text = storage.data.get(storageKey('/docs/a'))!;
    expect(text).toContain('r1');
    expect(text).not.toContain('c2VjcmV0');
    expect(createHistoryStore('/docs/a', storage).get()).toEqual(store.get());
    expect(createHistoryStore('/docs/b', storage).get()).toEqual([]);
  });

  it('clear wipes memory and storage', () => {
    const storage = memoryStorage();
    const store = createHistoryStore('/docs/a', storage);
    store.record(entry(1));
    store.clear();
    expect(store.get()).toEqual([]);
    expect(storage.data.size).toBe(0);
  });

  it('drops what it cannot trust in storage', () => {
    const storage = memoryStorage({ [storageKey('/p')]: JSON.stringify([{ id: 'x', request: { operationId: 'a', headers: { Authorization: 'Basic eA==' } } }, { nope: 1 }]) });
    const entries = createHistoryStore('/p', storage).get();
    expect(entries).toHaveLength(1);
    expect(entries[0].request.headers).toEqual({});
  });
});
