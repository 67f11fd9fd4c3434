import React, { useEffect, useId, useMemo, useRef, useState } from 'react';
import { familyTitles } from '../../catalog';
import { clockTime } from '../AgoraApiTester/clock';
import { shortValue } from '../AgoraApiTester/history';
import { usePageHistory } from '../AgoraApiTester/stores/pageHistory';
import NoticeItem from './NoticeItem';
import WebhookTarget from './WebhookTarget';
import { belongsTo, causeEntry, emptyHint } from './notices';
import type { EventsState } from './store';
import { useAnnouncer, useLive } from './useAnnouncer';
import { useEvents } from './useEvents';
import styles from './styles.module.css';

export interface PanelProps {
  sandboxBase: string;
  /** A tester's family: show its notices (and those its calls caused) unless the reader asks for all. */
  family?: string;
  /** Open the stream only once the panel has been scrolled into view (a panel in the middle of a page). */
  whenVisible?: boolean;
}

/** True once `ref`'s element has come near the viewport (and from then on); true at once when not asked to wait. */
function useShown(ref: React.RefObject<HTMLElement | null>, wait: boolean): boolean {
  const [shown, setShown] = useState(!wait);
  useEffect(() => {
    if (shown || !ref.current) return undefined;
    if (typeof IntersectionObserver === 'undefined') {
      setShown(true);
      return undefined;
    }
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) setShown(true);
    }, { rootMargin: '200px 0px' });
    observer.observe(ref.current);
    return () => observer.disconnect();
  }, [ref, shown]);
  return shown;
}

/** The connection in a few words; a problem says what happened and that it tries again. */
function statusLine(state: EventsState): string {
  if (state.problem) return `${state.problem}${state.retryAt ? ` Next try at ${clockTime(state.retryAt)}.` : ''}`;
  switch (state.status) {
    case 'open':
      return `Connected: the notifications of your sandbox project${state.hello ? ` (App ID ${shortValue(state.hello.appId)})` : ''} appear here as they happen.`;
    case 'waiting':
      return 'Reconnecting…';
    case 'connecting':
      return 'Connecting to your sandbox project’s notifications…';
    default:
      return 'Connects to your sandbox project’s notifications when shown.';
  }
}

/**
 * The Events panel: this browser's sandbox project's notifications, live,
 * newest first, each as Agora would POST it (body, signed headers) with how
 * its delivery went and the call that caused it. Loaded only when shown.
 */
export default function Panel({ sandboxBase, family, whenVisible = false }: PanelProps) {
  const root = useRef<HTMLDivElement>(null);
  const [state, setTarget] = useEvents(sandboxBase, useShown(root, whenVisible));
  const [all, setAll] = useState(false);
  const toggleId = useId();
  const pathname = typeof window === 'undefined' ? '' : window.location.pathname;
  const history = usePageHistory(pathname);
  const scoped = Boolean(family) && !all;
  const shown = useMemo(() => (scoped ? state.notices.filter((notice) => belongsTo(notice, family!)) : state.notices), [scoped, state.notices, family]);
  const live = useLive(state.status === 'open');
  const announced = useAnnouncer(shown, live);
  return (
    <div ref={root} className={styles.panel} data-events-panel data-stream={state.status} data-announcing={live || undefined}>
      <p className={styles.status}>{statusLine(state)}</p>
      {state.hello && <WebhookTarget delivery={state.hello.delivery} setTarget={setTarget} />}
      {family && (
        <p className={styles.filter}>
          <input id={toggleId} type="checkbox" checked={all} onChange={(event) => setAll(event.target.checked)} />{' '}
          <label htmlFor={toggleId}>Show every product’s notifications, not only {familyTitles[family] ?? family}’s</label>
        </p>
      )}
      {/* Polite and batched: a burst of notices is one short sentence, and focus never moves. */}
      <p role="status" aria-live="polite" aria-atomic="true" className={styles.visuallyHidden}>
        {announced}
      </p>
      {shown.length === 0 ? (
        <p className={styles.empty}>{emptyHint(scoped ? family : undefined)}</p>
      ) : (
        <ol className={styles.list} aria-label="Notifications, newest first">
          {shown.map((notice) => (
            <NoticeItem key={notice.seq} notice={notice} hello={state.hello} entry={causeEntry(notice, history)} />
          ))}
        </ol>
      )}
    </div>
  );
}
