import React, { useEffect, useRef, useState, type ReactNode } from 'react';
import styles from './styles.module.css';

/**
 * Wraps a wide table so it scrolls sideways inside its own box instead of
 * widening the page. WCAG 2.1.1 (axe `scrollable-region-focusable`): a box a
 * mouse user can scroll must be reachable from the keyboard too, so while the
 * content overflows, the box is a labelled, focusable region that arrow keys
 * scroll. While nothing overflows it stays out of the tab order, so tables
 * that fit add no useless tab stops. The server render has no tab stop; the
 * first client measurement adds it, so hydration markup always matches.
 */
export default function ScrollRegion({ label, children }: { label?: string; children: ReactNode }): React.JSX.Element {
  const ref = useRef<HTMLDivElement>(null);
  const overflow = useOverflow(ref);
  const regionProps = overflow ? { role: 'region', 'aria-label': label ?? overflow.tableLabel, tabIndex: 0 } : {};
  return (
    <div ref={ref} className={styles.scroll} data-scroll-region="" data-scroll-label={label} {...regionProps}>
      {children}
    </div>
  );
}

/** True when the box's content is wider than the box. */
function overflows(el: HTMLElement): boolean {
  return el.scrollWidth > el.clientWidth + 1;
}

/** Roots waiting for markOverflowingRegions' next pass. */
const pending = new Set<ParentNode>();

/**
 * The same rule for server HTML that no component owns yet (an island's shell,
 * src/components/Island): each overflowing region under `root` becomes a
 * labelled, focusable region, as the live component would make it. Every root
 * asked for in one task is measured in one pass, all reads before any write:
 * a page hydrating thirty islands would otherwise lay itself out once per
 * island, each write undoing the layout the next island's read needs.
 */
export function markOverflowingRegions(root: ParentNode): void {
  if (pending.size === 0) queueMicrotask(markPending);
  pending.add(root);
}

function markPending(): void {
  const regions = [...pending].flatMap((root) => Array.from(root.querySelectorAll<HTMLElement>('[data-scroll-region]:not([tabindex])')));
  pending.clear();
  const wide = regions.filter((el) => el.isConnected && overflows(el));
  for (const el of wide) {
    el.setAttribute('role', 'region');
    el.setAttribute('aria-label', el.dataset.scrollLabel ?? tableLabel(el));
    el.tabIndex = 0;
  }
}

/**
 * A name for a region holding a Markdown table, which has no caption: its
 * column headings, which is what a screen-reader user needs to recognise it.
 */
export function tableLabel(box: HTMLElement | null): string {
  const caption = box?.querySelector('caption')?.textContent?.trim();
  if (caption) return caption;
  const headings = Array.from(box?.querySelectorAll('thead th') ?? [])
    .map((th) => th.textContent?.trim())
    .filter(Boolean);
  return headings.length > 0 ? `Table: ${headings.join(', ')}` : 'Table';
}

interface Overflow {
  tableLabel: string;
}

/**
 * null while the element's content fits its box; once it is wider, the label
 * of the table inside. Kept current as either resizes.
 */
function useOverflow(ref: React.RefObject<HTMLElement | null>): Overflow | null {
  const [overflow, setOverflow] = useState<Overflow | null>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return undefined;
    const measure = () => {
      const wider = overflows(el);
      setOverflow((previous) => (wider ? (previous ?? { tableLabel: tableLabel(el) }) : null));
    };
    measure();
    // jsdom has no ResizeObserver: one measurement is the best it can do.
    if (typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    return () => observer.disconnect();
  }, [ref]);
  return overflow;
}
