/**
 * Rules Agora's regional media tasks share (Media Pull's cloud players and
 * Media Push's converters): the same four lowercase regions in the path, an
 * idle timeout brought to its documented bounds instead of being refused (their
 * updates' ordering is ./sequence.ts, shared with other families). Each family words the
 * refusal in its own words through one dialect shape; the rule itself lives here once.
 */

import { appIdReason } from './errors';
import type { ErrorDialect } from './family';

/** What differs between the two services' error dialects: their wording. */
export interface RegionalTaskWording {
  /** `message` of a 400 for `field`. */
  badRequest(field: string): string;
  /** `message` of the 403 for another project's App ID (the service not enabled for it). */
  forbidden: string;
  /** `message` of each fault status, by status (500's stands for any other). */
  faults: Record<number, string>;
}

/**
 * The error dialect both services share: `{message, reason}`, `message` in the
 * service's own words, `reason` naming the field; 403 for another App ID; QPS
 * 429s with Retry-After.
 */
export function regionalTaskDialect(wording: RegionalTaskWording): ErrorDialect {
  return {
    error: (status, message, field, reason, options = {}) => ({
      status,
      headers: options.headers,
      body: { message, reason: field ? `${field}: ${reason}` : reason },
    }),
    invalidParameter(field, reason) {
      return this.error(400, wording.badRequest(field), field, reason);
    },
    invalidAppId(field, appId, ownAppId) {
      return this.error(403, wording.forbidden, field, appIdReason(appId, ownAppId));
    },
    planLimited: (_limit, retryAfter) => ({ status: 429, headers: { 'Retry-After': String(retryAfter) }, body: { message: 'API rate limit exceeded' } }),
    qpsLimited: (text, retryAfter) => ({
      status: 429,
      headers: { 'Retry-After': String(retryAfter) },
      body: { message: wording.faults[429], reason: `${text} Wait ${retryAfter} s and retry.` },
    }),
    faultBody: (status) => ({ message: wording.faults[status] ?? wording.faults[500] }),
  };
}

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
