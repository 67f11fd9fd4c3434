/**
 * Project state in the store: each request loads its project, the handler
 * changes it, and it is written back only if nobody wrote in between
 * (compare-and-set); otherwise the request is run again on the newer state.
 * That keeps two instances from losing each other's update without a
 * distributed lock. Within one instance, requests for one project take turns
 * (a queue per App ID), so they never collide with each other. Handlers change
 * only their project, so running one again is safe.
 */
import { nextScheduled, releaseDue, type DeliveryPlan } from './events/log';
import type { StateSlice } from './family';
import { createProject, decodeProject, encodeProject, sweepProject, TTL, type ProjectState } from './project';
import type { KeyValueStore } from './store/types';

/** Told of every project written back (webhook delivery, open Events streams). */
export type CommitListener = (appId: string, project: ProjectState, now: number) => void;

/** Attempts before a request gives up on a project others keep writing. */
const MAX_ATTEMPTS = 8;

const projectKey = (appId: string) => `proj:${appId}`;

/** The store kept changing the project under this request. */
export class ProjectBusyError extends Error {
  constructor(appId: string) {
    super(`Project ${appId} changed under ${MAX_ATTEMPTS} attempts in a row; send the request again.`);
  }
}

export class ProjectRepository {
  /** The last queued update per App ID; an entry leaves when its queue empties. */
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly listeners = new Set<CommitListener>();
  /** Where a notice released from now on is delivered (set by the webhook dispatcher, when there is one). */
  deliveryPlan: DeliveryPlan | undefined;

  constructor(
    private readonly store: KeyValueStore,
    private readonly slices: ReadonlyArray<StateSlice<unknown>>,
  ) {}

  /** Be told of every project this instance writes back; returns the way to stop. */
  onCommit(listener: CommitListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The project as stored, without sweeping or writing it (null: none). */
  async peek(appId: string): Promise<ProjectState | null> {
    const stored = await this.store.get(projectKey(appId));
    return stored === null ? null : decodeProject(stored);
  }

  /**
   * When a stored project next has something to release (a scheduled notice, a
   * timeout that sends one); undefined when nothing is waiting.
   */
  wakeAt(project: ProjectState, now: number): number | undefined {
    const times = [nextScheduled(project)];
    for (const slice of this.slices) {
      const state = project.slices.get(slice.family);
      if (state !== undefined) times.push(slice.wakeAt?.(state, now));
    }
    const defined = times.filter((time): time is number => time !== undefined);
    return defined.length ? Math.min(...defined) : undefined;
  }

  /**
   * Let time pass for a stored project: release what is due and sweep what expired,
   * writing only when something was due. Returns the project as it now is (null: none).
   */
  async advance(appId: string, now: number): Promise<ProjectState | null> {
    const project = await this.peek(appId);
    if (!project) return null;
    const wake = this.wakeAt(project, now);
    if (wake === undefined || wake > now) return project;
    // A project reset or deleted since the look stays gone: time passing creates none.
    return (await this.updateIfPresent(appId, now, (current) => current)) ?? null;
  }

  /** Run `change` on the App ID's project (created on first use, swept of anything expired) and keep what it did. */
  update<T>(appId: string, now: number, change: (project: ProjectState) => T): Promise<T> {
    return this.queued(appId, () => this.attempt(appId, now, change, true) as Promise<T>);
  }

  /** As `update`, for work that must not bring a missing project into being (a timer, a delivery's record): undefined then. */
  updateIfPresent<T>(appId: string, now: number, change: (project: ProjectState) => T): Promise<T | undefined> {
    return this.queued(appId, () => this.attempt(appId, now, change, false));
  }

  private queued<T>(appId: string, run: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(appId) ?? Promise.resolve();
    const turn = previous.then(run, run);
    this.queues.set(appId, turn);
    const leave = () => {
      if (this.queues.get(appId) === turn) this.queues.delete(appId);
    };
    turn.then(leave, leave);
    return turn;
  }

  private async attempt<T>(appId: string, now: number, change: (project: ProjectState) => T, create: boolean): Promise<T | undefined> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      const stored = await this.store.get(projectKey(appId));
      if (stored === null && !create) return undefined;
      const project = this.load(appId, stored, now);
      // What fell due while nobody looked is released first, so it keeps its place before what this change emits.
      releaseDue(project, now, this.deliveryPlan);
      const result = change(project);
      // What the change itself emitted for now (a Player Created) is released with it.
      releaseDue(project, now, this.deliveryPlan);
      if (await this.store.swap(projectKey(appId), stored, encodeProject(project), TTL.project)) {
        for (const listener of this.listeners) listener(appId, project, now);
        return result;
      }
    }
    throw new ProjectBusyError(appId);
  }

  /** Forget the App ID's state; its next request starts from the seeded demo data. */
  async drop(appId: string): Promise<void> {
    await this.store.delete([projectKey(appId)]);
  }

  private load(appId: string, stored: string | null, now: number): ProjectState {
    let project = stored === null ? null : decodeProject(stored);
    // The store forgets an idle project itself; the check repeats it in the sandbox's clock, which tests move.
    if (!project || now - project.lastSeen > TTL.project) project = createProject(appId, this.slices, now);
    sweepProject(project, this.slices, now);
    project.lastSeen = now;
    return project;
  }
}
