/**
 * Starts the warm-up (warmUp.ts) when a tester mounts, whenever that is (with
 * the page, or later when a lazily loaded tester nears the viewport): the
 * page's shared chunks once per page, then this operation's schema checks
 * (compiled ahead of time: src/catalog/checks.ts). Without it the first Send
 * fetched them, and the explanations and the response details, while the
 * reader waited.
 */
import { useEffect } from 'react';
import { getOperation, operationIds } from '../../catalog';
import type { OperationModel } from '../../catalog/types';
import { preloadDetails } from './ResponsePanel';
import { loadValidator } from './validate';
import { browserIdle, createWarmUp, type WarmUp, type WarmUpStep } from './warmUp';

/**
 * The chunks every tester's first Send needs, whatever its operation: the explanations, the response details, and
 * the Events entry's count (shown once the tester has made a sandbox call).
 */
export const sharedSteps = [() => Promise.all([import('./explain'), preloadDetails(), import('../EventsPanel/Count')])];

/**
 * The models of the page's registered operations, one step each. A successful answer is checked against every
 * one of them (which of their fields take a value from it: stores/chainValues.ts), so the first answer on a page
 * built them all while the reader waited: building them took about 5 ms of that answer's task
 * in a trace of the Video Calling guide's first create-channel send, about four times that on a slow phone. The
 * key names how many operations are registered, so a family that registers later gets its models warmed too.
 */
export function modelSteps(): { key: string; steps: WarmUpStep[] } {
  return { key: `models:${operationIds.length}`, steps: operationIds.map((id) => () => getOperation(id)) };
}

/** The User Timing mark made once `operationId`'s warm-up (shared chunks, then its schema checks) is over. */
export const warmUpMark = (operationId: string) => `agora-tester:warm:${operationId}`;

let pageWarmUp: WarmUp | undefined;

/** `onCompiled` runs once this operation's schema checks are here: the tester re-validates with every rule. */
export function useWarmUp(op: OperationModel, onCompiled: () => void, warmUp?: WarmUp): void {
  useEffect(() => {
    const run = warmUp ?? (pageWarmUp ??= createWarmUp(browserIdle()));
    let mounted = true;
    void run('shared', sharedSteps);
    void run(`operation:${op.id}`, [() => loadValidator(op)]).then(() => {
      // A User Timing mark, so a trace or `npm run bench:send` can tell whether the warm-up was over before a Send.
      performance.mark?.(warmUpMark(op.id));
      if (mounted) onCompiled();
    });
    const models = modelSteps();
    void run(models.key, models.steps);
    return () => {
      mounted = false;
    };
  }, [op, onCompiled, warmUp]);
}
