/**
 * How Media Push's errors look: `{message, reason}`. Agora's status-code table
 * words `message` (its troubleshooting sends readers to `reason` too, and the
 * query call documents `reason` alone), so the sandbox sends both.
 */
import type { ErrorDialect } from '../../sandbox/family';
import { regionalTaskDialect } from '../../sandbox/regionalTasks';

/** The status-code table's own wording of these statuses, in our words. */
const FAULT_MESSAGES: Record<number, string> = {
  429: 'Request rate limit exceeded.',
  500: 'Internal errors. Contact Agora technical support.',
  502: 'Internal errors. Contact Agora technical support.',
  503: 'The server is temporarily overloaded. Retry with the back-off.',
  504: 'Gateway timeout. Check whether the converter was created; if not, create it again.',
};

/** The 400 message for a field, in the pattern Agora's table gives for `rtmpUrl` and `idleTimeout`. */
export function badRequestMessage(field: string): string {
  const name = field.split('.').pop() || 'request body';
  return `Invalid parameter: ${name}. Replace it and retry.`;
}

export const mediaPushDialect: ErrorDialect = regionalTaskDialect({
  badRequest: badRequestMessage,
  // Agora documents 403 for a project that may not use Media Push.
  forbidden: 'The project lacks permission to use this function. Contact Agora technical support.',
  faults: FAULT_MESSAGES,
});
