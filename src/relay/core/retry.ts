/**
 * When to retry, how long to wait and which host to try next, following the
 * Media Pull best-practice page: primary -> primary again -> alternate primary
 * (agora.io <-> sd-rtn.com) -> adjacent regional domain; a network failure
 * that is not DNS skips the alternate (the same network path is what failed).
 */
import type { OperationModel, ServerModel } from '../../catalog/types';
import type { NetworkFailure } from './errors';

export type Outcome = { kind: 'status'; status: number; retryAfterMs?: number } | { kind: 'network'; failure: NetworkFailure };

export type Stage = 'primary' | 'primary-retry' | 'alternate' | 'adjacent';
const ORDER: Stage[] = ['primary', 'primary-retry', 'alternate', 'adjacent'];

/** Adjacent pairs of the domain table. */
export const ADJACENT_REGION: Record<string, string> = {
  'us-west-1': 'us-east-1',
  'us-east-1': 'us-west-1',
  'ap-southeast-1': 'ap-northeast-1',
  'ap-northeast-1': 'ap-southeast-1',
  'eu-west-1': 'eu-central-1',
  'eu-central-1': 'eu-west-1',
  'cn-east-1': 'cn-north-1',
  'cn-north-1': 'cn-east-1',
};

/**
 * Where a primary domain is assumed to resolve, since the relay cannot see
 * Agora's geo-DNS answer. Documented default; operators override it with
 * `primaryRegion` (env RELAY_PRIMARY_REGION) to match where the relay runs.
 */
export const DEFAULT_PRIMARY_REGION: Record<ServerModel['family'], string> = {
  'agora.io': 'us-west-1',
  'sd-rtn.com': 'cn-east-1',
};

function familyOf(host: string): ServerModel['family'] {
  return host.endsWith('.sd-rtn.com') ? 'sd-rtn.com' : 'agora.io';
}

/** The hosts the failover stages map to, each restricted to the operation's catalog servers. */
export function failoverHosts(
  op: OperationModel,
  startHost: string,
  primaryRegion?: string,
): Record<Stage, string | undefined> {
  const known = new Set(op.servers.map((server) => server.host));
  const start = op.servers.find((server) => server.host === startHost);
  const family = start?.family ?? familyOf(startHost);
  const alternate = start?.alternate && known.has(start.alternate) ? start.alternate : undefined;
  let adjacent: string | undefined;
  if (start?.region) {
    adjacent = start.adjacent ?? (ADJACENT_REGION[start.region] ? `api-${ADJACENT_REGION[start.region]}.${family}` : undefined);
  } else {
    const resolvedRegion = primaryRegion ?? DEFAULT_PRIMARY_REGION[family];
    const neighbour = ADJACENT_REGION[resolvedRegion];
    if (neighbour) adjacent = `api-${neighbour}.${family}`;
  }
  // "Check the service is deployed in that region first": only catalog hosts qualify.
  if (adjacent && !known.has(adjacent)) adjacent = undefined;
  return { primary: startHost, 'primary-retry': startHost, alternate, adjacent };
}

/** The stage after a failure; 429 stays on the same host (the quota is per account, not per domain). */
export function nextStage(current: Stage, outcome: Outcome, hosts: Record<Stage, string | undefined>): Stage {
  if (outcome.kind === 'status' && outcome.status === 429) return current;
  const skipAlternate = outcome.kind === 'network' && outcome.failure.kind !== 'dns';
  let index = ORDER.indexOf(current);
  while (index < ORDER.length - 1) {
    index += 1;
    const stage = ORDER[index];
    if (stage === 'alternate' && skipAlternate) continue;
    if (hosts[stage]) return stage;
  }
  // Nothing further is deployed: keep retrying where we are.
  return current;
}

/** Why the relay will not try again, or null when it may. */
export function refuseRetry(op: OperationModel, outcome: Outcome, repeatable: boolean): string | null {
  if (outcome.kind === 'status') {
    const { status } = outcome;
    const retryable = status === 429 || status >= 500 || op.retry.retryStatuses.includes(status);
    if (!retryable) return status < 400 ? null : `${status} is not retried: the request itself needs fixing.`;
    if (!repeatable) {
      return `${op.method} is not idempotent and the server received the request (${status}); repeating it could act twice, so it was not retried.`;
    }
    return null;
  }
  const { kind } = outcome.failure;
  if (kind === 'too-large' || kind === 'redirect') return 'This failure is not retried.';
  if (kind === 'dns' || kind === 'connect') return null; // provably never reached the server
  if (!repeatable) {
    return `${op.method} is not idempotent and the ${kind} happened after the request may have reached the server, so it was not retried.`;
  }
  return null;
}

/** True for an outcome that counts as a failure (a candidate for retry). */
export function isFailure(op: OperationModel, outcome: Outcome): boolean {
  if (outcome.kind === 'network') return true;
  const { status } = outcome;
  return status === 429 || status >= 500 || op.retry.retryStatuses.includes(status);
}

/** Back-off before retry number `retryIndex` (0-based), with jitter, at least Retry-After. */
export function backoffMs(op: OperationModel, retryIndex: number, random: () => number, retryAfterMs?: number): number {
  const [lo, hi] = op.retry.delaysMs[retryIndex] ?? op.retry.delaysMs[op.retry.delaysMs.length - 1] ?? [1000, 1000];
  // A fixed delay still gets up to 20% jitter so many clients do not retry in step.
  const top = hi > lo ? hi : lo + Math.min(lo * 0.2, 1000);
  const scheduled = Math.round(lo + random() * (top - lo));
  return Math.max(scheduled, retryAfterMs ?? 0);
}

/** `Retry-After` as milliseconds from now: delay-seconds or an HTTP-date; undefined when absent or unusable. */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // HTTP-dates always name a month; V8's lenient Date.parse would read "-5" or "1.5" as dates.
  if (!/[A-Za-z]{3}/.test(trimmed)) return undefined;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}
