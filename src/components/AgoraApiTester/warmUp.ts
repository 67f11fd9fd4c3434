/**
 * The warm-up: work a tester's first Send would otherwise do while the reader
 * waits (fetching the schema engine, the explanations and the response
 * details, compiling the operation's schemas) done beforehand, in the page's
 * idle moments. Pure scheduling, so it is tested without a browser; what to
 * warm and when is useWarmUp.ts.
 *
 * Each key (the page's shared chunks, one operation's schemas) runs once per
 * page, however many testers ask. All runs share one queue, and every step
 * waits for an idle moment of its own: a step is one short task, so a click
 * that comes mid-warm-up waits for one step at most, never for all of them.
 */

/** Calls `task` when the page is idle (requestIdleCallback in the browser). */
export type IdleScheduler = (task: () => void) => void;

/** One piece of warm-up; may be async. A step that fails is skipped: Send loads what it needs itself and reports its own errors. */
export type WarmUpStep = () => unknown;

export type WarmUp = (key: string, steps: readonly WarmUpStep[]) => Promise<void>;

export function createWarmUp(idle: IdleScheduler): WarmUp {
  const runs = new Map<string, Promise<void>>();
  let queue: Promise<void> = Promise.resolve();
  const runSteps = async (steps: readonly WarmUpStep[]) => {
    for (const step of steps) {
      await new Promise<void>((resolve) => idle(resolve));
      try {
        await step();
      } catch {
        // Nothing to do here: the same work runs again on Send, which says what went wrong.
      }
    }
  };
  return (key, steps) => {
    let run = runs.get(key);
    if (!run) {
      run = queue = queue.then(() => runSteps(steps));
      runs.set(key, run);
    }
    return run;
  };
}

/**
 * The browser's idle scheduler: requestIdleCallback, with a timeout so a page
 * that is never idle (animations, a busy main thread) still warms up soon; a
 * short timer where the browser has no requestIdleCallback (Safari).
 */
export function browserIdle(timeoutMs = 2000): IdleScheduler {
  return (task) => {
    if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(() => task(), { timeout: timeoutMs });
    else window.setTimeout(task, 50);
  };
}
