/**
 * Rate limits: the guide's plan limit (a fixed one-minute window per App ID,
 * reported in X-RateLimit-* headers on every response) and the per-operation
 * QPS limits of the catalog's `x-limits` (sliding one-second and one-minute
 * windows). Both count in the store, atomically, so every instance of a
 * deployment sees one count; the store's expiry keeps them bounded.
 */

import { hasValueAt } from '../catalog/policy';
import type { OperationModel } from '../catalog/types';
import type { KeyValueStore } from './store/types';

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

const PLAN_WINDOW_MS = 60_000;
const planKey = (appId: string) => `plan:${appId}`;
const qpsKey = (appId: string, rule: string) => `qps:${appId}:${rule}`;

export class PlanLimiter {
  constructor(
    private readonly store: KeyValueStore,
    private readonly perMinute: number,
  ) {}

  /** Count one request against the App ID's plan and say whether it may proceed. */
  async consume(appId: string, now: number): Promise<PlanDecision> {
    const window = await this.store.takeWindow(planKey(appId), now, PLAN_WINDOW_MS, this.perMinute);
    return this.describe(window, now, window.allowed);
  }

  /** The current state without counting (for responses that do not count, such as 401). */
  async peek(appId: string, now: number): Promise<PlanDecision> {
    const window = (await this.store.peekWindow(planKey(appId), now, PLAN_WINDOW_MS)) ?? { start: now, count: 0 };
    return this.describe(window, now, window.count < this.perMinute);
  }

  private describe(window: { start: number; count: number }, now: number, allowed: boolean): PlanDecision {
    const resetAt = window.start + PLAN_WINDOW_MS;
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
  constructor(private readonly store: KeyValueStore) {}

  /** Record one call of the App ID under `rule` if every window of the rule still has room. */
  async acquire(appId: string, rule: QpsRule, now: number): Promise<QpsDecision> {
    const windows = [
      ...(rule.perSecond === undefined ? [] : [{ ms: 1000, limit: rule.perSecond }]),
      ...(rule.perMinute === undefined ? [] : [{ ms: 60_000, limit: rule.perMinute }]),
    ];
    const verdict = await this.store.admit(qpsKey(appId, rule.key), now, windows);
    return { allowed: verdict.allowed, retryAfterSeconds: verdict.allowed ? 0 : Math.max(1, Math.ceil(verdict.retryAfterMs / 1000)) };
  }
}

export class SandboxLimits {
  readonly plan: PlanLimiter;
  readonly qps: QpsLimiter;

  constructor(
    private readonly store: KeyValueStore,
    planLimitPerMinute: number,
    /** Every QPS rule key the catalog can produce, so a reset can name the project's counters. */
    private readonly ruleKeys: readonly string[],
  ) {
    this.plan = new PlanLimiter(store, planLimitPerMinute);
    this.qps = new QpsLimiter(store);
  }

  /** Forget one project's counters (its reset), leaving every other project's alone. */
  async reset(appId: string): Promise<void> {
    await this.store.delete([planKey(appId), ...this.ruleKeys.map((rule) => qpsKey(appId, rule))]);
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

/** The counter a limit row counts in: the family's when the row says `counter: family`, else the operation's. */
function ruleKey(operation: OperationModel, limit: OperationModel['limits']['qps'][number]): string {
  return limit.counter === 'family' ? `${operation.family}:${limit.scope}` : `${operation.id}:${limit.scope}`;
}

/** Every counter key the operations' QPS rows can use (what one project's reset clears). */
export function allRuleKeys(operations: readonly OperationModel[]): string[] {
  const keys = new Set<string>();
  for (const operation of operations) {
    for (const limit of operation.limits.qps) if (limit.kind !== 'plan') keys.add(ruleKey(operation, limit));
  }
  return [...keys];
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
      key: ruleKey(operation, limit),
      text: limit.text,
      perSecond: limit.perSecond,
      perMinute: limit.perMinute,
    });
  }
  return rules;
}
