import { describe, expect, it } from 'vitest';
import { memoryStorage } from './testing';
import { createViewPrefsStore, DEFAULT_VIEW_PREFS, parseViewPrefs, VIEW_PREFS_KEY } from './viewPrefs';

describe('view preferences', () => {
  it('start narrow, unwrapped, headers closed and pretty, and survive a reload of the tab', () => {
    const storage = memoryStorage();
    const store = createViewPrefsStore(storage);
    expect(store.get()).toEqual(DEFAULT_VIEW_PREFS);
    store.set((current) => ({ ...current, wide: true, headersOpen: true, bodyMode: 'raw' }));
    expect(createViewPrefsStore(storage).get()).toEqual({ wide: true, wrap: false, headersOpen: true, bodyMode: 'raw' });
  });

  it('fall back field by field on what storage should not hold, and drop unknown fields', () => {
    expect(parseViewPrefs('{"headersOpen":"yes","bodyMode":"tree","wide":1}')).toEqual(DEFAULT_VIEW_PREFS);
    expect(parseViewPrefs('{"wrap":true,"token":"x"}')).toEqual({ ...DEFAULT_VIEW_PREFS, wrap: true });
    expect(parseViewPrefs('nope')).toBeUndefined();
    expect(parseViewPrefs('{')).toBeUndefined();
    expect(createViewPrefsStore(memoryStorage({ [VIEW_PREFS_KEY]: 'null' })).get()).toEqual(DEFAULT_VIEW_PREFS);
  });
});
