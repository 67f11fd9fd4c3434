// @vitest-environment jsdom
// The page's own stores, wired to the browser: sessionStorage only, never localStorage.
import { describe, expect, it } from 'vitest';
import { defaultRequest } from '../../../request/build';
import { historyEntry, storageKey } from '../history';
import { createChannel } from '../testing/fixtures';
import { clearHistory, pageHistory } from './pageHistory';
import { sessionStore, STORAGE_KEY } from './session';

describe('page stores in the browser', () => {
  it('keep remembered credentials and history in this tab only', () => {
    const session = sessionStore();
    session.setEnvironment('live');
    session.setCredential('customerSecret', 'live-s3cret');
    expect(window.sessionStorage.getItem(STORAGE_KEY)).toBeNull();
    session.setRemember(true);
    expect(window.sessionStorage.getItem(STORAGE_KEY)).toContain('live-s3cret');

    pageHistory('/docs/x').record(historyEntry(defaultRequest(createChannel), createChannel, { environment: 'live', status: 200, text: '200 OK', at: 1 }));
    expect(window.sessionStorage.getItem(storageKey('/docs/x'))).not.toContain('live-s3cret');
    expect(window.localStorage.length).toBe(0);

    session.forget();
    clearHistory('/docs/x');
    expect(window.sessionStorage.length).toBe(0);
  });
});
