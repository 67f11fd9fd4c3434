/**
 * What the Events panel says about a notice: its product, a one-line summary
 * of its payload, which tester family it belongs to, the history entry of the
 * call that caused it, and the batched sentence the live region announces.
 */
import { familyList, familyOfOperation } from '../../catalog';
import { NOTIFICATION_CATALOGS } from '../../sandbox/events/catalogs';
import { objectOf, type NoticeRecord } from '../../sandbox/events/types';
import { shortValue, type HistoryEntry } from '../AgoraApiTester/history';

/** The product as Agora's console names it (`Media Pull`, `Cloud Recording`). */
export function productName(notice: Pick<NoticeRecord, 'family'>): string {
  return NOTIFICATION_CATALOGS.find((catalog) => catalog.id === notice.family)?.product ?? notice.family;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

/** One line naming what the notice is about (`player 3f2a…91bc · running`, `channel demo · uid 123`), from its product's `summary`. */
export function noticeSummary(notice: Pick<NoticeRecord, 'family' | 'body'>): string {
  const catalog = NOTIFICATION_CATALOGS.find((entry) => entry.id === notice.family);
  const parts = catalog ? catalog.summary(objectOf(notice.body.payload)) : [];
  return parts
    .map(([label, value, shorten]) => {
      const shown = text(value);
      if (shown === undefined || shown === '') return '';
      return label ? `${label} ${shorten ? shortValue(shown) : shown}` : shown;
    })
    .filter(Boolean)
    .join(' · ');
}

/**
 * The tester family a notice belongs to: its own product, or the family of the call that caused it (a player's channel events).
 * The family comes from the catalog's manifest: the call may be of a family this page has not loaded.
 */
export function belongsTo(notice: Pick<NoticeRecord, 'family' | 'cause'>, family: string): boolean {
  if (notice.family === family) return true;
  const operationId = notice.cause?.operationId;
  return Boolean(operationId && familyOfOperation(operationId) === family);
}

/** The page's history entry for the call that caused `notice`, when this page sent it. */
export function causeEntry(notice: Pick<NoticeRecord, 'cause'>, entries: readonly HistoryEntry[]): HistoryEntry | undefined {
  const requestId = notice.cause?.requestId;
  return requestId ? entries.find((entry) => entry.requestId === requestId) : undefined;
}

/** How many of `notices` the calls in `entries` caused. */
export function causedBy(notices: readonly NoticeRecord[], entries: readonly HistoryEntry[]): number {
  const ids = new Set(entries.map((entry) => entry.requestId).filter(Boolean));
  return notices.filter((notice) => notice.cause && ids.has(notice.cause.requestId)).length;
}

/** The live region's sentence for notices that just arrived: `2 new notifications: Player Created, channel create.` */
export function announcement(arrived: readonly Pick<NoticeRecord, 'name'>[]): string {
  if (arrived.length === 0) return '';
  const names = arrived.slice(0, 3).map((notice) => notice.name);
  const more = arrived.length > 3 ? ` and ${arrived.length - 3} more` : '';
  return arrived.length === 1 ? `New notification: ${names[0]}.` : `${arrived.length} new notifications: ${names.join(', ')}${more}.`;
}

/** What to do to see a first notice: the family's `x-events-hint`, or a general suggestion for a panel showing every family. */
export function emptyHint(family: string | undefined): string {
  const hint = family ? familyList.find((entry) => entry.family === family)?.eventsHint : undefined;
  return (
    hint ??
    'Send a request from a tester in Sandbox mode (create-cloud-player on the Media Pull reference, or start-recording in the guide): the notifications it causes appear here, as your server would receive them.'
  );
}
