/**
 * What the Events panel says about a notice: its product, a one-line summary
 * of its payload, which tester family it belongs to, the history entry of the
 * call that caused it, and the batched sentence the live region announces.
 */
import { getOperation, hasOperation } from '../../catalog';
import { NOTIFICATION_CATALOGS } from '../../sandbox/events/catalogs';
import type { NoticeRecord } from '../../sandbox/events/types';
import { shortValue, type HistoryEntry } from '../AgoraApiTester/history';

/** The product as Agora's console names it (`Media Pull`, `Cloud Recording`). */
export function productName(notice: Pick<NoticeRecord, 'family'>): string {
  return NOTIFICATION_CATALOGS.find((catalog) => catalog.id === notice.family)?.product ?? notice.family;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** One line naming what the notice is about: `player 3f2a…91bc · running`, `sid 1a2b…c3d4 · channel demo · uid 527841`, `channel demo · uid 123`. */
export function noticeSummary(notice: Pick<NoticeRecord, 'family' | 'body'>): string {
  const payload = record(notice.body.payload);
  const parts: string[] = [];
  const add = (label: string, value: unknown, shorten = false) => {
    const shown = text(value);
    if (shown !== undefined && shown !== '') parts.push(label ? `${label} ${shorten ? shortValue(shown) : shown}` : shown);
  };
  if (notice.family === 'media-pull') {
    const player = record(payload.player);
    add('player', player.id, true);
    add('', player.status);
    add('', payload.destroyReason);
    add('channel', player.channelName);
  } else if (notice.family === 'cloud-recording') {
    const details = record(payload.details);
    add('sid', payload.sid, true);
    add('channel', payload.cname);
    add('uid', payload.uid);
    if (Array.isArray(details.fileList)) parts.push(`${details.fileList.length} file${details.fileList.length === 1 ? '' : 's'}`);
  } else {
    add('channel', payload.channelName);
    add('uid', payload.uid ?? payload.lastUid);
    if (payload.reason !== undefined) add('reason', payload.reason);
  }
  return parts.join(' · ');
}

/** The tester family a notice belongs to: its own product, or the family of the call that caused it (a player's channel events). */
export function belongsTo(notice: Pick<NoticeRecord, 'family' | 'cause'>, family: string): boolean {
  if (notice.family === family) return true;
  const operationId = notice.cause?.operationId;
  return Boolean(operationId && hasOperation(operationId) && getOperation(operationId).family === family);
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

/** What to do to see a first notice, for the family a panel is limited to (or all). */
export function emptyHint(family: string | undefined): string {
  switch (family) {
    case 'media-pull':
      return 'Send create-cloud-player: its Player Created notice appears here, and Player Status Changed (running) three seconds later.';
    case 'cloud-recording':
      return 'Send start-recording: recorder_started appears here two seconds later; stop-recording then adds recorder_leave, uploader_started, uploaded and session_exit.';
    case 'guide':
      return 'Send create-channel: the channel events and its recording’s recorder_started appear here.';
    case 'channel-management':
      return 'Calls here change who is in a channel only through ban rules: a rule that removes users shows their leave events here.';
    default:
      return 'Send a request from a tester in Sandbox mode (create-cloud-player on the Media Pull reference, or start-recording in the guide): the notifications it causes appear here, as your server would receive them.';
  }
}
