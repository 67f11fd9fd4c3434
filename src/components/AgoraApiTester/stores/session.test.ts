import { describe, expect, it } from 'vitest';
import { createSessionStore, credentialsFor, isDemo, STORAGE_KEY } from './session';
import { memoryStorage } from './testing';

describe('session store', () => {
  it('starts in the sandbox with the demo credentials, in memory only', () => {
    const storage = memoryStorage();
    const store = createSessionStore(storage);
    expect(store.get().environment).toBe('sandbox');
    expect(isDemo(store.get().credentials.sandbox)).toBe(true);
    expect(credentialsFor({ security: ['basic'] }, store.get())).toEqual({ kind: 'basic', customerId: 'demo-customer-id', customerSecret: 'demo-customer-secret' });
    store.setCredential('customerId', 'mine');
    expect(store.get().credentials.sandbox.customerId).toBe('mine');
    expect(storage.data.size).toBe(0);
  });

  it("takes this browser's project credentials over filled-in ones, never over what the reader typed", () => {
    const project = { customerId: 'p1-id', customerSecret: 'p1-secret', token: 'p1-token' };
    const next = { customerId: 'p2-id', customerSecret: 'p2-secret', token: 'p2-token' };
    const store = createSessionStore();
    store.setSandboxDefaults(project);
    expect(store.get().credentials.sandbox).toEqual(project);
    // An earlier project's set, untouched, is filled in too: it moves on to the next project.
    store.setSandboxDefaults(next);
    expect(store.get().credentials.sandbox).toEqual(next);

    // The reader typed a wrong secret before the project arrived (a tester that had just loaded): it stays,
    // although the Customer ID beside it is still the filled-in one.
    const typed = createSessionStore();
    typed.setCredential('customerSecret', 'not-the-secret');
    typed.setSandboxDefaults(project);
    expect(typed.get().credentials.sandbox.customerSecret).toBe('not-the-secret');
    expect(typed.get().credentials.sandbox.customerId).toBe('demo-customer-id');
    // Forget goes back to the project's set, not the demo's.
    typed.forget();
    expect(typed.get().credentials.sandbox).toEqual(project);
  });

  it('keeps live credentials apart from the demo ones', () => {
    const store = createSessionStore();
    store.setEnvironment('live');
    expect(credentialsFor({ security: ['basic'] }, store.get())).toBeUndefined();
    store.setCredential('token', 'live-token');
    expect(credentialsFor({ security: ['bearer'] }, store.get())).toEqual({ kind: 'bearer', token: 'live-token' });
    store.setEnvironment('sandbox');
    expect(credentialsFor({ security: ['bearer'] }, store.get())).toEqual({ kind: 'bearer', token: 'demo-token' });
  });

  it('"Remember in this tab" writes sessionStorage; unticking or "Forget" wipes it', () => {
    const storage = memoryStorage();
    const store = createSessionStore(storage);
    store.setEnvironment('live');
    store.setCredential('customerSecret', 's3cret');
    store.setRemember(true);
    expect(storage.data.get(STORAGE_KEY)).toContain('s3cret');
    store.setRemember(false);
    expect(storage.data.has(STORAGE_KEY)).toBe(false);
    store.setRemember(true);
    const reloaded = createSessionStore(storage);
    expect(reloaded.get().credentials.live.customerSecret).toBe('s3cret');
    expect(reloaded.get().environment).toBe('live');
    reloaded.forget();
    expect(storage.data.has(STORAGE_KEY)).toBe(false);
    expect(reloaded.get().credentials.live.customerSecret).toBe('');
  });

  it('does not trust a damaged stored session', () => {
    const storage = memoryStorage({ [STORAGE_KEY]: '{"environment":"prod","credentials":{"live":{"token":5}}}' });
    const store = createSessionStore(storage);
    expect(store.get().environment).toBe('sandbox');
    expect(store.get().credentials.live.token).toBe('');
    expect(isDemo(store.get().credentials.sandbox)).toBe(true);
    expect(createSessionStore(memoryStorage({ [STORAGE_KEY]: 'not json' })).get().remember).toBe(false);
  });

  it('renders the defaults on the server, whatever storage holds', () => {
    const storage = memoryStorage();
    const first = createSessionStore(storage);
    first.setRemember(true);
    first.setEnvironment('live');
    expect(createSessionStore(storage).initial.environment).toBe('sandbox');
  });
});
