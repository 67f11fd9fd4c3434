/**
 * A project's notices: what its families emit, in order, kept with the
 * project (so an event and the change that caused it are written together).
 * A notice may be scheduled (`at` later than now: a player that will be
 * `running` in three seconds); it is released, given its notifyMs and shown
 * or sent once its time comes, and dropped if its subject goes first.
 */
import { randomHex } from '../ids';
import type { ProjectState } from '../project';
import type { Delivery, EventCause, NotificationCatalog, StoredNotice } from './types';

/**
 * Notices a project keeps; the oldest go first. They are stored with the project, so this
 * bounds what each visitor costs the store (~0.3 KB a notice) as much as what the panel shows.
 */
export const MAX_NOTICES = 100;

export interface EventLog {
  /** Random per log, so noticeIds differ after a reset starts seq from 1 again (receivers dedupe by noticeId). */
  tag: string;
  nextSeq: number;
  rev: number;
  items: StoredNotice[];
  /** The calls the kept notices came from: a create's three notices share one entry. */
  causes: Map<number, EventCause>;
  nextCause: number;
}

/** The project's log, created on first use (projects stored before notifications have none). */
export function eventLog(project: ProjectState): EventLog {
  project.events ??= { tag: randomHex(4), nextSeq: 1, rev: 0, items: [], causes: new Map(), nextCause: 1 };
  return project.events;
}

/** Agora's look ("2000001428:4330:107"): unique per notice, the same on every resend. */
export function noticeIdOf(log: Pick<EventLog, 'tag'>, notice: Pick<StoredNotice, 'seq' | 'eventType'>): string {
  return `${log.tag}:${notice.seq}:${notice.eventType}`;
}

/** Released: its time has come, so it is shown and sent (release gives it its first rev). */
export function isReleased(notice: StoredNotice): boolean {
  return notice.rev > 0;
}

export interface EmitSpec {
  catalog: Pick<NotificationCatalog, 'productId'>;
  eventType: number;
  payload: Record<string, unknown>;
  /** When it happens (ms); a later time schedules it. */
  at: number;
  cancelKey?: string;
  origin?: string;
}

/** Add a notice. Released by the next `releaseDue` whose clock has reached `at`. */
export function emitNotice(project: ProjectState, spec: EmitSpec): StoredNotice {
  const log = eventLog(project);
  const seq = log.nextSeq++;
  const notice: StoredNotice = {
    seq,
    rev: 0,
    productId: spec.catalog.productId,
    eventType: spec.eventType,
    payload: spec.payload,
    at: spec.at,
    ...(spec.cancelKey ? { cancelKey: spec.cancelKey } : {}),
    ...(spec.origin ? { origin: spec.origin } : {}),
  };
  log.items.push(notice);
  if (log.items.length > MAX_NOTICES) {
    log.items.splice(0, log.items.length - MAX_NOTICES);
    forgetUnusedCauses(log);
  }
  return notice;
}

/**
 * A subject went at `at`: drop its notices scheduled after that. Ones due before it
 * stay, released or not (nobody may have looked at the project in between).
 */
export function cancelNotices(project: ProjectState, cancelKey: string, at: number): void {
  const log = project.events;
  if (!log) return;
  log.items = log.items.filter((notice) => isReleased(notice) || notice.cancelKey !== cancelKey || notice.at <= at);
  forgetUnusedCauses(log);
}

/** Where a released notice goes: a delivery to start, or none (shown in the Events panel only). */
export type DeliveryPlan = (notice: StoredNotice, project: ProjectState) => Delivery | undefined;

/**
 * Release every notice whose time has come, in the order they happen. Returns
 * how many were released. A released notice's notifyMs is its `at` (when Agora
 * would have sent it, even if nobody looked at the project until later) until a
 * delivery attempt sends it later.
 */
export function releaseDue(project: ProjectState, now: number, plan?: DeliveryPlan): number {
  const log = project.events;
  if (!log) return 0;
  const due = log.items.filter((notice) => !isReleased(notice) && notice.at <= now).sort((a, b) => a.at - b.at || a.seq - b.seq);
  for (const notice of due) {
    delete notice.cancelKey;
    notice.rev = ++log.rev;
    const delivery = plan?.(notice, project);
    if (delivery) notice.delivery = delivery;
  }
  return due.length;
}

/** The first moment a scheduled notice falls due (undefined: none scheduled). */
export function nextScheduled(project: ProjectState): number | undefined {
  let next: number | undefined;
  for (const notice of project.events?.items ?? []) {
    if (!isReleased(notice) && (next === undefined || notice.at < next)) next = notice.at;
  }
  return next;
}

/** The log's length before a request's handler runs; `stampCause` marks what came after. */
export function causeMark(project: ProjectState): number {
  return eventLog(project).nextSeq;
}

/** Mark the notices a call produced (scheduled ones too) with that call. */
export function stampCause(project: ProjectState, mark: number, cause: EventCause): void {
  const log = eventLog(project);
  const id = log.nextCause;
  let used = false;
  for (const notice of log.items) {
    if (notice.seq >= mark && notice.causeId === undefined && !notice.origin) {
      notice.causeId = id;
      used = true;
    }
  }
  if (used) {
    log.causes.set(id, cause);
    log.nextCause += 1;
  }
}

/** The call a notice came from, if one did. */
export function causeOf(project: ProjectState, notice: StoredNotice): EventCause | undefined {
  return notice.causeId === undefined ? undefined : project.events?.causes.get(notice.causeId);
}

function forgetUnusedCauses(log: EventLog): void {
  const used = new Set(log.items.map((notice) => notice.causeId));
  for (const id of log.causes.keys()) if (!used.has(id)) log.causes.delete(id);
}

/** Record a change to a released notice (a delivery attempt), so streams send it again. */
export function touchNotice(project: ProjectState, notice: StoredNotice): void {
  notice.rev = ++eventLog(project).rev;
}

/** Released notices changed after `rev`, oldest change first. */
export function changedSince(project: ProjectState, rev: number): StoredNotice[] {
  return (project.events?.items ?? []).filter((notice) => isReleased(notice) && notice.rev > rev).sort((a, b) => a.rev - b.rev);
}
