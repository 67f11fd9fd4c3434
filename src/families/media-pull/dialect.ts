/**
 * How Media Pull's errors look: `{message, reason}` (its troubleshooting table
 * sends readers to `reason`), worded as the best-practice page words them.
 */
import type { ErrorDialect } from '../../sandbox/family';
import { regionalTaskDialect } from '../../sandbox/regionalTasks';

/** The best-practice page's own wording of these statuses. */
const FAULT_MESSAGES: Record<number, string> = {
  429: 'Request rate limit exceeded.',
  500: 'Some internal error happened. Contact us to help fix it.',
  502: 'Internal errors. Contact us for troubleshooting.',
  503: 'Service unavailable temporarily. Retry with the retreat strategy.',
  504: 'Gateway timeout. Query to check whether the player has been created or to create one instead.',
};

/**
 * The 400 message for a field: the best-practice page's own sentences for
 * `streamUrl` and `channelName`, and the same pattern as the latter for the rest.
 */
export function badRequestMessage(field: string): string {
  const name = field.split('.').pop() ?? field;
  if (name === 'streamUrl') return "The 'streamUrl' parameter is incorrectly formatted.";
  return `The ${name || 'request body'} parameter is invalid. Fix it in your request and retry.`;
}

export const mediaPullDialect: ErrorDialect = regionalTaskDialect({
  badRequest: badRequestMessage,
  // Media Pull documents 403 for a project where cloud player is not available.
  forbidden: 'Cloud player is not enabled for this project. Contact us to enable it.',
  faults: FAULT_MESSAGES,
});
