/** The comments both production variants write next to the embedded plan, so JavaScript and Python say the same. */
import type { FailoverStage } from '../../catalog/retryPolicy';
import type { SnippetRetryPlan } from '../retryPlan';

/** A short note per failover stage (empty when the URL says it all). */
export function stageComments(plan: SnippetRetryPlan): Record<FailoverStage, string> {
  const { urls, fromCatalog, assumedRegion, primaryHost } = plan;
  let adjacent = '';
  if (urls.adjacent === null) adjacent = 'none for this host';
  else if (fromCatalog && assumedRegion) {
    // The same assumption as the relay's RELAY_PRIMARY_REGION default; the reader knows better.
    adjacent = `next to ${assumedRegion}, where ${primaryHost} is assumed to resolve: use the region next to yours`;
  } else if (fromCatalog) adjacent = 'the neighbouring region';
  return {
    primary: '',
    'primary-retry': 'the same domain again',
    alternate: urls.alternate === null ? 'none for this host' : fromCatalog ? 'the same role under the other domain family' : '',
    adjacent,
  };
}

/** Why SAFE_TO_REPEAT has its value. */
export function repeatComment(method: string, plan: Pick<SnippetRetryPlan, 'safeToRepeat'>): string {
  return plan.safeToRepeat
    ? `${method} is safe to repeat here`
    : `${method} could act twice if repeated after it reached Agora`;
}
