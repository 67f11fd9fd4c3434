/**
 * The page's request history: the last 20 requests, newest first, without
 * credentials and with the catalog's secret fields emptied. It holds no
 * secrets, so it lives in sessionStorage (this tab only, gone when the tab
 * closes); never localStorage.
 */
import { getOperation, hasOperation } from '../../catalog';
import type { OperationModel } from '../../catalog/types';
import type { ApiRequest } from '../../request/apiRequest';
import type { RelayEnvironment } from '../../relay/contract';
import { scrubShared, toShared, withoutSecrets, type SharedRequest } from './share';

export const HISTORY_LIMIT = 20;

export interface HistoryEntry {
  id: string;
  /** Epoch ms when it was sent. */
  at: number;
  environment: RelayEnvironment;
  request: SharedRequest;
  /** Final HTTP status, or null when no status came back. */
  status: number | null;
  /** Short outcome for the list, e.g. `200 OK`, `timeout`. */
  outcome: string;
}

export function historyEntry(
  request: ApiRequest,
  op: OperationModel,
  outcome: { environment: RelayEnvironment; status: number | null; text: string; at: number },
): HistoryEntry {
  return {
    id: `${outcome.at.toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
    at: outcome.at,
    environment: outcome.environment,
    request: toShared(request, op),
    status: outcome.status,
    outcome: outcome.text,
  };
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
      .map((entry) => ({ ...entry, request: scrubbed({ ...entry.request, headers: withoutSecrets(entry.request.headers ?? {}) }) }))
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
