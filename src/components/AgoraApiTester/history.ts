/**
 * The page's request history: the last 20 requests, newest first, without
 * credentials and with the catalog's secret fields emptied. It holds no
 * secrets, so it lives in sessionStorage (this tab only, gone when the tab
 * closes); never localStorage.
 */
import { getOperation, hasOperation } from '../../catalog';
import type { HttpMethod, OperationModel } from '../../catalog/types';
import type { ApiRequest } from '../../request/apiRequest';
import type { RelayClientError } from '../../relay/client';
import type { RelayEnvironment } from '../../relay/contract';
import { scrubShared, toShared, withoutSecrets, type SharedRequest } from './share';

export const HISTORY_LIMIT = 20;

/** An answer came back (any status), or none did: it failed, or the reader cancelled it. */
export type HistoryKind = 'answered' | 'failed' | 'cancelled';

export interface HistoryEntry {
  id: string;
  /** Epoch ms when it was sent. */
  at: number;
  environment: RelayEnvironment;
  request: SharedRequest;
  /** Final HTTP status, or null when no status came back. */
  status: number | null;
  kind: HistoryKind;
  /** Short outcome for the list, e.g. `200 OK`, `Timed out`, `Cancelled`. */
  outcome: string;
  /** The answer's X-Request-ID: the Events panel links a notice this call caused back to this entry. */
  requestId?: string;
}

export function historyEntry(
  request: ApiRequest,
  op: OperationModel,
  outcome: { environment: RelayEnvironment; status: number | null; text: string; at: number; kind?: HistoryKind; requestId?: string },
): HistoryEntry {
  return {
    id: `${outcome.at.toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
    at: outcome.at,
    environment: outcome.environment,
    request: toShared(request, op),
    status: outcome.status,
    kind: outcome.kind ?? kindOf(outcome.status),
    outcome: outcome.text,
    ...(outcome.requestId ? { requestId: outcome.requestId } : {}),
  };
}

function kindOf(status: number | null): HistoryKind {
  return status === null ? 'failed' : 'answered';
}

// The relay's own codes, in the few words a history row has room for.
const FAILURE_WORDS: Partial<Record<NonNullable<RelayClientError['details']['code']>, string>> = {
  rate_limited: 'Refused: relay rate limit',
  live_disabled: 'Refused: Live is off',
  origin_not_allowed: 'Refused: origin',
  upstream_unreachable: 'Host unreachable',
  upstream_too_large: 'Answer too large',
  upstream_redirect: 'Redirected',
  upstream_timeout: 'Timed out',
};

/** A send with no answer, in the few words of a history row: `Cancelled`, `Timed out`, `Host unreachable`, `Refused by the relay`. */
export function failureOutcome(error: Pick<RelayClientError, 'kind' | 'details'>): { kind: HistoryKind; text: string } {
  if (error.kind === 'abort') return { kind: 'cancelled', text: 'Cancelled' };
  const known = error.details.code && FAILURE_WORDS[error.details.code];
  if (known) return { kind: 'failed', text: known };
  switch (error.kind) {
    case 'timeout':
      return { kind: 'failed', text: 'Timed out' };
    case 'network':
      return { kind: 'failed', text: 'No connection' };
    case 'upstream':
      return { kind: 'failed', text: 'Host unreachable' };
    case 'blocked':
      return { kind: 'failed', text: 'Refused by the relay' };
  }
}

/** Ids (App IDs, resource ids, sids: 32 characters and more) are cut to their ends in a row; names fit whole; the entry itself keeps them whole. */
export function shortValue(value: string, max = 16): string {
  return value.length <= max ? value : `${value.slice(0, 4)}…${value.slice(-4)}`;
}

/** The few scalars a row names besides the path: query values, then top-level body fields (cname, uid, channel…). */
const KEY_PARAMS = 3;

/** What a history row shows of its request: method, the path with its values filled in (shortened), and key parameters. */
export function entrySummary(entry: Pick<HistoryEntry, 'request'>, op: Pick<OperationModel, 'method' | 'path'>): {
  method: HttpMethod;
  path: string;
  params: Array<{ name: string; value: string }>;
} {
  const { pathParams, query, body, cleared = [] } = entry.request;
  const path = op.path.replace(/\{([^}]+)\}/g, (placeholder, name: string) => (pathParams[name] ? shortValue(pathParams[name]) : placeholder));
  const scalars = body !== null && typeof body === 'object' && !Array.isArray(body) ? Object.entries(body as Record<string, unknown>) : [];
  const params = [...Object.entries(query), ...scalars]
    .filter((pair): pair is [string, string | number | boolean] => ['string', 'number', 'boolean'].includes(typeof pair[1]) && pair[1] !== '' && !cleared.includes(pair[0]))
    .slice(0, KEY_PARAMS)
    .map(([name, value]) => ({ name, value: shortValue(String(value)) }));
  return { method: op.method, path, params };
}

/** Newest first, at most HISTORY_LIMIT. */
export function addEntry(history: readonly HistoryEntry[], entry: HistoryEntry): HistoryEntry[] {
  return [entry, ...history].slice(0, HISTORY_LIMIT);
}

export function storageKey(pathname: string): string {
  return `agora-tester:history:${pathname}`;
}

/** Parse what sessionStorage holds; anything malformed is dropped rather than trusted. */
export function parseHistory(text: string | null): HistoryEntry[] {
  if (!text) return [];
  try {
    const value = JSON.parse(text) as unknown;
    if (!Array.isArray(value)) return [];
    return value
      .filter((entry): entry is HistoryEntry =>
        entry !== null && typeof entry === 'object' && typeof entry.id === 'string' && typeof entry.request?.operationId === 'string',
      )
      .map((entry) => ({
        ...entry,
        // Entries from before the kind was kept: a status means an answer.
        kind: entry.kind === 'answered' || entry.kind === 'failed' || entry.kind === 'cancelled' ? entry.kind : kindOf(entry.status ?? null),
        requestId: typeof entry.requestId === 'string' ? entry.requestId : undefined,
        request: scrubbed({ ...entry.request, headers: withoutSecrets(entry.request.headers ?? {}) }),
      }))
      .slice(0, HISTORY_LIMIT);
  } catch {
    return [];
  }
}

/** An entry's request with its operation's secrets emptied; an operation the catalog no longer has cannot be reopened anyway. */
function scrubbed(request: SharedRequest): SharedRequest {
  const safe = { ...request, pathParams: request.pathParams ?? {}, query: request.query ?? {} };
  return hasOperation(request.operationId) ? scrubShared(safe, getOperation(request.operationId)) : safe;
}

export function serializeHistory(history: readonly HistoryEntry[]): string {
  return JSON.stringify(history.slice(0, HISTORY_LIMIT));
}
