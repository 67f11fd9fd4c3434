/**
 * Page-wide tester state: the environment and the credentials, entered once
 * and shared by every tester on the page (a tiny module store read with
 * useSyncExternalStore, so no provider has to wrap the site).
 *
 * Credentials stay in memory. "Remember in this tab" copies them to
 * sessionStorage (gone when the tab closes); "Forget" wipes both. They are
 * never written to localStorage, a URL, a share link or the history.
 */
import { useSyncExternalStore } from 'react';
import type { OperationModel } from '../../catalog/types';
import type { Credentials } from '../../request/apiRequest';
import type { RelayEnvironment } from '../../relay/core/contract';
import { DEMO } from '../../sandbox/demo';

export interface CredentialFields {
  customerId: string;
  customerSecret: string;
  token: string;
}

export interface SessionState {
  environment: RelayEnvironment;
  /** One set per environment, so the demo credentials are never sent to live Agora. */
  credentials: Record<RelayEnvironment, CredentialFields>;
  remember: boolean;
}

export const DEMO_CREDENTIALS: CredentialFields = {
  customerId: DEMO.customerId,
  customerSecret: DEMO.customerSecret,
  token: DEMO.token,
};

const EMPTY: CredentialFields = { customerId: '', customerSecret: '', token: '' };

export const STORAGE_KEY = 'agora-tester:session';

export function initialSession(): SessionState {
  return { environment: 'sandbox', credentials: { sandbox: { ...DEMO_CREDENTIALS }, live: { ...EMPTY } }, remember: false };
}

/** True when the sandbox fields still hold the demo credentials (the panel labels them "demo"). */
export function isDemo(fields: CredentialFields): boolean {
  return fields.customerId === DEMO.customerId && fields.customerSecret === DEMO.customerSecret && fields.token === DEMO.token;
}

/** The credential an operation needs, from the current environment's fields; undefined when incomplete. */
export function credentialsFor(op: Pick<OperationModel, 'security'>, state: SessionState): Credentials | undefined {
  const fields = state.credentials[state.environment];
  if (op.security[0] === 'bearer') return fields.token ? { kind: 'bearer', token: fields.token } : undefined;
  if (op.security[0] === 'basic') {
    return fields.customerId && fields.customerSecret
      ? { kind: 'basic', customerId: fields.customerId, customerSecret: fields.customerSecret }
      : undefined;
  }
  return undefined;
}

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem' | 'removeItem'>;

function parseStored(text: string | null): SessionState | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as SessionState;
    const pick = (fields: Partial<CredentialFields> | undefined, fallback: CredentialFields): CredentialFields => ({
      customerId: typeof fields?.customerId === 'string' ? fields.customerId : fallback.customerId,
      customerSecret: typeof fields?.customerSecret === 'string' ? fields.customerSecret : fallback.customerSecret,
      token: typeof fields?.token === 'string' ? fields.token : fallback.token,
    });
    return {
      environment: value.environment === 'live' ? 'live' : 'sandbox',
      credentials: { sandbox: pick(value.credentials?.sandbox, DEMO_CREDENTIALS), live: pick(value.credentials?.live, EMPTY) },
      remember: true,
    };
  } catch {
    return null;
  }
}

/** A store with injectable storage, so tests need no browser. */
export function createSessionStore(storage?: Storage) {
  let state = parseStored(storage?.getItem(STORAGE_KEY) ?? null) ?? initialSession();
  const listeners = new Set<() => void>();
  const persist = () => {
    if (!storage) return;
    if (state.remember) storage.setItem(STORAGE_KEY, JSON.stringify(state));
    else storage.removeItem(STORAGE_KEY);
  };
  const update = (next: SessionState) => {
    state = next;
    persist();
    listeners.forEach((listener) => listener());
  };
  return {
    get: () => state,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setEnvironment: (environment: RelayEnvironment) => update({ ...state, environment }),
    setCredential(field: keyof CredentialFields, value: string) {
      const current = state.credentials[state.environment];
      update({ ...state, credentials: { ...state.credentials, [state.environment]: { ...current, [field]: value } } });
    },
    setRemember: (remember: boolean) => update({ ...state, remember }),
    /** Wipe every credential (memory and sessionStorage) and go back to the demo defaults. */
    forget: () => update(initialSession()),
  };
}

export type SessionStore = ReturnType<typeof createSessionStore>;

let pageStore: SessionStore | undefined;

/** The page's one store; created lazily in the browser so the build (Node) never touches storage. */
export function sessionStore(): SessionStore {
  if (!pageStore) {
    let storage: Storage | undefined;
    try {
      storage = typeof window === 'undefined' ? undefined : window.sessionStorage;
    } catch {
      storage = undefined; // storage disabled by the browser: memory only
    }
    pageStore = createSessionStore(storage);
  }
  return pageStore;
}

const serverState = initialSession();

export function useSession(): [SessionState, SessionStore] {
  const store = sessionStore();
  const state = useSyncExternalStore(store.subscribe, store.get, () => serverState);
  return [state, store];
}
