/**
 * What an API family gives the sandbox engine: its handlers, its slice of a
 * project's state, its error dialect and any header it puts on every answer.
 * Families live in `src/families/<family>/`; the engine names none of them.
 */
import type { ProjectState } from './project';
import type { OperationHandler, SandboxResult } from './types';

/** How a family's errors look (its gateway and service bodies). */
export interface ErrorDialect {
  /**
   * An error in the family's body shape. `field` is a dotted path
   * (`clientRequest.scene`) or '' when no one field is at fault; `reason` says
   * what is wrong and how to fix it; `code` is a body code where the family has one.
   */
  error(status: number, message: string, field: string, reason: string, options?: { headers?: Record<string, string>; code?: number }): SandboxResult;
  /** 400 for a request that breaks the schema or a semantic rule. */
  invalidParameter(field: string, reason: string): SandboxResult;
  /** An App ID that is not the project of the credentials sent (`ownAppId` is theirs). */
  invalidAppId(field: string, appId: string, ownAppId: string): SandboxResult;
  /** 429 past the account plan's per-minute quota. */
  planLimited(limit: number, retryAfterSeconds: number): SandboxResult;
  /** 429 past one of the catalog's QPS rows (`text` is the row's wording). */
  qpsLimited(text: string, retryAfterSeconds: number): SandboxResult;
  /** The body of an injected 429/5xx fault. */
  faultBody(status: number): unknown;
}

/** A family's part of each project: created with the project, swept on every touch. */
export interface StateSlice<S> {
  /** The family id; one slice per family. */
  readonly family: string;
  /** Fresh state for a new project (seeded demo data included). */
  create(project: ProjectState, now: number): S;
  /** Drop what has expired. Runs before the engine empties channels, so leaving users are counted. */
  sweep(state: S, project: ProjectState, now: number): void;
  /**
   * When the sweep will next have something to do that sends a notification (a timeout), so a
   * server delivering webhooks can look at the project then instead of at its next call.
   */
  wakeAt?(state: S, now: number): number | undefined;
  /** This family's state in `project` (typed). */
  of(project: ProjectState): S;
}

/** Declares a slice; `of` reads it back with its type. */
export function defineSlice<S>(family: string, spec: Pick<StateSlice<S>, 'create' | 'sweep' | 'wakeAt'>): StateSlice<S> {
  return {
    family,
    ...spec,
    of(project) {
      const state = project.slices.get(family);
      if (state === undefined) throw new Error(`Sandbox project has no "${family}" state: register the family's slice.`);
      return state as S;
    },
  };
}

/** Everything the sandbox needs from one family. */
export interface SandboxFamily {
  /** The family id (its folder name and catalog `x-family`). */
  id: string;
  /** One handler per catalog operation of the family. */
  handlers: OperationHandler[];
  dialect: ErrorDialect;
  /** Slices this family owns (none for a stateless family). */
  slices?: ReadonlyArray<StateSlice<unknown>>;
  /** Headers the family adds to every answer, e.g. Media Pull's `X-Resource-ID`. */
  responseHeaders?(params: Record<string, string>, result: SandboxResult): Record<string, string>;
}
