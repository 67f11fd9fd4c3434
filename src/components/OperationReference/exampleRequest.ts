/**
 * The example request shown on a reference page: a cURL command built from
 * the catalog's examples. (The interactive tester below it produces the full,
 * tested snippets; this one only has to read well and be accurate.)
 */
import type { OperationModel } from '../../catalog/types';

/** POSIX shell single-quoting. */
const shellQuote = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`;

/** The example URL: example values encoded, `{name}` kept for values that come from an earlier call. */
export function exampleUrl(op: OperationModel, host = op.servers[0]?.host ?? 'api.agora.io'): string {
  const path = op.path.replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const param = op.pathParams.find((p) => p.name === name);
    return param?.example === undefined ? whole : encodeURIComponent(String(param.example));
  });
  const query = op.queryParams
    .filter((p) => p.example !== undefined)
    .map((p) => `${encodeURIComponent(p.name)}=${encodeURIComponent(String(p.example))}`);
  return `https://${host}${path}${query.length ? `?${query.join('&')}` : ''}`;
}

/** A multi-line cURL command with credentials as environment variables. */
export function exampleCurl(op: OperationModel): string {
  const lines = [`curl -X ${op.method} ${shellQuote(exampleUrl(op))}`];
  lines.push(
    op.security[0] === 'bearer'
      ? `  -H "Authorization: Bearer $AGORA_TOKEN"`
      : `  -u "$AGORA_CUSTOMER_ID:$AGORA_CUSTOMER_SECRET"`,
  );
  if (op.headerParams.some((p) => p.name === 'X-Request-ID')) lines.push(`  -H 'X-Request-ID: my-request-0001'`);
  if (op.requestBody) {
    lines.push(`  -H 'Content-Type: application/json'`);
    lines.push(`  -d ${shellQuote(JSON.stringify(op.requestBody.example, null, 2))}`);
  }
  return lines.join(' \\\n');
}

/** The first documented 2xx response that has an example. */
export function successExample(op: OperationModel) {
  return op.responses.find((r) => r.status >= 200 && r.status < 300 && r.example !== undefined);
}
