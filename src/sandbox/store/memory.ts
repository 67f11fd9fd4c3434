/**
 * The in-memory store: the embedded default of `npm start`, `npm run serve`
 * and `npm run sandbox`. One process holds everything, so it suits one
 * server; serverless instances each get their own (set SANDBOX_STORE there).
 *
 * Bounded three ways: every entry expires after its `ttlMs` (swept lazily on
 * read and in full every few hundred writes), and past `maxKeys` keys or
 * `maxBytes` of stored text the least recently used entry is evicted, as Redis
 * does under `maxmemory` with `allkeys-lru`. The key cap alone would not bound
 * memory: a project filled to every family cap is ~200 KB of JSON, a fresh one ~6 KB.
 */
import type { KeyValueStore, SlidingWindow, WindowCount } from './types';

export interface MemoryStoreOptions {
  /** Most keys held; the least recently used goes first (default 50 000: about 10 000 active visitors). */
  maxKeys?: number;
  /**
   * Most bytes of keys and values held, roughly (default 256 MiB); the least recently used goes first.
   * Sized for about 10 000 busy visitors: a project after ten creates, its notifications included, is ~11 KB of JSON (22 KB as UTF-16).
   */
  maxBytes?: number;
  /** The store's own clock for expiry, ms (default Date.now; the benchmark moves it). */
  clock?: () => number;
}

type Value = string | { start: number; count: number } | number[];

interface Entry {
  value: Value;
  expiresAt: number;
  /** Roughly what the entry holds, in bytes (UTF-16 text, 8 bytes per number, a fixed overhead). */
  bytes: number;
}

/** Per-entry bookkeeping (Map slot, entry object), a rough constant. */
const ENTRY_OVERHEAD = 64;

function sizeOf(key: string, value: Value): number {
  const valueBytes = typeof value === 'string' ? value.length * 2 : Array.isArray(value) ? value.length * 8 : 16;
  return ENTRY_OVERHEAD + key.length * 2 + valueBytes;
}

/** Writes between two full sweeps of expired entries. */
const SWEEP_EVERY = 500;

export class MemoryStore implements KeyValueStore {
  readonly kind = 'memory' as const;
  private readonly entries = new Map<string, Entry>();
  /** The caps this store enforces (read by the benchmark). */
  readonly maxKeys: number;
  readonly maxBytes: number;
  private readonly clock: () => number;
  private writes = 0;
  private bytes = 0;

  constructor(options: MemoryStoreOptions = {}) {
    this.maxKeys = options.maxKeys ?? 50_000;
    this.maxBytes = options.maxBytes ?? 256 * 1024 * 1024;
    this.clock = options.clock ?? Date.now;
  }

  async get(key: string): Promise<string | null> {
    const value = this.read(key);
    return typeof value === 'string' ? value : null;
  }

  async swap(key: string, expected: string | null, value: string, ttlMs: number): Promise<boolean> {
    const current = this.read(key);
    if ((typeof current === 'string' ? current : null) !== expected) return false;
    this.write(key, value, ttlMs);
    return true;
  }

  async delete(keys: readonly string[]): Promise<void> {
    for (const key of keys) this.remove(key);
  }

  async takeWindow(key: string, now: number, windowMs: number, limit: number): Promise<WindowCount> {
    const current = this.read(key);
    let window = isWindow(current) && now - current.start < windowMs && now >= current.start ? current : { start: now, count: 0 };
    const allowed = window.count < limit;
    if (allowed) window = { start: window.start, count: window.count + 1 };
    // Kept until the window closes in the store's time; a little slack for clock differences.
    this.write(key, window, windowMs + 1000);
    return { allowed, count: window.count, start: window.start };
  }

  async peekWindow(key: string, now: number, windowMs: number): Promise<{ count: number; start: number } | null> {
    const current = this.read(key);
    return isWindow(current) && now - current.start < windowMs && now >= current.start ? { ...current } : null;
  }

  async admit(key: string, now: number, windows: readonly SlidingWindow[]): Promise<{ allowed: boolean; retryAfterMs: number }> {
    const longest = Math.max(...windows.map((window) => window.ms));
    const current = this.read(key);
    const log = (Array.isArray(current) ? current : []).filter((t) => now - t < longest);
    const waits: number[] = [];
    for (const { ms, limit } of windows) {
      const inWindow = log.filter((t) => now - t < ms);
      // The oldest of the last `limit` entries must leave the window before another fits.
      if (inWindow.length >= limit) waits.push(inWindow[inWindow.length - limit] + ms - now);
    }
    if (waits.length === 0) log.push(now);
    this.write(key, log, longest + 1000);
    return waits.length ? { allowed: false, retryAfterMs: Math.max(...waits) } : { allowed: true, retryAfterMs: 0 };
  }

  async keyCount(): Promise<number> {
    this.sweep();
    return this.entries.size;
  }

  /** Roughly how many bytes the store holds (benchmarks and tests of the bounds). */
  get byteCount(): number {
    return this.bytes;
  }

  async clear(): Promise<void> {
    this.entries.clear();
    this.bytes = 0;
  }

  async close(): Promise<void> {
    await this.clear();
  }

  /** The live value at `key`, marked as just used. */
  private read(key: string): Value | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.clock()) {
      this.remove(key);
      return undefined;
    }
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  private write(key: string, value: Value, ttlMs: number): void {
    this.remove(key);
    const bytes = sizeOf(key, value);
    this.entries.set(key, { value, expiresAt: this.clock() + ttlMs, bytes });
    this.bytes += bytes;
    this.writes += 1;
    if (this.writes % SWEEP_EVERY === 0) this.sweep();
    // Least recently used first (Map order); the entry just written is the most recent, so it stays.
    while (this.entries.size > 1 && (this.entries.size > this.maxKeys || this.bytes > this.maxBytes)) {
      this.remove(this.entries.keys().next().value as string);
    }
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }

  private sweep(): void {
    const now = this.clock();
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.remove(key);
  }
}

function isWindow(value: Value | undefined): value is { start: number; count: number } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
