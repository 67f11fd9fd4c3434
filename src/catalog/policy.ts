/**
 * Retry policy questions answered from an operation model alone. Kept apart
 * from ./index.ts so the relay core can use it without bundling the catalog data.
 */
import type { OperationModel } from './types';

/**
 * Whether a non-idempotent call may be repeated automatically with this body:
 * the catalog marks it safe (x-retry.safeToRepeat) and, when it names a body
 * field (safeToRepeatWhen, e.g. `player.name`), the body carries a value there.
 */
export function isSafeToRepeat(operation: OperationModel, body: unknown): boolean {
  if (operation.idempotent) return true;
  if (!operation.retry.safeToRepeat) return false;
  const field = operation.retry.safeToRepeatWhen;
  if (!field) return true;
  let node: unknown = body;
  for (const key of field.split('.')) {
    if (node === null || typeof node !== 'object') return false;
    node = (node as Record<string, unknown>)[key];
  }
  return node !== undefined && node !== null && node !== '';
}
