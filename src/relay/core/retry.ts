/**
 * The relay's words for the retry policy's decisions (`src/catalog/retryPolicy.ts`
 * decides; this only explains). The notes reach the tester, which shows them
 * under the attempts list, so they say what happened and why.
 */
import { isIdempotentMethod } from '../../catalog/policy';
import type { AttemptOutcome, FailoverStage, RetryPlan, StopReason } from '../../catalog/retryPolicy';

/** Why the relay stopped retrying on a failure, for the answer's `note` or the error message. */
export function stopNote(reason: StopReason, method: string, outcome: AttemptOutcome, plan: RetryPlan, attempts: number): string {
  if (reason === 'attempts-exhausted') {
    const why = plan.schedule === 'media-pull' ? 'three consecutive failures mean the Media Pull task failed' : 'the schedule allows three retries';
    return `Gave up after ${attempts} attempts (${why}).`;
  }
  if (outcome.kind === 'status') {
    return `${method} is not idempotent and the server received the request (${outcome.status}); repeating it could act twice, so it was not retried.`;
  }
  if (outcome.failure === 'too-large' || outcome.failure === 'redirect') return 'This failure is not retried: a repeat would get the same answer.';
  return `${method} is not idempotent and the ${outcome.failure} happened after the request may have reached the server, so it was not retried.`;
}

/** Why the relay stopped before its safety limit: the wait would pass the whole call's budget. */
export function budgetNote(waitMs: number, budgetMs: number): string {
  return `The next retry (in ${Math.round(waitMs / 1000)} s) would exceed the ${budgetMs / 1000} s budget.`;
}

/** `1.1 s`, `850 ms`: a wait as people say it. */
function seconds(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${Number((ms / 1000).toFixed(1))} s`;
}

/** Why sending again is harmless after this outcome (the policy's `isRepeatable`, in words). */
function whySafe(method: string, outcome: AttemptOutcome): string {
  if (outcome.kind === 'status') {
    if (outcome.status === 429) return `429 means Agora refused the call before acting on it (a rate limit), so sending it again is safe even for ${method}`;
    const safe = isIdempotentMethod(method) ? `${method} is idempotent` : `the catalog marks this ${method} safe to repeat with this body`;
    return `${outcome.status} is a temporary server failure, and ${safe}, so a repeat cannot act twice`;
  }
  switch (outcome.failure) {
    case 'dns':
      return 'the host name did not resolve, so the request never left';
    case 'connect':
      return 'the connection was refused, so the request never reached the server';
    default: {
      const safe = isIdempotentMethod(method) ? `${method} is idempotent` : `the catalog marks this ${method} safe to repeat with this body`;
      return `the ${outcome.failure} may have come after the server acted, but ${safe}, so a repeat cannot act twice`;
    }
  }
}

/** Where the next attempt goes and why there (the policy's `nextStage`, in words). */
function whereNext(from: string, to: FailoverStage, outcome: AttemptOutcome, plan: RetryPlan): string {
  const host = plan.hosts[to] ?? from;
  if (host === from) {
    const rateLimited = outcome.kind === 'status' && outcome.status === 429;
    return rateLimited ? `the same host ${host} (the limit counts per account, so another domain would not help)` : `the same host ${host}`;
  }
  if (to === 'alternate') return `the alternate domain ${host}, failing over from ${from} after it failed twice`;
  const skipped = outcome.kind === 'network' && outcome.failure !== 'dns' && plan.hosts.alternate ? '; the alternate domain was skipped because the network path failed, not the name lookup' : '';
  const assumed = plan.assumedRegion ? ` (${plan.hosts.primary} is assumed to resolve to ${plan.assumedRegion}, whose neighbour region this is)` : '';
  return `${host}, the adjacent region, failing over from ${from}${assumed}${skipped}`;
}

export interface RetryStep {
  method: string;
  outcome: AttemptOutcome;
  plan: RetryPlan;
  /** The host of the attempt that just failed. */
  from: string;
  /** The stage of the next attempt. */
  to: FailoverStage;
  /** 0-based number of the retry about to happen. */
  retryIndex: number;
  waitMs: number;
  /** What the answer's Retry-After asked for, ms. */
  retryAfterMs?: number;
}

/** Why the relay went on to another attempt: after how long, to which host, and why that is safe. */
export function retryNote(step: RetryStep): string {
  const { method, outcome, plan, from, to, retryIndex, waitMs, retryAfterMs } = step;
  const [min, max] = plan.backoffRangesMs[Math.min(retryIndex, plan.backoffRangesMs.length - 1)] ?? [0, 0];
  const scheduled = `back-off step ${retryIndex + 1} of ${plan.backoffRangesMs.length}: ${seconds(min)}${max > min ? `–${seconds(max)}` : ''}`;
  let wait = `${seconds(waitMs)} (${scheduled})`;
  if (retryAfterMs !== undefined) {
    wait =
      waitMs === retryAfterMs && retryAfterMs > min
        ? `${seconds(waitMs)}, honouring the answer's Retry-After (longer than the ${scheduled})`
        : `${seconds(waitMs)} (${scheduled}, not less than the ${seconds(retryAfterMs)} the answer's Retry-After asked)`;
  }
  const verb = plan.hosts[to] && plan.hosts[to] !== from ? 'Failed over' : 'Retried';
  return `${verb} after ${wait} to ${whereNext(from, to, outcome, plan)}: ${whySafe(method, outcome)}.`;
}

/** Why a final error answer was not retried: it is not a temporary failure. Undefined for a success. */
export function finalNote(status: number): string | undefined {
  if (status < 400) return undefined;
  return `Not retried: ${status} is the server's answer to this request as sent, not a temporary failure, so sending it again unchanged would get the same answer.`;
}
