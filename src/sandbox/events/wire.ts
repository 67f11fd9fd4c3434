/** A stored notice as Agora would send it (body, raw bytes, signed headers) and as the Events stream shows it. */
import type { ProjectState } from '../project';
import { catalogOf } from './catalogs';
import { causeOf, noticeIdOf, type EventLog } from './log';
import { notificationHeaders } from './sign';
import type { NoticeRecord, NotificationBody, StoredNotice } from './types';

/** The body Agora POSTs, with the notifyMs of this send. */
export function noticeBody(log: Pick<EventLog, 'tag'>, notice: StoredNotice, notifyMs = notice.notifyMs ?? notice.at): NotificationBody {
  return { noticeId: noticeIdOf(log, notice), productId: notice.productId, eventType: notice.eventType, notifyMs, payload: notice.payload };
}

export async function toRecord(notice: StoredNotice, project: ProjectState, secret: string): Promise<NoticeRecord> {
  const cause = causeOf(project, notice);
  const catalog = catalogOf(notice.productId);
  const body = noticeBody(project.events!, notice);
  const raw = JSON.stringify(body);
  const delivery = notice.delivery ? { target: notice.delivery.target, state: notice.delivery.state, attempts: notice.delivery.attempts, ...(notice.delivery.nextAt !== undefined ? { nextAt: notice.delivery.nextAt } : {}) } : undefined;
  return {
    seq: notice.seq,
    rev: notice.rev,
    family: catalog.id,
    name: catalog.events.find((row) => row.eventType === notice.eventType)?.name ?? `event ${notice.eventType}`,
    body,
    raw,
    headers: await notificationHeaders(raw, secret),
    ...(cause ? { cause } : {}),
    ...(notice.origin ? { origin: notice.origin } : {}),
    ...(delivery ? { delivery } : {}),
  };
}
