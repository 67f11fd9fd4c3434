/**
 * Test helper: the environment a reader would export for a request's secret
 * fields. Snippets read each `x-secret` body field from its variable, so the
 * tests that run them export the value the request holds (the sandbox accepts
 * any non-empty secret; the echo tests then see the same bytes as the request).
 */
import { getOperation } from '../../catalog';
import { ITEMS } from '../../catalog/schemaWalk';
import type { ApiRequest } from '../../request/apiRequest';
import { secretsPresent } from '../../request/secrets';

/** Every value at `path`, fanning out over the items of each array the path passes through (ITEMS). */
function valuesAt(value: unknown, path: readonly string[]): unknown[] {
  if (path.length === 0) return [value];
  const [key, ...rest] = path;
  if (key === ITEMS) return Array.isArray(value) ? value.flatMap((item) => valuesAt(item, rest)) : [];
  if (value === null || typeof value !== 'object') return [];
  return valuesAt((value as Record<string, unknown>)[key], rest);
}

/** `{ AGORA_STORAGE_SECRET_KEY: <the request's secretKey>, ... }` for the body's secrets. */
export function secretEnv(request: ApiRequest): Record<string, string> {
  const env: Record<string, string> = {};
  for (const secret of secretsPresent(request, getOperation(request.operationId))) {
    if (secret.in !== 'body') continue;
    // One variable per field: a secret inside an array's items is exported only when every item
    // holds the same value (the snippet reads that one variable for all of them).
    const values = new Set(valuesAt(request.body, secret.path));
    const [value] = values;
    if (values.size === 1 && typeof value === 'string') env[secret.env] = value;
  }
  return env;
}
