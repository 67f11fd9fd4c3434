/**
 * Agora's ordering of updates (Media Pull's `sequence`, Cloud Transcoding's
 * and Real-Time STT's `sequenceId`): each update carries a number greater than the last accepted
 * one, so a late or repeated update cannot undo a newer one.
 */

/** Why `next` cannot follow `last` (the last accepted number; -1 before any), or null when it may. */
export function staleSequence(next: number, last: number, sent: string = String(next)): string | null {
  if (next > last) return null;
  if (last < 0) return `must be 0 or more (got ${sent}).`;
  return `must be greater than the last accepted sequence ${last} (got ${sent}). Send ${last + 1} or more.`;
}
