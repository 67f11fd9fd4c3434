/**
 * Which answer's details the response panel shows, and how. Each answer has a
 * number of its own. The details of a new answer are drawn over the last
 * one's elements: React changes only what differs (for the same request sent
 * again, a few header values, ids and times), where building them anew cost a
 * style and layout pass over the whole subtree and its text on every Send
 * (about a third of Send -> painted, see the README's fifth send round). The
 * viewers start afresh all the same: each resets its own choices when its
 * content changes (useStateFor.ts, useJsonTree.ts).
 * While the next request is under way, the last answer's details stay in
 * place, hidden: removing them at Send and adding the next ones a moment later
 * made the page below the tester jump, and be laid out and painted, twice on
 * every Send, the first time on the way to the answer.
 */
import type { Phase } from '../phase';

export type FinishedPhase = Extract<Phase, { kind: 'done' | 'failed' }>;

export interface ShownDetails {
  phase: FinishedPhase;
  /** The answer's number (1, 2, …), on the details' element as `data-answer`: a mark that a new answer is in. */
  answer: number;
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
      return { phase, answer: (previous?.answer ?? 0) + 1, held: false };
  }
}
