/**
 * State that belongs to one value (an answer's body, one attempt's request):
 * it starts again from `initial` when `owner` changes. The response panel
 * draws a new answer over the last one's elements instead of rebuilding them
 * (see shownDetails.ts), so a viewer's own choices, such as "Show all" or an
 * open inspector, would otherwise outlive the answer they were made on.
 */
import { useState, type Dispatch, type SetStateAction } from 'react';

export function useStateFor<S>(owner: unknown, initial: S): [S, Dispatch<SetStateAction<S>>] {
  const [held, setHeld] = useState({ owner, state: initial });
  // Reset during render (React re-runs this component at once, before any child sees the old state).
  const current = held.owner === owner ? held : { owner, state: initial };
  if (current !== held) setHeld(current);
  const setState: Dispatch<SetStateAction<S>> = (next) =>
    setHeld((was) => {
      const base = was.owner === owner ? was.state : initial;
      return { owner, state: typeof next === 'function' ? (next as (state: S) => S)(base) : next };
    });
  return [current.state, setState];
}
