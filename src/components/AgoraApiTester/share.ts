/**
 * Share links: the request (never credentials, never the catalog's secret
 * fields) and the Simulate choice in the URL hash, as `#try=1.<base64url JSON>`.
 * The method, path template and auth scheme are not stored: on restore they
 * come from the catalog, so a link cannot make a tester send something the
 * catalog does not describe. `toShared`/`scrubShared` are also what history
 * and the saved form (stores/formDrafts.ts) keep.
 */
import type { OperationModel } from '../../catalog/types';
import type { ApiRequest } from '../../request/apiRequest';
import { looksLikeCredential } from '../../request/customParams';
import { redactSecrets, secretPaths, secretsPresent } from '../../request/secrets';
import { FAULTS, type Fault } from './envelope';
import { SHARE_PREFIX, SHARE_VERSION, sharePayload, toBase64Url } from './shareLink';

export { SHARE_VERSION } from './shareLink';

/** The part of a request a link carries. */
export interface SharedRequest {
  operationId: string;
  server: string;
  pathParams: Record<string, string>;
  query: Record<string, string>;
  headers: Record<string, string>;
  body?: unknown;
  /**
   * Secret fields (`x-secret`) that held a value and were emptied, e.g.
   * `clientRequest.storageConfig.secretKey`: the restored form asks for them again.
   */
  cleared?: string[];
}

/** A link's request and the Simulate choice it carries (sandbox only; absent for "No fault"). */
export type SharedLink = SharedRequest & { fault?: Fault };

/**
 * Headers never written to a link, history or storage: any that looks like a
 * credential by name or value (the relay's own rule, customParams.ts), and the
 * fault switch, which travels as the link's Simulate choice instead.
 */
export function withoutSecrets(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name, value]) => !looksLikeCredential(name, value) && name.toLowerCase() !== 'x-sandbox-fault'));
}

/** The query minus parameters the catalog does not declare that look like credentials (its own secret ones are `redactSecrets`'). */
function withoutCredentialQuery(query: Record<string, string>, op: OperationModel): Record<string, string> {
  const declared = new Set(op.queryParams.map((param) => param.name));
  return Object.fromEntries(Object.entries(query).filter(([name, value]) => declared.has(name) || !looksLikeCredential(name, value)));
}

/**
 * What a link or a history entry keeps of a request: secret headers dropped,
 * the operation's secret fields emptied (`redactSecrets`) and named in `cleared`.
 */
export function toShared(request: ApiRequest, op: OperationModel): SharedRequest {
  const cleared = secretsPresent(request, op).map((secret) => secret.name);
  const safe = redactSecrets(request, op);
  const shared: SharedRequest = {
    operationId: request.operationId,
    server: safe.server,
    pathParams: safe.pathParams,
    query: withoutCredentialQuery(safe.query, op),
    headers: withoutSecrets(safe.headers),
  };
  if (safe.body !== undefined) shared.body = safe.body;
  if (cleared.length) shared.cleared = cleared;
  return shared;
}

/**
 * A stored or linked request with the operation's secrets emptied again: an
 * entry written before a field was marked secret, or a hand-made link, still
 * never brings a secret into the form or back into storage. `cleared` keeps
 * only names of the operation's secrets, so a link cannot put its own words
 * in the note the form shows.
 */
export function scrubShared(shared: SharedRequest, op: OperationModel): SharedRequest {
  const known = secretPaths(op).map((secret) => secret.name);
  const named = new Set([...(shared.cleared ?? []), ...secretsPresent(shared, op).map((secret) => secret.name)]);
  const cleared = known.filter((name) => named.has(name));
  const { cleared: _ignored, ...redacted } = redactSecrets(shared, op);
  const safe = { ...redacted, query: withoutCredentialQuery(redacted.query, op), headers: withoutSecrets(redacted.headers) };
  return cleared.length ? { ...safe, cleared } : safe;
}

/** `try=1.eyJv…` (without the leading `#`); `fault` is the Simulate choice to restore with it. */
export function encodeShare(request: ApiRequest, op: OperationModel, fault: Fault = 'none'): string {
  const shared = toShared(request, op);
  // Short keys keep links compact; empty maps are left out.
  const payload: Record<string, unknown> = { o: shared.operationId, s: shared.server };
  if (Object.keys(shared.pathParams).length) payload.p = shared.pathParams;
  if (Object.keys(shared.query).length) payload.q = shared.query;
  if (Object.keys(shared.headers).length) payload.h = shared.headers;
  if (shared.body !== undefined) payload.b = shared.body;
  if (shared.cleared) payload.r = shared.cleared;
  if (fault !== 'none') payload.f = fault;
  return `${SHARE_PREFIX}${SHARE_VERSION}.${toBase64Url(JSON.stringify(payload))}`;
}

function stringRecord(value: unknown): Record<string, string> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return {};
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean')
      .map(([key, item]) => [key, String(item)]),
  );
}

function isFault(value: unknown): value is Fault {
  return FAULTS.some((option) => option.value === value);
}

/** Read a hash (`#try=1.…` or `try=1.…`); null when it is not a share link or is damaged. An unknown fault is left out. */
export function decodeShare(hash: string): SharedLink | null {
  const payload = sharePayload(hash);
  if (payload === null) return null;
  try {
    if (typeof payload.o !== 'string') return null;
    const shared: SharedLink = {
      operationId: payload.o,
      server: typeof payload.s === 'string' ? payload.s : '',
      pathParams: stringRecord(payload.p),
      query: stringRecord(payload.q),
      headers: withoutSecrets(stringRecord(payload.h)),
    };
    if ('b' in payload) shared.body = payload.b;
    if (Array.isArray(payload.r)) {
      const cleared = payload.r.filter((name): name is string => typeof name === 'string');
      if (cleared.length) shared.cleared = cleared;
    }
    if (isFault(payload.f) && payload.f !== 'none') shared.fault = payload.f;
    return shared;
  } catch {
    return null;
  }
}
