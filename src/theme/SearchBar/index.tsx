import React, { useCallback, useEffect, useLayoutEffect, useRef, useState, type ComponentProps, type ComponentType } from 'react';
import clsx from 'clsx';
import useIsBrowser from '@docusaurus/useIsBrowser';
import { useLocation } from '@docusaurus/router';
// The plugin's own class names, so the stand-in looks and sits exactly like its box.
import styles from '@easyops-cn/docusaurus-search-local/dist/client/client/theme/SearchBar/SearchBar.module.css';
import ringStyles from '@easyops-cn/docusaurus-search-local/dist/client/client/theme/LoadingRing/LoadingRing.module.css';
import type OriginalSearchBar from '@theme-original/SearchBar';
import { arrivedFromSearch, isMacPlatform, isSearchShortcut, shortcutHints } from './intent';

type Props = ComponentProps<typeof OriginalSearchBar>;

/** Marks the stand-in's box: while the real one is mounted hidden, both are in the document. */
const STAND_IN = 'data-search-stand-in';

/** The plugin's search box, with lunr and its index machinery: a chunk of its own, loaded on intent. */
const loadRealSearchBar = () => import('@theme-original/SearchBar').then((module) => module.default as ComponentType<Props>);

/**
 * The navbar's search box. Every page shows it, but few readers search on a
 * given page, so its code is not part of the page: a stand-in with the same
 * markup and classes is rendered (on the server too), and the real box loads
 * when the reader shows intent: pointer over it, focus in it, Ctrl/Cmd+K, or
 * arriving from a search result (whose terms it highlights).
 *
 * The stand-in stays on screen, focused and typed into, until the real box is
 * ready; then both swap in one commit, what was typed and the focus move across,
 * and the real box takes over as if it had been there all along. "Ready" is one
 * task after the real box mounted, not the mount itself: on mount the plugin
 * schedules a task that sets its box to the page's highlighted words (none, on
 * most pages), which wiped text handed over earlier, or the first letters of text
 * still being typed. So the real box mounts hidden (`display: none`, so it takes no
 * focus and no space), the stand-in goes on taking keys, and the swap happens in a
 * task scheduled after the plugin's.
 * No Suspense boundary: on the server React 19 may stream a boundary's content
 * out of place behind an inline script, which the page's CSP and the search
 * index should not depend on.
 */
export default function SearchBar(props: Props): React.JSX.Element {
  const [Real, setReal] = useState<ComponentType<Props> | null>(null);
  const [settled, setSettled] = useState(false);
  const wanted = useRef(false);
  const holder = useRef<HTMLSpanElement>(null);
  const typed = useRef('');
  const focused = useRef(false);
  const location = useLocation();

  const load = useCallback(() => {
    if (wanted.current) return;
    wanted.current = true;
    loadRealSearchBar().then(
      (component) => setReal(() => component),
      () => {
        // Offline or a deploy replaced the chunk: the stand-in stays, and the next intent tries again.
        wanted.current = false;
      },
    );
  }, []);

  useEffect(() => {
    if (arrivedFromSearch(location.search)) load();
  }, [location.search, load]);

  // The shortcut works before the real box is there; the real box registers its own (and, while it is mounted
  // hidden, focusing its box would do nothing: the stand-in still takes the keys).
  useEffect(() => {
    if (Real && settled) return undefined;
    const mac = isMacPlatform(navigator);
    const onKey = (event: KeyboardEvent) => {
      if (!isSearchShortcut(event, mac)) return;
      event.preventDefault();
      holder.current?.querySelector<HTMLInputElement>(`input[${STAND_IN}]`)?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [Real, settled]);

  const settle = useCallback(() => setSettled(true), []);
  const live = Real !== null && settled;
  return (
    <span ref={holder} className="search-bar-holder" style={{ display: 'contents' }}>
      {Real && (
        // One wrapper whether hidden or shown, so revealing the box does not mount it again.
        <span style={{ display: live ? 'contents' : 'none' }}>
          <Real {...props} />
        </span>
      )}
      {Real && !settled && <AfterFirstTask onDone={settle} />}
      {live ? <HandOver holder={holder} typed={typed} focused={focused} /> : <StandIn onIntent={load} typed={typed} focused={focused} />}
    </span>
  );
}

/**
 * Calls `onDone` in a task scheduled after those the components before it scheduled when they mounted: its
 * effect runs after theirs in the same commit, and timers of equal delay run in the order they were set.
 */
function AfterFirstTask({ onDone }: { onDone: () => void }): null {
  useEffect(() => {
    const timer = window.setTimeout(onDone, 0);
    return () => window.clearTimeout(timer);
  }, [onDone]);
  return null;
}

interface StandInProps {
  onIntent: () => void;
  typed: React.MutableRefObject<string>;
  focused: React.MutableRefObject<boolean>;
}

/** Looks like the plugin's closed search box (same markup and classes), and records what the reader did in it. */
function StandIn({ onIntent, typed, focused }: StandInProps): React.JSX.Element {
  const isBrowser = useIsBrowser();
  const [value, setValue] = useState(typed.current);
  return (
    <div className={clsx('navbar__search', styles.searchBarContainer)} dir="ltr" onPointerEnter={onIntent} onTouchStart={onIntent}>
      <svg aria-hidden="true" className={styles.searchIcon} focusable="false" viewBox="0 0 16 16">
        <path
          fill="currentColor"
          d="M6.02945 10.20327a4.17382 4.17382 0 1 1 4.17382-4.17382 4.15609 4.15609 0 0 1-4.17382 4.17382Zm9.69195 4.2199-4.8225-4.82338A5.88021 5.88021 0 0 0 12.058 6.02856 6.00467 6.00467 0 1 0 9.59979 10.8989l4.82338 4.82338a.89729.89729 0 0 0 1.29912 0 .89749.89749 0 0 0-.00087-1.29909Z"
        />
      </svg>
      <input
        {...{ [STAND_IN]: '' }}
        placeholder="Search"
        aria-label="Search"
        className={`navbar__search-input ${styles.searchInput}`}
        value={value}
        onChange={(event) => {
          typed.current = event.target.value;
          setValue(event.target.value);
        }}
        onFocus={() => {
          focused.current = true;
          onIntent();
        }}
        onBlur={() => {
          focused.current = false;
        }}
      />
      <div className={clsx(ringStyles.loadingRing, styles.searchBarLoadingRing)}>
        <div />
        <div />
        <div />
        <div />
      </div>
      {isBrowser && value === '' && (
        <div className={styles.searchHintContainer}>
          {shortcutHints(isMacPlatform(navigator)).map((hint) => (
            <kbd key={hint} className={styles.searchHint}>
              {hint}
            </kbd>
          ))}
        </div>
      )}
    </div>
  );
}

/**
 * Runs when the real box is shown: gives it what was typed into the stand-in, and the focus if the stand-in had
 * it. A layout effect, so this happens in the task that removed the stand-in: a key pressed a moment later finds
 * the real box focused and holding the text, where after a passive effect it could land on the page and be lost.
 */
function HandOver({ holder, typed, focused }: { holder: React.RefObject<HTMLSpanElement | null> } & Omit<StandInProps, 'onIntent'>): null {
  useLayoutEffect(() => {
    const input = holder.current?.querySelector('input');
    if (!input) return;
    if (typed.current) {
      // Through the native setter and an input event, so the box's own state (React's onChange) sees the text.
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, typed.current);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }
    if (focused.current) input.focus();
  }, [holder, typed, focused]);
  return null;
}
