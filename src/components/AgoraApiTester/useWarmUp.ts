/**
 * Starts the warm-up (warmUp.ts) when a tester mounts, whenever that is (with
 * the page, or later when a lazily loaded tester nears the viewport): the
 * page's shared chunks once per page, then this operation's schema checks
 * (compiled ahead of time: src/catalog/checks.ts), the page's operation models,
 * and last a rehearsal of this operation's Send. Without it the first Send
 * fetched them, and the explanations and the response details, and ran all
 * of its code for the first time, while the reader waited.
 */
import { startTransition, useEffect, useState } from 'react';
import { getOperation, operationIds } from '../../catalog';
import type { OperationModel } from '../../catalog/types';
import { preloadDetails } from './ResponsePanel';
import type { Rehearsal } from './RehearsedAnswer';
import type { Rehearsed } from './rehearsal';
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

/** What the rehearsal draws: its answer and its history row. */
type Drawn = Omit<Rehearsal, 'shown'>;

/** Longest the rehearsal waits for its details to be committed; past it the warm-up goes on (it must never stall). */
const REHEARSAL_WAIT_MS = 2000;

/**
 * One Send played through against the operation's documented answer (rehearsal.ts), then its answer drawn out of
 * the document (`show`, RehearsedAnswer/) and taken down (`hide`): three steps, after everything
 * else, so the reader's first Send runs code that has run before. Nothing of it reaches the page.
 */
export function rehearsalSteps(op: OperationModel, show: (rehearsed: Drawn) => Promise<void>, hide: () => void): WarmUpStep[] {
  let rehearsed: Rehearsed | undefined;
  return [
    async () => {
      rehearsed = await (await import('./rehearsal')).rehearseSend(op);
    },
    // The details' code first (the shared step fetched it already, unless it failed), so they render at once, not lazily.
    async () => {
      if (!rehearsed || rehearsed.outcome.kind === 'blocked') return;
      const drawn = { phase: rehearsed.outcome, history: rehearsed.history };
      await preloadDetails();
      await show(drawn);
    },
    hide,
  ];
}

/** The User Timing mark made once `operationId`'s warm-up (shared chunks, then its schema checks) is over. */
export const warmUpMark = (operationId: string) => `agora-tester:warm:${operationId}`;

/** The User Timing mark made once `operationId`'s rehearsal is over. */
export const rehearsedMark = (operationId: string) => `agora-tester:rehearsed:${operationId}`;

let pageWarmUp: WarmUp | undefined;

/**
 * `onCompiled` runs once this operation's schema checks are here: the tester re-validates with every rule. Returns
 * the rehearsed answer while the rehearsal draws it (the tester renders it with RehearsedAnswer), else undefined.
 */
export function useWarmUp(op: OperationModel, onCompiled: () => void, warmUp?: WarmUp): Rehearsal | undefined {
  const [rehearsal, setRehearsal] = useState<Rehearsal | undefined>(undefined);
  useEffect(() => {
    const run = warmUp ?? (pageWarmUp ??= createWarmUp(browserIdle()));
    let mounted = true;
    // A transition: React draws the rehearsed answer in short slices, so a slow phone is never held long by it.
    const show = (drawn: Drawn) =>
      new Promise<void>((resolve) => {
        if (!mounted) return resolve();
        const timer = setTimeout(resolve, REHEARSAL_WAIT_MS);
        const shown = () => {
          clearTimeout(timer);
          resolve();
        };
        startTransition(() => setRehearsal({ ...drawn, shown }));
      });
    const hide = () => {
      if (mounted) setRehearsal(undefined);
    };
    void run('shared', sharedSteps);
    void run(`operation:${op.id}`, [() => loadValidator(op)]).then(() => {
      // A User Timing mark, so a trace or `npm run bench:send` can tell whether the warm-up was over before a Send.
      performance.mark?.(warmUpMark(op.id));
      if (mounted) onCompiled();
    });
    const models = modelSteps();
    void run(models.key, models.steps);
    void run(`rehearsal:${op.id}`, rehearsalSteps(op, show, hide)).then(() => performance.mark?.(rehearsedMark(op.id)));
    return () => {
      mounted = false;
    };
  }, [op, onCompiled, warmUp]);
  return rehearsal;
}
