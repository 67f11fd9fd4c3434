/**
 * Agora's ordering of updates (Media Pull's `sequence`, Cloud Transcoding's
 * `sequenceId`): each update carries a number greater than the last accepted
 * one, so a late or repeated update cannot undo a newer one.
 */

/** Why `next` cannot follow `last` (the last accepted number; -1 before any), or null when it may. */
export function staleSequence(next: number, last: number, sent: string = String(next)): string | null {
  if (next > last) return null;
  return `must be greater than the last accepted sequence ${last} (got ${sent}). Send ${last + 1} or more.`;
}
