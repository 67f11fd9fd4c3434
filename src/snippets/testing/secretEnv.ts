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

function valueAt(value: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((current, key) => (current !== null && typeof current === 'object' ? (current as Record<string, unknown>)[key] : undefined), value);
}

/** `{ AGORA_STORAGE_SECRET_KEY: <the request's secretKey>, ... }` for the body's secrets. */
export function secretEnv(request: ApiRequest): Record<string, string> {
  const env: Record<string, string> = {};
  for (const secret of secretsPresent(request, getOperation(request.operationId))) {
    // One variable per field: a secret inside an array's items has no single value to export.
    if (secret.in !== 'body' || secret.path.includes(ITEMS)) continue;
    const value = valueAt(request.body, secret.path);
    if (typeof value === 'string') env[secret.env] = value;
  }
  return env;
}
