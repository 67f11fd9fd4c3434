/**
 * The one retry policy of the site. The relay follows it call by call, and the
 * production snippets embed a plan computed here and run the same state
 * machine in JavaScript and Python, so both always retry the same way.
 *
 * Pure and browser-safe: it reads an operation model (or the parts it needs),
 * never the catalog data itself, so the relay core can use it without bundling
 * the catalog.
 *
 * Sources: the Media Pull best-practice page (hosts, back-off schedules, "three
 * consecutive 404 or 5xx mean the task failed"), RFC 6585 §4 (429: the server
 * refused the request because of a rate limit), RFC 9110 §9.2.2 (idempotent
 * methods), §10.2.3 (Retry-After) and §15.6 (5xx).
 */
import { isIdempotentMethod, isSafeToRepeat } from './policy';
import type { OperationModel, RetryPolicy, ServerModel } from './types';

export type RetrySchedule = RetryPolicy['schedule'];

/** Back-off per schedule from the sources, [min, max] ms before retry 1, 2, 3. */
export const RETRY_DELAYS_MS: Record<RetrySchedule, Array<[number, number]>> = {
  general: [
    [1000, 1000],
    [3000, 3000],
    [6000, 6000],
  ],
  'media-pull': [
    [5000, 6000],
    [10000, 11000],
    [15000, 16000],
  ],
};

/**
 * Attempts per call, first one included. General: one attempt plus one per
 * scheduled wait (1/3/6 s). Media Pull: "three consecutive 404 or 5xx mean the
 * task failed", so a fourth attempt would only delay that verdict.
 */
export const MAX_ATTEMPTS: Record<RetrySchedule, number> = { general: 4, 'media-pull': 3 };

/** How long one attempt may take (headers and body) before it counts as a timeout. */
export const ATTEMPT_TIMEOUT_MS = 10_000;

/** Jitter for a fixed delay: up to this fraction longer, so clients that failed together spread out. */
const JITTER_FRACTION = 0.2;
/** ...but never more than this, so the 6 s step stays close to what the sources say. */
const JITTER_CAP_MS = 1000;

/** Adjacent pairs of the domain table (the same pairs the catalog's `x-adjacent` names). */
export const ADJACENT_REGION: Readonly<Record<string, string>> = {
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
 * Where a primary domain is assumed to resolve. Nobody outside Agora's geo-DNS
 * can see the real answer, so the relay (`RELAY_PRIMARY_REGION`) and the
 * snippets start from this documented default and say so.
 */
export const DEFAULT_PRIMARY_REGION: Readonly<Record<ServerModel['family'], string>> = {
  'agora.io': 'us-west-1',
  'sd-rtn.com': 'cn-east-1',
};

/** The failover steps of the sources, in order. */
export const FAILOVER_STAGES = ['primary', 'primary-retry', 'alternate', 'adjacent'] as const;
export type FailoverStage = (typeof FAILOVER_STAGES)[number];
/** The host each stage goes to; null when the operation has no such host. */
export type StageHosts = Record<FailoverStage, string | null>;

/** How an attempt failed without an HTTP answer (the relay's `NetworkErrorKind`). */
export type FailureKind = 'dns' | 'connect' | 'reset' | 'timeout' | 'too-large' | 'redirect';

export type AttemptOutcome =
  | { kind: 'status'; status: number; retryAfterMs?: number }
  | { kind: 'network'; failure: FailureKind };

/** Everything a caller needs to retry one call: data only, so a snippet can embed it. */
export interface RetryPlan {
  schedule: RetrySchedule;
  hosts: StageHosts;
  /** For a primary start host: the region it is assumed to resolve to (the adjacent step is its neighbour). */
  assumedRegion?: string;
  /** Statuses that count as failures; every other answer is returned as is. */
  retryStatuses: number[];
  /** The call may be sent again after it may have reached the server (idempotent, or marked safe with this body). */
  safeToRepeat: boolean;
  /** [min, max] ms to wait before retry 1, 2, ...; jitter included. One entry per retry. */
  backoffRangesMs: Array<[number, number]>;
  maxAttempts: number;
  attemptTimeoutMs: number;
}

/** What `planRetries` reads from an operation. */
export type PlanSubject = Pick<OperationModel, 'method' | 'retry' | 'servers'>;

function familyOf(host: string): ServerModel['family'] {
  return host.endsWith('.sd-rtn.com') ? 'sd-rtn.com' : 'agora.io';
}

/** The host of each failover stage from `startHost`, restricted to the operation's catalog servers. */
export function failoverHosts(
  servers: readonly ServerModel[],
  startHost: string,
  primaryRegion?: string,
): { hosts: StageHosts; assumedRegion?: string } {
  const known = new Set(servers.map((server) => server.host));
  const start = servers.find((server) => server.host === startHost);
  const family = start?.family ?? familyOf(startHost);
  const alternate = start?.alternate && known.has(start.alternate) ? start.alternate : null;
  let adjacent: string | null = null;
  let assumedRegion: string | undefined;
  if (start?.region) {
    const neighbour = ADJACENT_REGION[start.region];
    adjacent = start.adjacent ?? (neighbour ? `api-${neighbour}.${family}` : null);
  } else {
    // A primary domain has no region of its own: use the one it is assumed to resolve to (the seed's
    // example: a server in Germany resolves api.agora.io to Central Europe, so it retries West Europe).
    assumedRegion = primaryRegion ?? DEFAULT_PRIMARY_REGION[family];
    const neighbour = ADJACENT_REGION[assumedRegion];
    if (neighbour) adjacent = `api-${neighbour}.${family}`;
  }
  // "Check the service is deployed in that region first": only the operation's catalog hosts qualify.
  if (adjacent && !known.has(adjacent)) adjacent = null;
  const hosts: StageHosts = { primary: startHost, 'primary-retry': startHost, alternate, adjacent };
  return assumedRegion ? { hosts, assumedRegion } : { hosts };
}

/** A schedule step as the range actually waited: fixed delays get up to +20% (at most +1 s). */
export function jitterRange([min, max]: [number, number]): [number, number] {
  if (max > min) return [min, max];
  return [min, min + Math.min(Math.round(min * JITTER_FRACTION), JITTER_CAP_MS)];
}

/*
 * The relay plans every call, so what depends only on the catalog (the policy's
 * numbers, an operation's failover hosts) is computed once per policy and per
 * server list, then shared, frozen, by every plan built from them. Catalog
 * objects are built once and never change, so identity is a safe key.
 */
type PolicyPart = Pick<RetryPlan, 'schedule' | 'retryStatuses' | 'backoffRangesMs' | 'maxAttempts' | 'attemptTimeoutMs'>;
const policyParts = new WeakMap<RetryPolicy, PolicyPart>();
type HostsPart = ReturnType<typeof failoverHosts>;
const hostsParts = new WeakMap<readonly ServerModel[], Map<string, HostsPart>>();
/** Start hosts remembered per server list: an operation has a handful; past this, plans are simply built afresh. */
const MAX_HOST_ENTRIES = 32;

function policyPart(policy: RetryPolicy): PolicyPart {
  let part = policyParts.get(policy);
  if (!part) {
    const maxAttempts = Math.max(1, Math.min(MAX_ATTEMPTS[policy.schedule], policy.delaysMs.length + 1));
    part = {
      schedule: policy.schedule,
      retryStatuses: Object.freeze([...policy.retryStatuses].sort((a, b) => a - b)) as number[],
      backoffRangesMs: Object.freeze(policy.delaysMs.slice(0, maxAttempts - 1).map((range) => Object.freeze(jitterRange(range)))) as Array<[number, number]>,
      maxAttempts,
      attemptTimeoutMs: policy.attemptTimeoutMs ?? ATTEMPT_TIMEOUT_MS,
    };
    policyParts.set(policy, part);
  }
  return part;
}

function hostsPart(servers: readonly ServerModel[], startHost: string, primaryRegion?: string): HostsPart {
  let byStart = hostsParts.get(servers);
  if (!byStart) {
    byStart = new Map();
    hostsParts.set(servers, byStart);
  }
  const key = `${startHost} ${primaryRegion ?? ''}`;
  let part = byStart.get(key);
  if (!part) {
    part = failoverHosts(servers, startHost, primaryRegion);
    Object.freeze(part.hosts);
    if (byStart.size < MAX_HOST_ENTRIES) byStart.set(key, part);
  }
  return part;
}

/** The plan for one call of `op` starting at `startHost` with this body. */
export function planRetries(op: PlanSubject, startHost: string, body: unknown, primaryRegion?: string): RetryPlan {
  const policy = op.retry;
  const { hosts, assumedRegion } = hostsPart(op.servers, startHost, primaryRegion);
  const part = policyPart(policy);
  // Field order as always: snippets embed the plan as JSON.
  const plan: RetryPlan = {
    schedule: part.schedule,
    hosts,
    retryStatuses: part.retryStatuses,
    safeToRepeat: isSafeToRepeat({ idempotent: isIdempotentMethod(op.method), retry: policy }, body),
    backoffRangesMs: part.backoffRangesMs,
    maxAttempts: part.maxAttempts,
    attemptTimeoutMs: part.attemptTimeoutMs,
  };
  if (assumedRegion) plan.assumedRegion = assumedRegion;
  return plan;
}

/** True for an outcome that is a failure (a candidate for retry); any other answer is final. */
export function isFailure(plan: Pick<RetryPlan, 'retryStatuses'>, outcome: AttemptOutcome): boolean {
  return outcome.kind === 'network' || plan.retryStatuses.includes(outcome.status);
}

/**
 * Whether sending the call again is harmless after this failure. 429 means the
 * server refused the call before acting on it (RFC 6585 §4), and DNS or connect
 * failures never reached it, so those are safe for any method. A 5xx (or a
 * Media Pull 404), a reset or a timeout may come after the server acted, so
 * only a call that is safe to repeat is sent again.
 */
export function isRepeatable(plan: Pick<RetryPlan, 'safeToRepeat'>, outcome: AttemptOutcome): boolean {
  if (outcome.kind === 'status') return outcome.status === 429 || plan.safeToRepeat;
  switch (outcome.failure) {
    case 'dns':
    case 'connect':
      return true;
    case 'reset':
    case 'timeout':
      return plan.safeToRepeat;
    case 'too-large':
    case 'redirect':
      // Repeating gets the same oversized body or the same redirect.
      return false;
  }
}

export type StopReason = 'not-repeatable' | 'attempts-exhausted';

/** After attempt number `attemptsMade` ended with `outcome`: return it, retry, or stop on a failure (and why). */
export type RetryVerdict = { action: 'done' } | { action: 'retry' } | { action: 'stop'; reason: StopReason };

/** The policy's decision after an attempt. */
export function retryVerdict(plan: RetryPlan, outcome: AttemptOutcome, attemptsMade: number): RetryVerdict {
  if (!isFailure(plan, outcome)) return { action: 'done' };
  if (!isRepeatable(plan, outcome)) return { action: 'stop', reason: 'not-repeatable' };
  if (attemptsMade >= plan.maxAttempts) return { action: 'stop', reason: 'attempts-exhausted' };
  return { action: 'retry' };
}

/**
 * The stage of the next attempt. A 429 stays on the same host: the quota is
 * per account, so another domain would not help. A network failure other than
 * DNS skips the alternate (the sources: the network path failed, not the name).
 * Stages without a host are skipped; with nothing left, stay where we are.
 */
export function nextStage(current: FailoverStage, outcome: AttemptOutcome, hosts: StageHosts): FailoverStage {
  if (outcome.kind === 'status' && outcome.status === 429) return current;
  const skipAlternate = outcome.kind === 'network' && outcome.failure !== 'dns';
  for (let index = FAILOVER_STAGES.indexOf(current) + 1; index < FAILOVER_STAGES.length; index++) {
    const stage = FAILOVER_STAGES[index];
    if (stage === 'alternate' && skipAlternate) continue;
    if (hosts[stage]) return stage;
  }
  return current;
}

/** The wait before retry number `retryIndex` (0-based): a random point of its range, at least `Retry-After`. */
export function retryWaitMs(plan: Pick<RetryPlan, 'backoffRangesMs'>, retryIndex: number, random: () => number, retryAfterMs?: number): number {
  const ranges = plan.backoffRangesMs;
  const [min, max] = ranges[Math.min(retryIndex, ranges.length - 1)] ?? [0, 0];
  return Math.max(Math.round(min + random() * (max - min)), retryAfterMs ?? 0);
}

/** `Retry-After` (RFC 9110 §10.2.3) as ms from `nowMs`: delay-seconds or an HTTP-date; undefined when absent or unusable. */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // HTTP-dates always name a month; V8's lenient Date.parse would read "-5" or "1.5" as dates.
  if (!/[A-Za-z]{3}/.test(trimmed)) return undefined;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}
