/**
 * Reset project and Start over (see stores/sandboxProject.ts). Loaded when the
 * reader asks for one, so the page's initial JavaScript does not carry them.
 */
import type { ActionResult, SandboxProjectStore } from './sandboxProject';

export type ProjectAction = 'reset' | 'start-over';

/** Empty this browser's project (state and limit counters), keeping its App ID; chained ids on the page are forgotten. */
export async function resetProject(store: SandboxProjectStore): Promise<ActionResult> {
  const current = store.get();
  if (current.kind !== 'ready') return { ok: false, message: 'The shared demo project cannot be reset: it is every reader’s.' };
  const answer = await store.call('POST', 'reset', current.project);
  if (answer.status === 200) {
    store.forget(current.project, 'reset');
    return { ok: true, message: 'Your sandbox project was reset: its channels, recordings and players are gone, and its limits start afresh.' };
  }
  if (answer.status === 401) {
    await store.issueOrShare(true);
    return { ok: false, message: 'The sandbox no longer knew your project, so there was nothing to reset; this browser has a new one.' };
  }
  return { ok: false, message: `The reset did not go through (${answer.status === 0 ? answer.error : answer.status}). Try again in a moment.` };
}

/**
 * A new project for this browser: the new one is issued first (so a refusal
 * leaves the old one working), then the old one is deleted, best effort.
 */
export async function startOver(store: SandboxProjectStore): Promise<ActionResult> {
  const current = store.get();
  const issued = await store.issue();
  if (typeof issued === 'string') return { ok: false, message: `Could not start over: ${issued} Your current project stays.` };
  store.adopt(issued);
  if (current.kind === 'ready') void store.call('DELETE', 'project', current.project);
  return { ok: true, message: `Started over: your new sandbox project’s App ID is ${issued.appId}.` };
}

/** Run one of the two actions. */
export function runAction(store: SandboxProjectStore, action: ProjectAction): Promise<ActionResult> {
  return action === 'reset' ? resetProject(store) : startOver(store);
}
