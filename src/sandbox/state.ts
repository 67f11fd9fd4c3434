/**
 * Project state in the store: each request loads its project, the handler
 * changes it, and it is written back only if nobody wrote in between
 * (compare-and-set); otherwise the request is run again on the newer state.
 * That keeps two instances from losing each other's update without a
 * distributed lock. Within one instance, requests for one project take turns
 * (a queue per App ID), so they never collide with each other. Handlers change
 * only their project, so running one again is safe.
 */
import type { StateSlice } from './family';
import { createProject, decodeProject, encodeProject, sweepProject, TTL, type ProjectState } from './project';
import type { KeyValueStore } from './store/types';

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

  constructor(
    private readonly store: KeyValueStore,
    private readonly slices: ReadonlyArray<StateSlice<unknown>>,
  ) {}

  /** Run `change` on the App ID's project (created on first use, swept of anything expired) and keep what it did. */
  update<T>(appId: string, now: number, change: (project: ProjectState) => T): Promise<T> {
    const previous = this.queues.get(appId) ?? Promise.resolve();
    const turn = previous.then(
      () => this.attempt(appId, now, change),
      () => this.attempt(appId, now, change),
    );
    this.queues.set(appId, turn);
    const leave = () => {
      if (this.queues.get(appId) === turn) this.queues.delete(appId);
    };
    turn.then(leave, leave);
    return turn;
  }

  private async attempt<T>(appId: string, now: number, change: (project: ProjectState) => T): Promise<T> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      const stored = await this.store.get(projectKey(appId));
      const project = this.load(appId, stored, now);
      const result = change(project);
      if (await this.store.swap(projectKey(appId), stored, encodeProject(project), TTL.project)) return result;
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
