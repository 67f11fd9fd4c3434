/**
 * Where the sandbox and the relay keep state that must be shared by every
 * instance of a deployment: one key-value interface, in memory by default and
 * Redis when `SANDBOX_STORE=redis://…` is set. Every operation that reads and
 * writes is atomic in the store itself (a Lua script on Redis), so two
 * instances never lose each other's update.
 *
 * Time: windows are measured against the `now` the caller passes (the
 * sandbox's injected clock), so tests can move time; `ttlMs` is the store's own
 * expiry, real time, which only frees space once a value can no longer matter.
 */

/** One window of a sliding log: at most `limit` entries in the last `ms` milliseconds. */
export interface SlidingWindow {
  ms: number;
  limit: number;
}

/** A fixed window counter after one `take`. */
export interface WindowCount {
  /** True when the take was under the limit (and so was counted). */
  allowed: boolean;
  /** Takes counted in the current window. */
  count: number;
  /** When the current window opened (caller's clock, ms). */
  start: number;
}

export interface KeyValueStore {
  /** What this store is, for logs and the README ("memory", "redis"). */
  readonly kind: 'memory' | 'redis';
  /** The value at `key`, or null when absent or expired. */
  get(key: string): Promise<string | null>;
  /**
   * Write `value` only if `key` still holds `expected` (null: only if absent),
   * with a lifetime of `ttlMs`. False when someone else wrote first.
   */
  swap(key: string, expected: string | null, value: string, ttlMs: number): Promise<boolean>;
  /** Remove keys (missing ones are ignored). */
  delete(keys: readonly string[]): Promise<void>;
  /**
   * Fixed window counter: count one take at `key` when fewer than `limit` were
   * counted since the window opened; a window opens at the first take after
   * the previous one lasted `windowMs`.
   */
  takeWindow(key: string, now: number, windowMs: number, limit: number): Promise<WindowCount>;
  /** The counter at `key` without taking (null when no window is open at `now`). */
  peekWindow(key: string, now: number, windowMs: number): Promise<{ count: number; start: number } | null>;
  /**
   * Sliding log: record `now` at `key` when every window still has room, else
   * say how long until the oldest entry that blocks leaves its window.
   */
  admit(key: string, now: number, windows: readonly SlidingWindow[]): Promise<{ allowed: boolean; retryAfterMs: number }>;
  /** How many keys the store holds (benchmarks and tests of the bounds). */
  keyCount(): Promise<number>;
  /** Forget every key of this store (its prefix only, on a shared Redis). Tests only. */
  clear(): Promise<void>;
  /** Release connections and timers. */
  close(): Promise<void>;
}

/**
 * The store could not be reached or refused a command (Redis down, a wrong
 * URL). The sandbox answers 503 with advice for the operator; the message
 * never holds the store's password.
 */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
}
