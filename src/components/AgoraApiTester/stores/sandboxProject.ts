/**
 * This browser's own sandbox project: an App ID with its Customer ID, secret
 * and bearer token that the sandbox issued for this browser, so nothing another
 * reader does (channels, recordings, limits, resets) shows up here, and the
 * snippets act on the state the page shows.
 *
 * Kept in localStorage (`agora-tester:sandbox-project`), unlike everything else
 * the tester keeps, so every tab and reload of this browser uses one project.
 * That is safe because these are not the reader's credentials: the sandbox
 * minted them for this browser, and they open only an emulated project holding
 * what the reader put there. Live credentials stay in memory (stores/session.ts).
 *
 * The project is asked for the first time a tester is shown in sandbox mode
 * (never during the build, never on pages without testers), checked once per
 * page load, issued again when it expired, and replaced by the shared demo
 * project, with a note saying why, when none can be had: Send never waits on
 * more than the one request in flight.
 */
import { authorizationHeader } from '../../../request/apiRequest';
import type { IssuedProject } from '../../../sandbox/accounts';
import { DEMO } from '../../../sandbox/demo';
import { pageChainValues } from './chainValues';
import { createStore, useStore, type KeyValueStorage } from './createStore';
import { pageHistory } from './pageHistory';
import { sessionStore, type CredentialFields } from './session';

export const PROJECT_KEY = 'agora-tester:sandbox-project';

/** A project as the sandbox issued it (`POST /__sandbox/projects`); times are epoch ms. A type only: no sandbox code reaches the page. */
/** A project as this browser keeps it; one stored before notifications has no `ncsSecret` (the Events stream's hello carries it). */
export type SandboxProject = Omit<IssuedProject, 'ncsSecret'> & { ncsSecret?: string };

export type ProjectState =
  /** Not asked yet (the build renders this), or being issued or checked. */
  | { kind: 'pending' }
  /** `notice`: something the reader should know once (a project issued anew because the last expired). */
  | { kind: 'ready'; project: SandboxProject; notice?: string }
  /** No project of its own: the shared demo project, and why. */
  | { kind: 'shared'; notice: string };

/** What Reset project and Start over report, for the panel that asked. */
export interface ActionResult {
  ok: boolean;
  message: string;
}

interface Deps {
  /** Injected so tests answer the administrative paths themselves. */
  fetch: typeof fetch;
  /** localStorage in the browser; none where the browser refuses it (the project then lasts one page). */
  storage?: KeyValueStorage;
  /** The project was replaced (Start over, another tab, expiry) or reset: the page forgets ids that belong to `old`. */
  onForget?: (old: SandboxProject, how: 'replaced' | 'reset') => void;
}

const ID = /^[0-9a-f]{32}$/;

function parseProject(text: string | null): SandboxProject | undefined {
  if (!text) return undefined;
  try {
    const value = JSON.parse(text) as Partial<SandboxProject> | null;
    if (!value || !ID.test(String(value.appId)) || !ID.test(String(value.customerId))) return undefined;
    if (typeof value.customerSecret !== 'string' || typeof value.token !== 'string') return undefined;
    return {
      appId: String(value.appId),
      customerId: String(value.customerId),
      customerSecret: value.customerSecret,
      token: value.token,
      ...(typeof value.ncsSecret === 'string' ? { ncsSecret: value.ncsSecret } : {}),
      createdAt: Number(value.createdAt) || 0,
      expiresAt: Number(value.expiresAt) || 0,
    };
  } catch {
    return undefined;
  }
}

/** The credential fields the session uses for a project (the demo ones for the shared project). */
export function projectCredentials(project: SandboxProject | undefined): CredentialFields {
  return project
    ? { customerId: project.customerId, customerSecret: project.customerSecret, token: project.token }
    : { customerId: DEMO.customerId, customerSecret: DEMO.customerSecret, token: DEMO.token };
}

/** The App ID sandbox forms should hold: the project's, else the shared demo project's. */
export function projectAppId(state: ProjectState): string {
  return state.kind === 'ready' ? state.project.appId : DEMO.appId;
}

/** An administrative answer; `status` 0 and `error` when none came. */
interface Answer {
  status: number;
  body?: unknown;
  retryAfter?: string;
  error?: string;
}

function errorMessage(body: unknown): string | undefined {
  const message = (body as { error?: { message?: unknown } } | null)?.error?.message;
  return typeof message === 'string' ? message : undefined;
}

function sharedNotice(why: string): string {
  return `${why} This page uses the shared demo project instead: what you create there, every reader of these docs can see and change, and so can you theirs.`;
}

/** A project store; the page has one (`pageSandboxProject`), tests make their own. */
export function createSandboxProjectStore(deps: Deps) {
  const store = createStore<ProjectState>({ kind: 'pending' });
  let started: Promise<ProjectState> | undefined;
  /** A recheck under way: several testers answered 401 at once ask the sandbox once. */
  let rechecking: Promise<boolean> | undefined;
  let base = '/sandbox';
  /** App IDs this browser's earlier projects had: forms still holding one are moved to the current project. */
  const previous = new Set<string>();

  const call = async (method: string, path: string, project?: SandboxProject): Promise<Answer> => {
    try {
      const headers: Record<string, string> = {};
      if (project) headers.Authorization = authorizationHeader({ kind: 'basic', customerId: project.customerId, customerSecret: project.customerSecret });
      // `omit`: the project's credentials travel in the header we set. With the default (same-origin), a 401 carrying
      // `WWW-Authenticate: Basic` (an expired project) makes the browser pop up its own login box and hold the request.
      const response = await deps.fetch(`${base}/__sandbox/${path}`, { method, headers, cache: 'no-store', credentials: 'omit' });
      const body: unknown = await response.json().catch(() => null);
      return { status: response.status, body, retryAfter: response.headers.get('retry-after') ?? undefined };
    } catch (error) {
      return { status: 0, error: error instanceof Error ? error.message : String(error) };
    }
  };

  const save = (project: SandboxProject | undefined) => {
    try {
      if (project) deps.storage?.setItem(PROJECT_KEY, JSON.stringify(project));
      else deps.storage?.removeItem(PROJECT_KEY);
    } catch {
      // Storage full or refused: the project still serves this page.
    }
  };

  const adopt = (project: SandboxProject, notice?: string): ProjectState => {
    const current = store.get();
    if (current.kind === 'ready' && current.project.appId !== project.appId) {
      previous.add(current.project.appId);
      deps.onForget?.(current.project, 'replaced');
    }
    save(project);
    const next: ProjectState = notice ? { kind: 'ready', project, notice } : { kind: 'ready', project };
    store.set(next);
    return next;
  };

  /** A new project, or why there is none (the 429's own words when the network made too many). */
  const issue = async (): Promise<SandboxProject | string> => {
    const answer = await call('POST', 'projects');
    if (answer.status === 201) {
      const project = parseProject(JSON.stringify(answer.body));
      if (project) return project;
    }
    if (answer.status === 429) {
      const minutes = answer.retryAfter ? Math.max(1, Math.ceil(Number(answer.retryAfter) / 60)) : undefined;
      return `This network has created as many sandbox projects as the sandbox allows in an hour${minutes ? ` (try again in ${minutes} min)` : ''}.`;
    }
    if (answer.status === 0) return `Your own sandbox project could not be created: the sandbox did not answer (${answer.error}).`;
    return `Your own sandbox project could not be created (${answer.status}${errorMessage(answer.body) ? `: ${errorMessage(answer.body)}` : ''}).`;
  };

  const issueOrShare = async (expired: boolean): Promise<ProjectState> => {
    const issued = await issue();
    if (typeof issued !== 'string') {
      return adopt(
        issued,
        expired
          ? 'The sandbox no longer knew your earlier project (a week unused, deleted in another tab, or dropped by a full server), so this browser has a new one; what it held is gone.'
          : undefined,
      );
    }
    save(undefined);
    const shared: ProjectState = { kind: 'shared', notice: sharedNotice(issued) };
    store.set(shared);
    return shared;
  };

  const load = async (): Promise<ProjectState> => {
    const stored = parseProject(readStored(deps.storage));
    if (!stored) return issueOrShare(false);
    const answer = await call('GET', 'project', stored);
    if (answer.status === 401) {
      // Forms (drafts, links this browser made) may still hold its App ID: it is stale now.
      previous.add(stored.appId);
      return issueOrShare(true);
    }
    // The sandbox renews a project on use; take its new expiry. Unreachable: keep the project, Send will say why.
    const renewed = answer.status === 200 ? Number((answer.body as { expiresAt?: unknown } | null)?.expiresAt) : NaN;
    return adopt(Number.isFinite(renewed) && renewed > 0 ? { ...stored, expiresAt: renewed } : stored);
  };

  return {
    ...store,
    /** The App IDs of this browser's earlier projects (and the demo App ID): a form still holding one is stale. */
    isStaleAppId: (value: string) => value === DEMO.appId || previous.has(value),
    /**
     * Get this browser's project, once per page: from storage (checked with
     * the sandbox), else a new one, else the shared demo project. `sandboxBase`
     * is where the site mounts the sandbox (`/sandbox` under the site's base URL).
     */
    ensure(sandboxBase?: string): Promise<ProjectState> {
      if (sandboxBase) base = sandboxBase.replace(/\/+$/, '');
      started ??= load();
      return started;
    },
    /**
     * A sandbox call refused this page's credentials (401): if the sandbox no
     * longer knows the project (it expired or a full server dropped it while the
     * page was open), get a new one, as a page load would. Credentials the reader
     * typed are not the project's, so the project checks out and nothing changes.
     * Resolves true when the project was replaced.
     */
    async recheck(): Promise<boolean> {
      const current = store.get();
      if (current.kind !== 'ready') return false;
      rechecking ??= (async () => {
        const answer = await call('GET', 'project', current.project);
        if (answer.status !== 401) return false;
        previous.add(current.project.appId);
        return (await issueOrShare(true)).kind === 'ready';
      })().finally(() => {
        rechecking = undefined;
      });
      return rechecking;
    },
    /** Another tab replaced or dropped the project (a `storage` event): follow it. */
    followStorage(): void {
      const stored = parseProject(readStored(deps.storage));
      const current = store.get();
      if (stored && (current.kind !== 'ready' || current.project.appId !== stored.appId)) adopt(stored);
    },
    // The primitives Reset project and Start over use (projectActions.ts, loaded when the reader asks for one).
    call,
    issue,
    adopt,
    issueOrShare,
    forget: (old: SandboxProject, how: 'replaced' | 'reset') => deps.onForget?.(old, how),
  };
}

function readStored(storage: KeyValueStorage | undefined): string | null {
  try {
    return storage?.getItem(PROJECT_KEY) ?? null;
  } catch {
    return null;
  }
}

export type SandboxProjectStore = ReturnType<typeof createSandboxProjectStore>;

/** This browser's localStorage, or undefined during the build and where it is disabled. */
function browserStorage(): KeyValueStorage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage;
  } catch {
    return undefined;
  }
}

let pageStore: SandboxProjectStore | undefined;

/**
 * What the page drops when its project is replaced or reset: chained ids of
 * the sandbox (they name resources that are gone), and, when replaced, this
 * page's sandbox history rows of the old project (their App ID opens nothing now).
 */
function forgetOnPage(old: SandboxProject, how: 'replaced' | 'reset'): void {
  pageChainValues.set((values) => Object.fromEntries(Object.entries(values).filter(([key]) => !key.startsWith('sandbox:'))));
  if (how !== 'replaced' || typeof window === 'undefined') return;
  pageHistory(window.location.pathname).set((entries) =>
    entries.filter((entry) => entry.environment !== 'sandbox' || !JSON.stringify(entry.request).includes(old.appId)),
  );
}

/**
 * Keep the session's sandbox credentials on the project: a session still
 * holding the demo credentials or an earlier project's takes the new ones
 * (what the reader typed stays: stores/session.ts).
 */
function bindSession(store: SandboxProjectStore): void {
  const apply = () => {
    const state = store.get();
    if (state.kind === 'pending') return;
    sessionStore().setSandboxDefaults(projectCredentials(state.kind === 'ready' ? state.project : undefined));
  };
  store.subscribe(apply);
}

/** The page's project store, created on first use in the browser (see `ensure`). */
export function pageSandboxProject(deps?: Partial<Deps>): SandboxProjectStore {
  if (!pageStore) {
    pageStore = createSandboxProjectStore({
      fetch: deps?.fetch ?? ((input, init) => globalThis.fetch(input, init)),
      storage: deps?.storage ?? browserStorage(),
      onForget: deps?.onForget ?? forgetOnPage,
    });
    bindSession(pageStore);
    if (typeof window !== 'undefined') {
      window.addEventListener('storage', (event) => {
        if (event.key === PROJECT_KEY) pageStore?.followStorage();
      });
    }
  }
  return pageStore;
}

/** Tests: forget the page's project store, so the next `pageSandboxProject(deps)` builds a fresh one. */
export function resetPageSandboxProject(): void {
  pageStore = undefined;
}

/** The page's project state, re-rendering when it changes; the build renders `pending`. */
export function useSandboxProject(): [ProjectState, SandboxProjectStore] {
  const store = pageSandboxProject();
  return [useStore(store), store];
}
