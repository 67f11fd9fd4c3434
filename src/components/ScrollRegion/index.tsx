import React, { useEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { tableSize } from './estimate';
import styles from './styles.module.css';

/**
 * Wraps a wide table so it scrolls sideways inside its own box instead of
 * widening the page. WCAG 2.1.1 (axe `scrollable-region-focusable`): a box a
 * mouse user can scroll must be reachable from the keyboard too, so while the
 * content overflows, the box is a labelled, focusable region that arrow keys
 * scroll. While nothing overflows it stays out of the tab order, so tables
 * that fit add no useless tab stops. The server render has no tab stop; the
 * first client measurement adds it, so hydration markup always matches.
 *
 * The browser lays out a box's table only when it comes near the viewport
 * (`content-visibility: auto` in styles.module.css): a reference page's tables
 * were most of its first layout. Until then the box keeps room estimated from
 * the table's rows and text (`--table-rows`, `--table-chars`), and its width
 * cannot be measured: it is measured when its table is laid out.
 */
export default function ScrollRegion({ label, children }: { label?: string; children: ReactNode }): React.JSX.Element {
  const ref = useRef<HTMLDivElement>(null);
  const overflow = useOverflow(ref);
  const regionProps = overflow ? { role: 'region', 'aria-label': label ?? overflow.tableLabel, tabIndex: 0 } : {};
  const size = tableSize(children);
  const style = { '--table-rows': size.rows, '--table-chars': size.chars } as CSSProperties;
  return (
    <div ref={ref} className={styles.scroll} style={style} data-scroll-region="" data-scroll-label={label} {...regionProps}>
      {children}
    </div>
  );
}

/** True when the box's content is wider than the box. */
function overflows(el: HTMLElement): boolean {
  return el.scrollWidth > el.clientWidth + 1;
}

/**
 * False while the browser skips laying out the box's content
 * (`content-visibility: auto`, off-screen): its widths then say nothing.
 */
function laidOut(el: HTMLElement): boolean {
  const content = el.firstElementChild;
  // Where the browser cannot tell (jsdom), the content is taken as laid out.
  return !content || typeof content.checkVisibility !== 'function' || content.checkVisibility({ contentVisibilityAuto: true });
}

/** Regions waiting for markOverflowingRegions' next pass. */
const pending = new Set<HTMLElement>();

/**
 * The same rule for server HTML that no component owns yet (an island's shell,
 * src/components/Island): each overflowing region under `root` becomes a
 * labelled, focusable region, as the live component would make it. Every root
 * asked for in one task is measured in one pass, all reads before any write:
 * a page hydrating thirty islands would otherwise lay itself out once per
 * island, each write undoing the layout the next island's read needs. A region
 * whose table is not laid out yet is measured when it is
 * (`contentvisibilityautostatechange`), not laid out for the measurement.
 */
export function markOverflowingRegions(root: ParentNode): void {
  for (const el of root.querySelectorAll<HTMLElement>('[data-scroll-region]:not([tabindex])')) queueMark(el);
}

function queueMark(el: HTMLElement): void {
  if (pending.size === 0) queueMicrotask(markPending);
  pending.add(el);
}

function markPending(): void {
  const regions = [...pending].filter((el) => el.isConnected && !el.hasAttribute('tabindex'));
  pending.clear();
  const ready: HTMLElement[] = [];
  const waiting: HTMLElement[] = [];
  for (const el of regions) (laidOut(el) ? ready : waiting).push(el);
  const wide = ready.filter(overflows);
  for (const el of wide) {
    el.setAttribute('role', 'region');
    el.setAttribute('aria-label', el.dataset.scrollLabel ?? tableLabel(el));
    el.tabIndex = 0;
  }
  for (const el of waiting) el.addEventListener('contentvisibilityautostatechange', markWhenShown);
}

function markWhenShown(event: Event): void {
  const el = event.currentTarget as HTMLElement;
  if ((event as ContentVisibilityAutoStateChangeEvent).skipped) return;
  el.removeEventListener('contentvisibilityautostatechange', markWhenShown);
  queueMark(el);
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
      // Far off-screen the table is not laid out and the box measures as wide as the column: keep what is known.
      if (!laidOut(el)) return;
      const wider = overflows(el);
      setOverflow((previous) => (wider ? (previous ?? { tableLabel: tableLabel(el) }) : null));
    };
    measure();
    el.addEventListener('contentvisibilityautostatechange', measure);
    // jsdom has no ResizeObserver: one measurement is the best it can do.
    const observer = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(measure);
    observer?.observe(el);
    if (el.firstElementChild) observer?.observe(el.firstElementChild);
    return () => {
      el.removeEventListener('contentvisibilityautostatechange', measure);
      observer?.disconnect();
    };
  }, [ref]);
  return overflow;
}
