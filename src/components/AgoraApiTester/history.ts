/**
 * The page's request history: the last 20 requests, newest first, without
 * credentials. It holds no secrets, so it lives in sessionStorage (this tab
 * only, gone when the tab closes); never localStorage.
 */
import type { ApiRequest } from '../../request/apiRequest';
import type { RelayEnvironment } from '../../relay/contract';
import { toShared, withoutSecrets, type SharedRequest } from './share';

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
  outcome: { environment: RelayEnvironment; status: number | null; text: string; at: number },
): HistoryEntry {
  return {
    id: `${outcome.at.toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
    at: outcome.at,
    environment: outcome.environment,
    request: toShared(request),
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
      .map((entry) => ({ ...entry, request: { ...entry.request, headers: withoutSecrets(entry.request.headers ?? {}) } }))
      .slice(0, HISTORY_LIMIT);
  } catch {
    return [];
  }
}

export function serializeHistory(history: readonly HistoryEntry[]): string {
  return JSON.stringify(history.slice(0, HISTORY_LIMIT));
}
