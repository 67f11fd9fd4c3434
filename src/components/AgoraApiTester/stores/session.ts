/**
 * Page-wide tester session: the environment and the credentials, entered once
 * and shared by every tester on the page.
 *
 * Credentials stay in memory. "Remember in this tab" copies them to
 * sessionStorage (gone when the tab closes); "Forget" wipes both. They are
 * never written to localStorage, a URL, a share link or the history. (The
 * sandbox project the sandbox issued for this browser is another matter, kept
 * by stores/sandboxProject.ts; this store only takes its values as the sandbox defaults.)
 */
import type { OperationModel } from '../../../catalog/types';
import type { Credentials } from '../../../request/apiRequest';
import type { RelayEnvironment } from '../../../relay/contract';
import { DEMO } from '../../../sandbox/demo';
import { createStore, storageAdapter, tabStorage, useStore, type KeyValueStorage } from './createStore';

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

/** Sandbox, nothing remembered; the sandbox credentials are `sandbox` (this browser's project), else the demo ones. */
export function initialSession(sandbox: CredentialFields = DEMO_CREDENTIALS): SessionState {
  return { environment: 'sandbox', credentials: { sandbox: { ...sandbox }, live: { ...EMPTY } }, remember: false };
}

/** True when both sets hold the same three values. */
export function sameCredentials(a: CredentialFields, b: CredentialFields): boolean {
  return a.customerId === b.customerId && a.customerSecret === b.customerSecret && a.token === b.token;
}

/** True when the sandbox fields still hold the demo credentials (the panel labels them "demo"). */
export function isDemo(fields: CredentialFields): boolean {
  return sameCredentials(fields, DEMO_CREDENTIALS);
}

/** The credential an operation needs, from the current environment's fields; undefined when incomplete. */
export function credentialsFor(op: Pick<OperationModel, 'security'>, state: SessionState): Credentials | undefined {
  const fields = state.credentials[state.environment];
  const scheme = op.security[0];
  if (scheme === 'bearer' || scheme === 'agora-token') return fields.token ? { kind: scheme, token: fields.token } : undefined;
  if (op.security[0] === 'basic') {
    return fields.customerId && fields.customerSecret
      ? { kind: 'basic', customerId: fields.customerId, customerSecret: fields.customerSecret }
      : undefined;
  }
  return undefined;
}

/** What sessionStorage holds, field by field: anything malformed falls back rather than being trusted. */
function parseStored(text: string): SessionState | undefined {
  try {
    const value = JSON.parse(text) as Partial<SessionState> | null;
    const pick = (fields: Partial<CredentialFields> | undefined, fallback: CredentialFields): CredentialFields => ({
      customerId: typeof fields?.customerId === 'string' ? fields.customerId : fallback.customerId,
      customerSecret: typeof fields?.customerSecret === 'string' ? fields.customerSecret : fallback.customerSecret,
      token: typeof fields?.token === 'string' ? fields.token : fallback.token,
    });
    return {
      environment: value?.environment === 'live' ? 'live' : 'sandbox',
      credentials: { sandbox: pick(value?.credentials?.sandbox, DEMO_CREDENTIALS), live: pick(value?.credentials?.live, EMPTY) },
      // Only a remembered session is ever stored.
      remember: true,
    };
  } catch {
    return undefined;
  }
}

/** A session store; `storage` is sessionStorage in the browser, a Map-backed fake in tests, none during the build. */
export function createSessionStore(storage?: KeyValueStorage) {
  const store = createStore(
    initialSession(),
    storage && storageAdapter(storage, STORAGE_KEY, {
      parse: parseStored,
      // Credentials reach storage only while "Remember in this tab" is ticked; unticking removes them.
      serialize: (state) => (state.remember ? JSON.stringify(state) : null),
    }),
  );
  const update = (change: (state: SessionState) => SessionState) => store.set(change);
  // The sandbox credentials a fresh (or forgotten) session starts from: the demo ones until this browser's project is known.
  let sandboxDefaults = DEMO_CREDENTIALS;
  // Every set this page filled in by itself. Sandbox fields equal to one of them, all three, hold nothing the
  // reader typed; a secret typed over a filled-in Customer ID is the reader's, and stays.
  const filledIn: CredentialFields[] = [DEMO_CREDENTIALS];
  return {
    ...store,
    setEnvironment: (environment: RelayEnvironment) => update((state) => ({ ...state, environment })),
    setCredential: (field: keyof CredentialFields, value: string) =>
      update((state) => ({
        ...state,
        credentials: { ...state.credentials, [state.environment]: { ...state.credentials[state.environment], [field]: value } },
      })),
    setRemember: (remember: boolean) => update((state) => ({ ...state, remember })),
    /**
     * The sandbox credentials to use from now on (this browser's project, from
     * stores/sandboxProject.ts): the sandbox fields take them while they still
     * hold a set filled in earlier (the demo's, an earlier project's); fields
     * the reader changed, even one of them, are left alone.
     */
    setSandboxDefaults: (fields: CredentialFields) => {
      sandboxDefaults = fields;
      if (!filledIn.some((set) => sameCredentials(set, fields))) filledIn.push(fields);
      update((state) =>
        filledIn.some((set) => sameCredentials(set, state.credentials.sandbox)) && !sameCredentials(state.credentials.sandbox, fields)
          ? { ...state, credentials: { ...state.credentials, sandbox: { ...fields } } }
          : state,
      );
    },
    /** Wipe every credential (memory and sessionStorage) and go back to the defaults (this browser's project, else the demo's). */
    forget: () => store.set(initialSession(sandboxDefaults)),
  };
}

export type SessionStore = ReturnType<typeof createSessionStore>;

let pageStore: SessionStore | undefined;

/** The page's one session; created on first use in the browser, so the build (Node) never touches storage. */
export function sessionStore(): SessionStore {
  pageStore ??= createSessionStore(tabStorage());
  return pageStore;
}

/** The session and its store, re-rendering when either environment or credentials change. */
export function useSession(): [SessionState, SessionStore] {
  const store = sessionStore();
  return [useStore(store), store];
}
