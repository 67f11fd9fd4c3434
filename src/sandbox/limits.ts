/**
 * Rate limits: the guide's plan limit (a fixed one-minute window per App ID,
 * reported in X-RateLimit-* headers on every response) and the per-operation
 * QPS limits of the Media Pull page (sliding one-second and one-minute windows).
 * Both are keyed maps with a cap, so unknown App IDs cannot grow them forever.
 */

import { hasValueAt } from '../catalog/policy';
import type { OperationModel } from '../catalog/types';

const MAX_KEYS = 1000;

export interface PlanDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** When the window resets, epoch seconds (X-RateLimit-Reset). */
  resetEpochSeconds: number;
  /** Seconds until a new request would be accepted (Retry-After). */
  retryAfterSeconds: number;
}

/** A QPS rule such as "list with a filter: 2 per second and 15 per minute". */
export interface QpsRule {
  /** Distinguishes rules of one operation, e.g. `create:named`. */
  key: string;
  /** Reader-facing description used in the 429 reason. */
  text: string;
  perSecond?: number;
  perMinute?: number;
}

export interface QpsDecision {
  allowed: boolean;
  retryAfterSeconds: number;
}

/** Keep a Map below `max` entries by dropping the oldest insertions. */
function capMap<K, V>(map: Map<K, V>, max: number): void {
  while (map.size > max) map.delete(map.keys().next().value as K);
}

export class PlanLimiter {
  private windows = new Map<string, { start: number; count: number }>();

  constructor(private readonly perMinute: number) {}

  /** Count one request against `key` and say whether it may proceed. */
  consume(key: string, now: number): PlanDecision {
    let window = this.windows.get(key);
    if (!window || now - window.start >= 60_000) {
      window = { start: now, count: 0 };
      this.windows.delete(key);
      this.windows.set(key, window);
      capMap(this.windows, MAX_KEYS);
    }
    const allowed = window.count < this.perMinute;
    if (allowed) window.count += 1;
    return this.describe(window, now, allowed);
  }

  /** The current state without counting (for responses that do not count, such as 401). */
  peek(key: string, now: number): PlanDecision {
    const window = this.windows.get(key);
    if (!window || now - window.start >= 60_000) return this.describe({ start: now, count: 0 }, now, true);
    return this.describe(window, now, window.count < this.perMinute);
  }

  reset(): void {
    this.windows.clear();
  }

  private describe(window: { start: number; count: number }, now: number, allowed: boolean): PlanDecision {
    const resetAt = window.start + 60_000;
    return {
      allowed,
      limit: this.perMinute,
      remaining: Math.max(0, this.perMinute - window.count),
      resetEpochSeconds: Math.ceil(resetAt / 1000),
      retryAfterSeconds: Math.max(1, Math.ceil((resetAt - now) / 1000)),
    };
  }
}

export class QpsLimiter {
  private logs = new Map<string, number[]>();

  /** Record one call under `key` if every window of `rule` still has room. */
  acquire(key: string, rule: QpsRule, now: number): QpsDecision {
    const log = (this.logs.get(key) ?? []).filter((t) => now - t < 60_000);
    const waits: number[] = [];
    const check = (limit: number | undefined, windowMs: number) => {
      if (limit === undefined) return;
      const inWindow = log.filter((t) => now - t < windowMs);
      // The oldest call in the window must age out before another fits.
      if (inWindow.length >= limit) waits.push(inWindow[inWindow.length - limit] + windowMs - now);
    };
    check(rule.perSecond, 1000);
    check(rule.perMinute, 60_000);
    if (waits.length) {
      this.logs.set(key, log);
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(Math.max(...waits) / 1000)) };
    }
    log.push(now);
    this.logs.delete(key);
    this.logs.set(key, log);
    capMap(this.logs, MAX_KEYS);
    return { allowed: true, retryAfterSeconds: 0 };
  }

  reset(): void {
    this.logs.clear();
  }
}

export class SandboxLimits {
  readonly plan: PlanLimiter;
  readonly qps = new QpsLimiter();

  constructor(planLimitPerMinute: number) {
    this.plan = new PlanLimiter(planLimitPerMinute);
  }

  reset(): void {
    this.plan.reset();
    this.qps.reset();
  }
}

/** The X-RateLimit-* headers for a plan decision. */
export function rateLimitHeaders(decision: PlanDecision): Record<string, string> {
  return {
    'X-RateLimit-Limit': String(decision.limit),
    'X-RateLimit-Remaining': String(decision.remaining),
    'X-RateLimit-Reset': String(decision.resetEpochSeconds),
  };
}

/** The parts of a request a limit row's `when` can look at. */
export interface LimitedRequest {
  body: unknown;
  query: URLSearchParams;
}

/** True when the request has a value at `body.<dotted path>` or `query.<name>`. */
function present(request: LimitedRequest, location: string): boolean {
  const [where, ...rest] = location.split('.');
  const path = rest.join('.');
  if (where === 'query') return Boolean(request.query.get(path));
  if (where === 'body') return hasValueAt(request.body, path);
  throw new Error(`Catalog x-limits "when" must name body.<path> or query.<name>, not "${location}".`);
}

/**
 * The QPS rules of an operation's catalog `x-limits` that apply to this
 * request: plan quotas are the plan limiter's business; a row with `when`
 * applies only to requests that have (or lack) the value it names; a row with
 * `counter: family` shares one counter across the family.
 */
export function qpsRulesFor(operation: OperationModel, request: LimitedRequest): QpsRule[] {
  const rules: QpsRule[] = [];
  for (const limit of operation.limits.qps) {
    if (limit.kind === 'plan') continue;
    if (limit.perSecond === undefined && limit.perMinute === undefined) continue;
    if (limit.when?.has && !present(request, limit.when.has)) continue;
    if (limit.when?.lacks && present(request, limit.when.lacks)) continue;
    rules.push({
      key: limit.counter === 'family' ? `${operation.family}:${limit.scope}` : `${operation.id}:${limit.scope}`,
      text: limit.text,
      perSecond: limit.perSecond,
      perMinute: limit.perMinute,
    });
  }
  return rules;
}
