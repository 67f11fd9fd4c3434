/**
 * The component tests' relay: `fetch` replaced by a mock per test, with the
 * tab's stores (credentials, history, drafts, view preferences) emptied before
 * each test, so no test sees another's state. The sandbox's administrative
 * paths get their own stand-in (`projectFetch`), which issues `TEST_PROJECT`,
 * so the relay mock sees only relay calls.
 */
import { afterEach, beforeEach, vi } from 'vitest';
import { cleanup } from '@testing-library/react';
import type { RelayResult } from '../../../relay/contract';
import { pageChainValues } from '../stores/chainValues';
import { clearHistory } from '../stores/pageHistory';
import { pageSandboxProject, resetPageSandboxProject, type SandboxProject } from '../stores/sandboxProject';
import { DEMO_CREDENTIALS, sessionStore } from '../stores/session';

/** The project the stand-in sandbox issues first; later ones get `TEST_PROJECT_2`'s App ID. */
export const TEST_PROJECT: SandboxProject = {
  appId: 'a1'.repeat(16),
  customerId: 'c1'.repeat(16),
  customerSecret: 'e1'.repeat(16),
  token: `${'c1'.repeat(16)}.t1`,
  createdAt: Date.parse('2026-11-29T10:00:00Z'),
  expiresAt: Date.parse('2026-12-06T10:00:00Z'),
};

export const TEST_PROJECT_2: SandboxProject = { ...TEST_PROJECT, appId: 'b2'.repeat(16), customerId: 'd2'.repeat(16), token: `${'d2'.repeat(16)}.t2` };

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** The sandbox's administrative paths as the stand-in answers them: projects issued in order, every call accepted. */
export function projectAnswers(): ReturnType<typeof vi.fn<typeof fetch>> {
  const issued = [TEST_PROJECT, TEST_PROJECT_2];
  return vi.fn<typeof fetch>(async (input, init) => {
    const path = String(input);
    const method = init?.method ?? 'GET';
    if (path.endsWith('/__sandbox/projects')) return json(201, issued.shift() ?? TEST_PROJECT_2);
    if (path.endsWith('/__sandbox/reset')) return json(200, { reset: true });
    if (method === 'DELETE') return json(200, { deleted: true });
    return json(200, { appId: TEST_PROJECT.appId, demo: false });
  });
}

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
    window.localStorage.clear();
    resetPageSandboxProject();
    pageSandboxProject({ fetch: projectAnswers() });
    // The session starts from the demo credentials again, as a fresh page does before its project arrives.
    sessionStore().setSandboxDefaults(DEMO_CREDENTIALS);
    sessionStore().forget();
    pageChainValues.set({});
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
