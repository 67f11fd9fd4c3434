import React, { memo, useLayoutEffect } from 'react';
import type { Phase } from '../phase';
import Attempts from './Attempts';
import Body from './Body';
import Explanation from './Explanation';
import Headers from './Headers';

/**
 * Everything of an answer beyond its status line: the explanation, the
 * attempts with their inspector, the headers and the body viewer. It is only
 * ever shown after a send, so `ResponsePanel` loads it on the first Send
 * rather than with the page.
 */
function Details({ phase, onShown }: { phase: Extract<Phase, { kind: 'done' | 'failed' }>; onShown?: () => void }) {
  // Told once the answer is laid out, so the panel can bring its status line back into view if the new height moved it.
  useLayoutEffect(() => onShown?.(), [phase, onShown]);
  if (phase.kind === 'failed') {
    return (
      <>
        <Explanation explanation={phase.explanation} />
        {phase.error.details.attempts && <Attempts attempts={phase.error.details.attempts} />}
      </>
    );
  }
  const { result, explanation } = phase;
  return (
    <>
      {explanation && <Explanation explanation={explanation} />}
      <Attempts attempts={result.attempts} note={result.note} />
      <Headers headers={result.headers} />
      <Body result={result} />
    </>
  );
}

// Memoised: while a request is under way the panel keeps the last answer's details with the same props (see shownDetails.ts).
export default memo(Details);
