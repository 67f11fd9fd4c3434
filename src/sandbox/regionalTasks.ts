/**
 * Rules Agora's regional media tasks share (Media Pull's cloud players and
 * Media Push's converters): the same four lowercase regions in the path, an
 * idle timeout brought to its documented bounds instead of being refused (their
 * updates' ordering is ./sequence.ts, shared with other families). Each family words the
 * refusal in its own error dialect; the rule itself lives here once.
 */

/** The regions both services list: mainland China, Asia outside it, North America, Europe. */
export const TASK_REGIONS = ['cn', 'ap', 'na', 'eu'] as const;
export type TaskRegion = (typeof TASK_REGIONS)[number];

/** Why `region` is refused (a reason for the family's 400), or null when it is one of the four, lowercase. */
export function regionProblem(region: string): string | null {
  if ((TASK_REGIONS as readonly string[]).includes(region)) return null;
  const lower = region.toLowerCase();
  return (TASK_REGIONS as readonly string[]).includes(lower)
    ? `must be lowercase: use "${lower}" (got "${region}").`
    : `must be one of ${TASK_REGIONS.join(', ')} (got "${region.slice(0, 20)}").`;
}

export interface Bounds {
  min: number;
  max: number;
}

/** A documented timeout as the service applies it: `fallback` when absent, else brought into `bounds`. */
export function clampTimeout(requested: number | undefined, fallback: number, bounds: Bounds): number {
  if (requested === undefined) return fallback;
  return Math.min(bounds.max, Math.max(bounds.min, requested));
}
