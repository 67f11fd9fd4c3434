/**
 * The component tests' relay: `fetch` replaced by a mock per test, with the
 * tab's stores (credentials, history, drafts, view preferences) emptied before
 * each test, so no test sees another's state.
 */
import { afterEach, beforeEach, vi } from 'vitest';
import { cleanup } from '@testing-library/react';
import type { RelayResult } from '../../../relay/contract';
import { clearHistory } from '../stores/pageHistory';
import { sessionStore } from '../stores/session';

/** The relay's answer: a RelayResult (status 200) with these fields, or any other body under `status`. */
export function relayAnswer(result: Partial<RelayResult>, status = 200): Response {
  const body = status === 200 ? { status: 200, statusText: 'OK', headers: {}, body: {}, sizeBytes: 2, durationMs: 12, attempts: [], ...result } : result;
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** Installs the mock for every test of the calling file and returns it. */
export function useRelayFetch(): ReturnType<typeof vi.fn<typeof fetch>> {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(() => {
    fetchMock.mockReset();
    vi.stubGlobal('fetch', fetchMock);
    sessionStore().forget();
    clearHistory(window.location.pathname);
    window.sessionStorage.clear();
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
    window.history.replaceState(null, '', '/');
  });
  return fetchMock;
}
