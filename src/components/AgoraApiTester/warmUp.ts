/**
 * The warm-up: work a tester's first Send would otherwise do while the reader
 * waits (fetching the schema engine, the explanations and the response
 * details, compiling the operation's schemas) done beforehand, in the page's
 * idle moments. Pure scheduling, so it is tested without a browser; what to
 * warm and when is useWarmUp.ts.
 *
 * Each key (the page's shared chunks, one operation's schemas) runs once per
 * page, however many testers ask. All runs share one queue, and a step starts
 * only in an idle period with time left (else it waits for the next one): a
 * step is one short task, so a click that comes mid-warm-up waits for one step
 * at most, never for all of them.
 */

/** Calls `task` when the page is idle (requestIdleCallback in the browser), with the idle time left, in ms, as it goes. */
export type IdleScheduler = (task: (timeRemaining: () => number) => void) => void;

/** A step is started in an idle period only with at least this much of it left; else it waits for the next one. */
const STEP_BUDGET_MS = 10;

/** One piece of warm-up; may be async. A step that fails is skipped: Send loads what it needs itself and reports its own errors. */
export type WarmUpStep = () => unknown;

export type WarmUp = (key: string, steps: readonly WarmUpStep[]) => Promise<void>;

export function createWarmUp(idle: IdleScheduler): WarmUp {
  const runs = new Map<string, Promise<void>>();
  let queue: Promise<void> = Promise.resolve();
  let remaining: () => number = () => 0;
  const runSteps = async (steps: readonly WarmUpStep[]) => {
    for (const step of steps) {
      if (remaining() < STEP_BUDGET_MS) {
        await new Promise<void>((resolve) =>
          idle((timeRemaining) => {
            remaining = timeRemaining;
            resolve();
          }),
        );
      }
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
 * short timer where the browser has no requestIdleCallback (Safari). Once the
 * page is gone the task never runs, so a warm-up still under way just stops.
 */
export function browserIdle(timeoutMs = 2000): IdleScheduler {
  return (task) => {
    // No window: the page is gone (a test's document torn down while a step was still loading); nothing left to warm.
    if (typeof window === 'undefined') return;
    if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback((deadline) => task(() => deadline.timeRemaining()), { timeout: timeoutMs });
    else window.setTimeout(() => task(() => 0), 50);
  };
}
