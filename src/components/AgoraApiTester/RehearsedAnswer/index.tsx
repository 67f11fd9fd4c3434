import React, { useState } from 'react';
import { createPortal } from 'react-dom';
import HistoryPanel from '../HistoryPanel';
import type { HistoryEntry } from '../history';
import ResponsePanel from '../ResponsePanel';
import type { FinishedPhase } from '../ResponsePanel/shownDetails';

/** A rehearsed Send to draw (see useWarmUp.ts): its answer, its history row, and `shown`, called once the answer's details are committed. */
export interface Rehearsal {
  phase: FinishedPhase;
  history: readonly HistoryEntry[];
  shown: () => void;
}

const nothing = () => undefined;

/**
 * What a rehearsed Send (rehearsal.ts) would put on the tester, its answer and
 * its history row, drawn into an element that is never put in the document, so
 * the components that draw the reader's first answer have run, and been
 * compiled, before it comes. A portal rather than a root of its own, so they
 * find the site's and the tester's contexts (colour mode, heading level) as they
 * will then. Out of the document nothing of it is styled, laid out, painted or
 * announced, and nothing in it can be clicked.
 */
export default function RehearsedAnswer({ rehearsal, container }: { rehearsal: Rehearsal; container?: HTMLElement }) {
  const [detached] = useState(() => container ?? document.createElement('div'));
  return createPortal(
    <>
      <ResponsePanel phase={rehearsal.phase} onDetailsShown={rehearsal.shown} />
      <HistoryPanel entries={rehearsal.history} onOpen={nothing} onClear={nothing} />
    </>,
    detached,
  );
}
