/**
 * Which answer's details the response panel shows, and how. A new answer gets
 * details of its own (a new key: rebuilt, nothing carried over from the last
 * answer's viewers). While the next request is under way, the last answer's
 * details stay in place, hidden: removing them at Send and adding the next
 * ones a moment later made the page below the tester jump, and be laid out
 * and painted, twice on every Send, the first time on the way to the answer.
 */
import type { Phase } from '../phase';

export type FinishedPhase = Extract<Phase, { kind: 'done' | 'failed' }>;

export interface ShownDetails {
  phase: FinishedPhase;
  /** One per answer: React rebuilds the details when it changes. */
  key: number;
  /** The last answer's, kept (invisible, out of the accessibility tree) while a request is under way. */
  held: boolean;
}

/** What to show for `phase`, given what was shown before (`previous`). */
export function shownDetails(previous: ShownDetails | undefined, phase: Phase): ShownDetails | undefined {
  switch (phase.kind) {
    case 'idle':
      return undefined;
    case 'sending':
      return previous && { ...previous, held: true };
    default:
      if (previous?.phase === phase) return previous.held ? { ...previous, held: false } : previous;
      return { phase, key: (previous?.key ?? 0) + 1, held: false };
  }
}
