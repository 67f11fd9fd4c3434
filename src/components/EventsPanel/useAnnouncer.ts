import { useEffect, useRef, useState } from 'react';
import type { NoticeRecord } from '../../sandbox/events/types';
import { announcement } from './notices';

/** Notices arriving within this long are announced in one sentence. */
export const ANNOUNCE_BATCH_MS = 1500;

/** How long after the stream opens what arrives still counts as the backlog (the project's earlier notices). */
export const BACKLOG_MS = 700;

/**
 * The sentence a polite live region reads for notices that arrived since the
 * panel was shown: batched (one sentence per burst, not one per message), and
 * never for the notices already there when it opened or sent as the backlog
 * when the stream opened (`live` false until then), nor for a notice that
 * only came again with a newer delivery state.
 */
export function useAnnouncer(notices: readonly NoticeRecord[], live: boolean): string {
  const seen = useRef<Set<number> | null>(null);
  const pending = useRef<NoticeRecord[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [message, setMessage] = useState('');
  useEffect(() => () => clearTimeout(timer.current), []);
  useEffect(() => {
    if (!seen.current || !live) {
      seen.current ??= new Set();
      notices.forEach((notice) => seen.current!.add(notice.seq));
      return;
    }
    const arrived = notices.filter((notice) => !seen.current!.has(notice.seq));
    if (arrived.length === 0) return;
    arrived.forEach((notice) => seen.current!.add(notice.seq));
    // Oldest first, as they happened.
    pending.current.push(...[...arrived].reverse());
    if (timer.current !== undefined) return;
    timer.current = setTimeout(() => {
      timer.current = undefined;
      setMessage(announcement(pending.current));
      pending.current = [];
    }, ANNOUNCE_BATCH_MS);
  }, [notices, live]);
  return message;
}

/** True once the stream has been open for BACKLOG_MS (and stays true): from then on, notices are news. */
export function useLive(open: boolean): boolean {
  const [live, setLive] = useState(false);
  useEffect(() => {
    if (!open || live) return undefined;
    const timer = setTimeout(() => setLive(true), BACKLOG_MS);
    return () => clearTimeout(timer);
  }, [open, live]);
  return live;
}
