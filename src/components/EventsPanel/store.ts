/**
 * The page's one connection to the sandbox's Events stream
 * (`GET {sandboxBase}/__sandbox/events`, server-sent events over fetch), shared
 * by every Events panel on the page like the tester's other page-wide stores.
 *
 * It is open only while something shows notices (`watch` returns the release):
 * the last panel closed ends the stream; the next one resumes it with
 * Last-Event-ID, so nothing is sent twice and nothing is missed. It reconnects
 * after the server's `bye` (its `retryMs`) or a dropped connection (backoff,
 * 1 s doubling to 30 s), keys notices by `seq` and keeps the highest `rev` (a
 * notice comes again when its delivery changes). A new project (Start over,
 * expiry) starts afresh: its notices are not the old project's.
 */
import { MAX_NOTICES } from '../../sandbox/events/log';
import type { DeliverySettings, NoticeRecord, StreamHello } from '../../sandbox/events/types';
import { createStore, type Store } from '../AgoraApiTester/stores/createStore';
import { readSse, type SseMessage } from '../../sandbox/events/sse';

export type StreamStatus =
  /** Nothing watches, or no project yet. */
  | 'idle'
  | 'connecting'
  | 'open'
  /** Waiting to reconnect (`retryAt`); `problem` says why when it is not the server's routine `bye`. */
  | 'waiting';

export interface EventsState {
  status: StreamStatus;
  /** Newest first (highest seq first). */
  notices: readonly NoticeRecord[];
  hello?: StreamHello;
  /** What went wrong, in words for the reader (401, 429, no answer). */
  problem?: string;
  retryAt?: number;
}

/** The project to watch: `key` tells projects apart (its App ID); `authorization` is the header value. */
export interface StreamAuth {
  key: string;
  authorization: string;
}

export interface EventsDeps {
  fetch: typeof fetch;
  setTimeout: (run: () => void, ms: number) => unknown;
  clearTimeout: (timer: unknown) => void;
  now: () => number;
  /** The sandbox refused the credentials (401): the project may be gone; the page checks it (and may replace it). */
  onUnauthorized?: () => void;
}

const FIRST_BACKOFF_MS = 1000;
const MAX_BACKOFF_MS = 30_000;

const INITIAL: EventsState = { status: 'idle', notices: [] };

/** `notices` with `record` in place of the one with its seq, unless that one has a higher rev; newest first. */
export function mergeNotice(notices: readonly NoticeRecord[], record: NoticeRecord): readonly NoticeRecord[] {
  const index = notices.findIndex((notice) => notice.seq === record.seq);
  if (index !== -1) {
    if (notices[index].rev >= record.rev) return notices;
    const next = [...notices];
    next[index] = record;
    return next;
  }
  const next = [...notices, record].sort((a, b) => b.seq - a.seq);
  // As many as the sandbox keeps per project.
  return next.slice(0, MAX_NOTICES);
}

function isNotice(value: unknown): value is NoticeRecord {
  const record = value as Partial<NoticeRecord> | null;
  return Boolean(record) && typeof record!.seq === 'number' && typeof record!.rev === 'number' && typeof record!.raw === 'string' && typeof record!.body === 'object' && record!.body !== null;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

async function errorMessage(response: Response): Promise<string | undefined> {
  const body = (await response.json().catch(() => null)) as { error?: { message?: unknown } } | null;
  return typeof body?.error?.message === 'string' ? body.error.message : undefined;
}

/** An Events store; the page has one (`pageEvents`), tests make their own with fake fetch and timers. */
export function createEventsStore(sandboxBase: string, deps: EventsDeps) {
  const store: Store<EventsState> = createStore<EventsState>(INITIAL);
  const base = sandboxBase.replace(/\/+$/, '');
  let watchers = 0;
  let auth: StreamAuth | undefined;
  let lastRev = 0;
  let backoff = FIRST_BACKOFF_MS;
  let timer: unknown;
  let controller: AbortController | undefined;
  // Bumped whenever the connection is torn down, so a late answer of an old one changes nothing.
  let generation = 0;

  const update = (change: Partial<EventsState>) => store.set((state) => ({ ...state, ...change }));

  const stop = () => {
    generation++;
    controller?.abort();
    controller = undefined;
    if (timer !== undefined) deps.clearTimeout(timer);
    timer = undefined;
  };

  const schedule = (ms: number, problem?: string) => {
    const retryAt = deps.now() + ms;
    update({ status: 'waiting', retryAt, problem });
    const mine = generation;
    timer = deps.setTimeout(() => {
      timer = undefined;
      if (mine === generation) void connect();
    }, ms);
  };

  /** Wait longer after each failure in a row; a message that arrives resets the wait. */
  const nextBackoff = () => {
    const wait = backoff;
    backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
    return wait;
  };

  const onMessage = (message: SseMessage, bye: { retryMs?: number }) => {
    backoff = FIRST_BACKOFF_MS;
    if (message.event === 'hello') {
      const hello = parseJson(message.data) as StreamHello | undefined;
      if (hello && typeof hello.ncsSecret === 'string') update({ hello, status: 'open', problem: undefined, retryAt: undefined });
    } else if (message.event === 'notice') {
      const record = parseJson(message.data);
      if (!isNotice(record)) return;
      lastRev = Math.max(lastRev, record.rev);
      store.set((state) => {
        const notices = mergeNotice(state.notices, record);
        return notices === state.notices ? state : { ...state, notices };
      });
    } else if (message.event === 'bye') {
      const retryMs = Number((parseJson(message.data) as { retryMs?: unknown } | undefined)?.retryMs);
      bye.retryMs = Number.isFinite(retryMs) && retryMs >= 0 ? retryMs : FIRST_BACKOFF_MS;
    }
  };

  const connect = async () => {
    if (!auth || watchers === 0) return;
    const mine = ++generation;
    const current = new AbortController();
    controller = current;
    update({ status: 'connecting' });
    const headers: Record<string, string> = { Authorization: auth.authorization, Accept: 'text/event-stream' };
    if (lastRev > 0) headers['Last-Event-ID'] = String(lastRev);
    let response: Response;
    try {
      // `omit`: the credentials travel in our header; a 401 must not make the browser ask for a login.
      response = await deps.fetch(`${base}/__sandbox/events`, { headers, cache: 'no-store', credentials: 'omit', signal: current.signal });
    } catch {
      if (mine === generation) schedule(nextBackoff(), 'The sandbox did not answer; trying again.');
      return;
    }
    if (mine !== generation) return;
    if (response.status === 401) {
      deps.onUnauthorized?.();
      schedule(nextBackoff(), 'The sandbox refused this page’s project (401); the page checks it and tries again.');
      return;
    }
    if (response.status === 429) {
      const why = (await errorMessage(response)) ?? 'Too many Events streams are open for this project.';
      if (mine === generation) schedule(Math.max(nextBackoff(), 5000), `${why} Close the Events panel in other tabs of this browser; trying again.`);
      return;
    }
    if (!response.ok || !response.body) {
      const why = await errorMessage(response);
      if (mine === generation) schedule(nextBackoff(), `The Events stream answered ${response.status}${why ? `: ${why}` : ''}; trying again.`);
      return;
    }
    const bye: { retryMs?: number } = {};
    let dropped = false;
    try {
      await readSse(response.body, (message) => {
        if (mine === generation) onMessage(message, bye);
      });
    } catch {
      dropped = true;
    }
    if (mine !== generation) return;
    if (bye.retryMs !== undefined && !dropped) schedule(bye.retryMs);
    else schedule(nextBackoff(), 'The Events stream was cut off; reconnecting.');
  };

  /** The project whose notices to show (a watcher's project changed): reconnects when it is another one. */
  const use = (next: StreamAuth | undefined): void => {
    if (next && auth && next.key !== auth.key) {
      stop();
      lastRev = 0;
      backoff = FIRST_BACKOFF_MS;
      store.set(INITIAL);
    }
    const changed = next?.authorization !== auth?.authorization;
    auth = next;
    if (!auth || watchers === 0) return;
    if (changed || store.get().status === 'idle') {
      stop();
      void connect();
    }
  };

  /** Show notices of the project `next` (undefined while it is not known); call the returned function when no longer shown. */
  const watch = (next: StreamAuth | undefined): (() => void) => {
    watchers++;
    use(next);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      watchers--;
      if (watchers === 0) {
        stop();
        update({ status: 'idle', retryAt: undefined });
      }
    };
  };

  /**
   * Choose (a URL) or clear (null) where this project's notices are POSTed
   * (`PUT`/`DELETE {base}/__sandbox/webhook`); resolves with the sandbox's
   * refusal in words, so the form can keep what the reader typed.
   */
  const setTarget = async (url: string | null): Promise<{ ok: true } | { ok: false; message: string }> => {
    if (!auth) return { ok: false, message: 'The page has no sandbox project yet; try again in a moment.' };
    let response: Response;
    try {
      response = await deps.fetch(`${base}/__sandbox/webhook`, {
        method: url === null ? 'DELETE' : 'PUT',
        headers: { Authorization: auth.authorization, ...(url === null ? {} : { 'Content-Type': 'application/json' }) },
        body: url === null ? undefined : JSON.stringify({ url }),
        cache: 'no-store',
        credentials: 'omit',
      });
    } catch {
      return { ok: false, message: 'The sandbox did not answer; check your connection and try again.' };
    }
    const body = (await response.json().catch(() => null)) as { delivery?: DeliverySettings; error?: { message?: string } } | null;
    if (!response.ok || !body?.delivery) return { ok: false, message: body?.error?.message ?? `The sandbox answered ${response.status}.` };
    const delivery = body.delivery;
    store.set((state) => (state.hello ? { ...state, hello: { ...state.hello, delivery } } : state));
    return { ok: true };
  };

  return { ...store, watch, use, setTarget };
}

export type EventsStore = ReturnType<typeof createEventsStore>;

let pageStore: EventsStore | undefined;

/** The page's Events store, created on first use in the browser. */
export function pageEvents(sandboxBase: string, onUnauthorized?: () => void): EventsStore {
  pageStore ??= createEventsStore(sandboxBase, {
    fetch: (input, init) => globalThis.fetch(input, init),
    setTimeout: (run, ms) => globalThis.setTimeout(run, ms),
    clearTimeout: (timer) => globalThis.clearTimeout(timer as ReturnType<typeof setTimeout>),
    now: Date.now,
    onUnauthorized,
  });
  return pageStore;
}

/** Tests: forget the page's store. */
export function resetPageEvents(): void {
  pageStore = undefined;
}
