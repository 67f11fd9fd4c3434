/**
 * Idempotency and body-field helpers that the retry policy (./retryPolicy.ts)
 * and the sandbox's limits build on. Kept apart from ./index.ts so the relay
 * core can use them without bundling the catalog data.
 */
import type { HttpMethod, OperationModel } from './types';

/** RFC 9110 idempotent methods: safe to send again even if the first one arrived. */
const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set<HttpMethod>(['GET', 'PUT', 'DELETE']);

/** True for GET, PUT and DELETE, whatever the case. */
export function isIdempotentMethod(method: string): boolean {
  return IDEMPOTENT_METHODS.has(method.toUpperCase());
}

/** True when the dotted `path` (e.g. `player.name`) names a non-empty value in `body`. */
export function hasValueAt(body: unknown, path: string): boolean {
  let node: unknown = body;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object') return false;
    node = (node as Record<string, unknown>)[key];
  }
  return node !== undefined && node !== null && node !== '';
}

/**
 * Whether a non-idempotent call may be repeated automatically with this body:
 * the catalog marks it safe (x-retry.safeToRepeat) and, when it names a body
 * field (safeToRepeatWhen, e.g. `player.name`), the body carries a value there.
 */
export function isSafeToRepeat(operation: Pick<OperationModel, 'idempotent' | 'retry'>, body: unknown): boolean {
  if (operation.idempotent) return true;
  if (!operation.retry.safeToRepeat) return false;
  const field = operation.retry.safeToRepeatWhen;
  return field ? hasValueAt(body, field) : true;
}
