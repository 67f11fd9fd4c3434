import { useCallback, useEffect, useRef, useState } from 'react';
import type { useCodeBlockContext } from '@docusaurus/theme-common/internal';

export type WordWrap = ReturnType<typeof useCodeBlockContext>['wordWrap'];

/** Watches only the `hidden` attribute of a tab panel. A constant, so no options object is compared per render. */
const PANEL_SHOWN: MutationObserverInit = { attributes: true, attributeFilter: ['hidden'] };

/** True when the block's lines are wider than the block, or already wrapped (the button must stay to unwrap them). */
function needsWrapButton(pre: HTMLElement): boolean {
  return pre.scrollWidth > pre.clientWidth || pre.querySelector('code')?.hasAttribute('style') === true;
}

/**
 * A code block's word-wrap state for the theme's buttons: the same behaviour as
 * the theme's own hook (the button shows when the lines scroll sideways, and
 * again when a hidden tab holding the block is shown; wrapping styles the
 * `<code>` element directly), without its per-render comparison of the
 * observer's options, which sorts their keys with `localeCompare`. The first
 * `localeCompare` on a page builds the browser's collator (about 7 ms on a
 * desktop CPU, ~30 ms at Lighthouse's 4x slowdown), and every page with a code
 * block paid it inside its hydration task.
 */
export function useWordWrap(): WordWrap {
  const codeBlockRef = useRef<HTMLPreElement>(null);
  const [isEnabled, setIsEnabled] = useState(false);
  const [isCodeScrollable, setIsCodeScrollable] = useState(false);

  const measure = useCallback(() => {
    if (codeBlockRef.current) setIsCodeScrollable(needsWrapButton(codeBlockRef.current));
  }, []);

  const toggle = useCallback(() => {
    const code = codeBlockRef.current?.querySelector('code');
    if (!code) return;
    if (isEnabled) code.removeAttribute('style');
    else {
      code.style.whiteSpace = 'pre-wrap';
      // Long tokens (URLs, ids) break too, so a wrapped block never scrolls sideways.
      code.style.overflowWrap = 'anywhere';
    }
    setIsEnabled(!isEnabled);
  }, [isEnabled]);

  useEffect(measure, [isEnabled, measure]);

  useEffect(() => {
    window.addEventListener('resize', measure, { passive: true });
    return () => window.removeEventListener('resize', measure);
  }, [measure]);

  // In a hidden tab the block measures 0 wide; measure again when its panel is shown.
  useEffect(() => {
    const panel = codeBlockRef.current?.closest('[role=tabpanel][hidden]');
    if (!panel) return undefined;
    const observer = new MutationObserver(() => {
      if (!panel.hasAttribute('hidden')) measure();
    });
    observer.observe(panel, PANEL_SHOWN);
    return () => observer.disconnect();
  }, [measure]);

  return { codeBlockRef, isEnabled, isCodeScrollable, toggle };
}
