/**
 * The relay's words for the retry policy's decisions (`src/catalog/retryPolicy.ts`
 * decides; this only explains). The notes reach the tester, which shows them
 * under the attempts list, so they say what happened and why.
 */
import type { AttemptOutcome, RetryPlan, StopReason } from '../../catalog/retryPolicy';

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
