/**
 * Agora's notifications (its Notification Center Service, NCS) as the sandbox
 * emits them: the body Agora POSTs, the tables of event types each product
 * documents, and what the sandbox keeps about each notice (when it happens,
 * which call caused it, how its delivery went). Shapes only; the log is in
 * ./log.ts, signing in ./sign.ts (and one small reader, `objectOf`).
 */

/** The JSON body Agora POSTs to a webhook (request-header-body.mdx). */
export interface NotificationBody {
  noticeId: string;
  /** 1 RTC channel events, 3 Cloud Recording, 4 Media Pull, 5 Media Push. */
  productId: number;
  eventType: number;
  /** When the notification is sent (ms); a resend carries a new value. */
  notifyMs: number;
  payload: Record<string, unknown>;
}

/** One row of a product's event table, as Agora documents it. */
export interface EventTypeInfo {
  eventType: number;
  /** Agora's name for it (`Player Created`, `recorder_started`, `broadcaster join channel`). */
  name: string;
  /** What Agora says it means, in our words. */
  description: string;
  /** Cloud Recording's `serviceType` for this event. */
  serviceType?: number;
  /** What makes the sandbox emit it; absent when the sandbox never does (and `whyNot` says why). */
  sandbox?: string;
  whyNot?: string;
}

/** `value` when it is a JSON object, else `{}`: for reading a payload's nested objects. */
export function objectOf(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** One part of a notice's one-line summary: a label (`''` for none), the value, and whether to shorten a long id. */
export type SummaryPart = readonly [label: string, value: unknown, shorten?: boolean];

/** A product's notifications: its productId and event table. */
export interface NotificationCatalog {
  /** Stable id used on the wire (`NoticeRecord.family`) and in the page's tables: the family's id, or `rtc`. */
  id: string;
  /** Product name as Agora's console shows it. */
  product: string;
  productId: number;
  /** The page of Agora's docs the table comes from. */
  source: string;
  events: EventTypeInfo[];
  /** The parts of the Events panel's one-line summary of a notice, read from its payload. */
  summary(payload: Record<string, unknown>): SummaryPart[];
}

/** The call that made an event happen (its X-Request-ID links it to the tester's history). */
export interface EventCause {
  requestId: string;
  operationId: string;
  method: string;
  path: string;
}

export interface DeliveryAttempt {
  /** 1 for the first POST, 2-4 for Agora's three retries. */
  n: number;
  at: number;
  /** HTTP status your server answered, when it answered. */
  status?: number;
  /** Why the attempt failed without a status (refused, timed out after 10 s, ...). */
  error?: string;
  /** Something accepted but off-spec (a 200 whose body is not JSON). */
  note?: string;
  ms: number;
}

export interface Delivery {
  target: string;
  /** pending: waiting for its next attempt; delivered: a 200 came back; failed: four attempts, no 200. */
  state: 'pending' | 'delivered' | 'failed';
  attempts: DeliveryAttempt[];
  /** When the next attempt is due (pending only). */
  nextAt?: number;
  /** Instance that sends it; another takes over when the lease runs out. */
  owner: string;
  leaseUntil: number;
}

/**
 * What a project keeps about one notice: plain data, stored with the project, so
 * it is kept small (the noticeId, product family and call are derived or shared,
 * see ./log.ts); the wire form is NoticeRecord.
 */
export interface StoredNotice {
  /** Order of occurrence within the project, from 1. */
  seq: number;
  /** 0 until released (only released notices are shown or sent), then bumped on every change (a delivery attempt); streams resume from it. */
  rev: number;
  productId: number;
  eventType: number;
  payload: Record<string, unknown>;
  /** When it happens (ms). Later than now for a scheduled event (a player turning `running`). */
  at: number;
  /** notifyMs of the latest delivery attempt; absent: `at`, when it would have been sent. */
  notifyMs?: number;
  /** The call that caused it: a key of the log's `causes` (one entry per call, not per notice). */
  causeId?: number;
  /** What caused it when no call did (`idle timeout`, `recording ran for an hour untouched`). */
  origin?: string;
  /** A scheduled notice with this key is dropped when its subject goes (a player deleted before it ran); gone once released. */
  cancelKey?: string;
  delivery?: Delivery;
}

/** A released notice as the Events stream sends it (`event: notice`). */
export interface NoticeRecord {
  seq: number;
  rev: number;
  family: NotificationCatalog['id'];
  /** Agora's name for the event type. */
  name: string;
  body: NotificationBody;
  /** The exact bytes POSTed (and signed). */
  raw: string;
  /** Content-Type, Agora-Signature (HMAC-SHA1) and Agora-Signature-V2 (HMAC-SHA256), hex, of `raw`. */
  headers: Record<string, string>;
  cause?: EventCause;
  origin?: string;
  delivery?: Omit<Delivery, 'owner' | 'leaseUntil'>;
}

/** The first message of the Events stream (`event: hello`). */
export interface StreamHello {
  appId: string;
  /** The project's NCS secret, the key of both signatures. */
  ncsSecret: string;
  delivery: DeliverySettings;
}

/** Where this project's notifications go, and what the operator allows. */
export interface DeliverySettings {
  /** The URL notices are POSTed to (null: shown here only). */
  target: string | null;
  /** Set by the operator (`--webhook`, SANDBOX_WEBHOOK_URL) rather than by this project. */
  operatorTarget: boolean;
  /** Whether this project may choose its own target (the operator allowed some). */
  configurable: boolean;
  /** URL prefixes a project may choose (empty: none). */
  allowed: string[];
}
