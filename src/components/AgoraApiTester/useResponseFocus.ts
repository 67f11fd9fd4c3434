/**
 * Keeps the answer where the reader is looking. When a send ends and the
 * response's status line is outside the window (a tall tester in one column,
 * or the reader scrolled), it is scrolled into view: smoothly, or at once for
 * readers who ask for reduced motion. Focus is not moved there (it stays on
 * Send); `viewResponse` moves it for the reader who asks, via "View response".
 */
import { useCallback, useEffect, useRef } from 'react';
import type { Phase } from './phase';

/** Whether a box lies entirely between `top` (below the sticky navbar) and `bottom` of the window. */
export function isInView(box: { top: number; bottom: number }, top: number, bottom: number): boolean {
  return box.top >= top && box.bottom <= bottom;
}

function behavior(): ScrollBehavior {
  return window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';
}

/** The response's status line (what a reader looks for first), else the response itself. */
function statusOf(response: HTMLElement): HTMLElement {
  return response.querySelector<HTMLElement>('[role="status"]') ?? response;
}

function reveal(response: HTMLElement): void {
  const status = statusOf(response);
  const navbar = document.querySelector('.navbar')?.getBoundingClientRect().bottom ?? 0;
  if (isInView(status.getBoundingClientRect(), Math.max(0, navbar), window.innerHeight)) return;
  // `nearest` also scrolls a sticky response column of its own; the scroll margins (CSS) keep it clear of the navbar.
  status.scrollIntoView?.({ block: 'nearest', behavior: behavior() });
}

export function useResponseFocus(phase: Phase) {
  const responseRef = useRef<HTMLDivElement>(null);
  const finished = phase.kind === 'done' || phase.kind === 'failed';
  useEffect(() => {
    if (finished && responseRef.current) reveal(responseRef.current);
  }, [phase, finished]);
  const viewResponse = useCallback(() => {
    const response = responseRef.current;
    if (!response) return;
    reveal(response);
    response.focus({ preventScroll: true });
  }, []);
  // The answer's details load after the status line (ResponsePanel/Details.tsx) and make the response
  // column taller; a column pinned to the bottom of a tall tester then moves up, so look again once they show.
  const detailsShown = useCallback(() => {
    if (responseRef.current) reveal(responseRef.current);
  }, []);
  return { responseRef, viewResponse, detailsShown };
}
