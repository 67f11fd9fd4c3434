import { useLayoutEffect } from 'react';

/** The mark src/css/custom.css reads: the page gives the docs column the table of contents' room. */
export const WIDE_PAGE_ATTRIBUTE = 'data-tester-wide';

/** Live testers asking for a wide page right now. */
let asking = 0;

/**
 * Marks `<html>` while at least one live tester on the page is wide. The CSS
 * once asked `.row:has([data-tester-wide])` instead, but a `:has()` over the
 * whole docs column is checked again on every change inside it: each answer
 * a tester painted paid for it (style recalculation of the page on a Send).
 * A layout effect, so the page is wide in the same frame as the tester.
 */
export function useWidePage(wide: boolean): void {
  useLayoutEffect(() => {
    if (!wide) return undefined;
    asking += 1;
    document.documentElement.setAttribute(WIDE_PAGE_ATTRIBUTE, 'true');
    return () => {
      asking -= 1;
      if (asking === 0) document.documentElement.removeAttribute(WIDE_PAGE_ATTRIBUTE);
    };
  }, [wide]);
}
