/**
 * When an island (index.tsx) loads its code: the pure rules, kept apart from
 * the DOM wiring so they can be tested on their own.
 *
 * - Near the viewport: one viewport height above or below (rootMargin in % of
 *   the viewport), so a reader scrolling at an ordinary pace finds it ready.
 * - Touched: the pointer entering it, a press, focus or a key inside it. The
 *   load then starts before the first keystroke or click lands in most cases;
 *   what still lands on the static shell is carried over (carryOver.ts).
 * - Addressed by the URL: a hash naming an element inside it (a deep link to
 *   a section's heading) or one its owner recognises (a tester's share link).
 */

/** How far from the viewport an island counts as near, in viewport heights (above and below). */
export const NEAR_VIEWPORTS = 1;

/** IntersectionObserver margin for NEAR_VIEWPORTS (% of the viewport's height). */
export const NEAR_MARGIN = `${NEAR_VIEWPORTS * 100}% 0px ${NEAR_VIEWPORTS * 100}% 0px`;

/** Events on the island that start its load at once (listened to on the wrapper, in the capture phase). */
// `input` and `change` too: a value set without a pointer or focus (autofill, a script) still wakes it up.
export const TOUCH_EVENTS = ['pointerenter', 'pointerdown', 'touchstart', 'focusin', 'keydown', 'input', 'change'] as const;

/** The element id a URL hash names (`#start-recording` -> `start-recording`), or undefined for none or a non-id hash (`#try=…`). */
export function hashTarget(hash: string): string | undefined {
  const raw = hash.replace(/^#/, '');
  if (!raw || raw.includes('=')) return undefined;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export interface DueInput {
  /** The page's URL hash (`location.hash`). */
  hash: string;
  /** Whether the element with this id lies inside the island. */
  holds: (id: string) => boolean;
  /** The island owner's own test of the hash (e.g. a share link naming its operation). */
  addressedBy?: (hash: string) => boolean;
  /** Focus is already inside the island (restored by the browser, or moved there before hydration). */
  focused: boolean;
}

/** True when the island must load now, without waiting to be near or touched. */
export function dueAtOnce({ hash, holds, addressedBy, focused }: DueInput): boolean {
  if (focused) return true;
  const id = hashTarget(hash);
  if (id !== undefined && holds(id)) return true;
  return addressedBy?.(hash) ?? false;
}
