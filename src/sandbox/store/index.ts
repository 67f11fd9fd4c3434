/**
 * The store a sandbox (and the relay's rate limit) uses, chosen by one
 * setting: `SANDBOX_STORE` unset or `memory` keeps state in the process;
 * `redis://…` or `rediss://…` (a local Redis, Upstash, any managed Redis)
 * shares it between every instance over TCP; `https://…` with
 * `SANDBOX_STORE_TOKEN` does the same over a Redis REST API (Upstash's), for
 * runtimes without TCP sockets such as Cloudflare Workers. Each client is
 * loaded only when its kind of URL is given, so bundles that never use it stay
 * free of it (the Worker bundle leaves node-redis out altogether).
 */
import { MemoryStore, type MemoryStoreOptions } from './memory';
import { StoreUnavailableError, type KeyValueStore } from './types';

export { StoreUnavailableError, type KeyValueStore, type SlidingWindow, type WindowCount } from './types';
export { MemoryStore } from './memory';

export interface StoreOptions {
  /** Prefix for every key in a shared Redis (default `agora-sandbox:`). */
  prefix?: string;
  /** Bearer token of a Redis REST URL (SANDBOX_STORE_TOKEN). */
  token?: string;
  memory?: MemoryStoreOptions;
}

/** `redis://user:secret@host:6379/0` written without its password, for messages and logs. */
export function describeStoreUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.hostname}${parsed.port ? `:${parsed.port}` : ''}${parsed.pathname}`;
  } catch {
    return '(an unreadable URL)';
  }
}

/** Where sandbox state lives for a SANDBOX_STORE value, in words for a start-up line (never a password). */
export function describeStore(spec: string | undefined): string {
  const value = spec?.trim() ?? '';
  return value === '' || value === 'memory'
    ? 'in this process (set SANDBOX_STORE=redis://… to share it between instances)'
    : `${describeStoreUrl(value)} (shared by every instance that names it)`;
}

/** What a SANDBOX_STORE value starts with, for an error message: never the rest, which may hold a password. */
function schemeOf(value: string): string {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1];
  return scheme ? `(scheme "${scheme.slice(0, 12)}:")` : '(no URL scheme)';
}

/** The store `spec` names (the value of SANDBOX_STORE). Throws a message saying what to write instead. */
export function createStore(spec: string | undefined, options: StoreOptions = {}): KeyValueStore {
  const value = spec?.trim() ?? '';
  if (value === '' || value === 'memory') return new MemoryStore(options.memory);
  if (/^rediss?:\/\//i.test(value)) return lazyStore('redis', () => import('./redis').then((module) => module.createRedisStore(value, { prefix: options.prefix })));
  // http:// is accepted for a REST front on the same machine (the tests' bridge); a public one is https://.
  if (/^https?:\/\//i.test(value)) {
    const token = options.token?.trim();
    if (!token) throw new Error('SANDBOX_STORE is a Redis REST URL (https://…, e.g. Upstash): set SANDBOX_STORE_TOKEN to its REST token too.');
    return lazyStore('redis', () => import('./rest').then((module) => module.createRestStore(value, { token, prefix: options.prefix })));
  }
  throw new Error(
    `SANDBOX_STORE must be "memory", a redis:// or rediss:// URL (e.g. redis://127.0.0.1:6379), or a Redis REST https:// URL with SANDBOX_STORE_TOKEN; the value set ${schemeOf(value)} is none of these.`,
  );
}

/**
 * A store whose implementation is loaded on first use (so createSandbox stays
 * synchronous). Every failure of a remote store is the store's, so it comes out
 * as StoreUnavailableError, however the client library words it.
 */
function lazyStore(kind: KeyValueStore['kind'], load: () => Promise<KeyValueStore>): KeyValueStore {
  let loading: Promise<KeyValueStore> | undefined;
  const call = async <T>(use: (store: KeyValueStore) => Promise<T>): Promise<T> => {
    try {
      return await use(await (loading ??= load()));
    } catch (error) {
      if (error instanceof StoreUnavailableError) throw error;
      // A failed connection attempt is not kept: the next call tries again.
      if (loading && !(await loading.then(() => true, () => false))) loading = undefined;
      throw new StoreUnavailableError(`The ${kind} store failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  return {
    kind,
    get: (key) => call((store) => store.get(key)),
    swap: (key, expected, value, ttlMs) => call((store) => store.swap(key, expected, value, ttlMs)),
    delete: (keys) => call((store) => store.delete(keys)),
    takeWindow: (key, now, windowMs, limit) => call((store) => store.takeWindow(key, now, windowMs, limit)),
    peekWindow: (key, now, windowMs) => call((store) => store.peekWindow(key, now, windowMs)),
    admit: (key, now, windows) => call((store) => store.admit(key, now, windows)),
    keyCount: () => call((store) => store.keyCount()),
    clear: () => call((store) => store.clear()),
    close: async () => {
      if (loading) await loading.then((store) => store.close(), () => undefined);
    },
  };
}
