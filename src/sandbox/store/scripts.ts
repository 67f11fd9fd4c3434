/**
 * The Redis side of the store, written once for every way of reaching Redis:
 * the Lua scripts that make each read-modify-write atomic, and the store
 * built on them over a bare "send this command" function. `redis.ts` gives it
 * node-redis (TCP), `rest.ts` gives it Upstash's REST protocol (fetch only),
 * so both keep exactly the semantics of `MemoryStore` (memory.ts).
 *
 * No `node:*` imports here: this module is bundled into Cloudflare Workers.
 *
 * Numbers cross into Lua as strings and come back as strings: Lua would print
 * a double with 14 significant digits and Redis truncates a Lua number reply
 * to an integer, either of which could shift a timestamp. `fmt` in the scripts
 * writes a double exactly (%.17g).
 */
import type { KeyValueStore, SlidingWindow, WindowCount } from './types';
import { toHex } from '../ids';

/** Where every key of a store lives unless told otherwise, so several stores can share one Redis. */
export const DEFAULT_PREFIX = 'agora-sandbox:';

/** One Lua script (its SHA for EVALSHA comes from scriptSha). */
export interface RedisScript {
  readonly name: string;
  readonly source: string;
}

const FMT = `local function fmt(x) return string.format('%.17g', x) end`;

/**
 * Compare-and-set with expiry. KEYS[1]; ARGV: hasExpected ('1' | '0'),
 * expected, value, ttl ms (integer). A key of another type counts as absent,
 * as MemoryStore.get reads it; a ttl <= 0 leaves nothing behind (expired at once).
 */
export const SWAP: RedisScript = {
  name: 'swap',
  source: `
local key = KEYS[1]
local current = false
if redis.call('TYPE', key).ok == 'string' then current = redis.call('GET', key) end
if ARGV[1] == '1' then
  if current ~= ARGV[2] then return 0 end
elseif current then
  return 0
end
if tonumber(ARGV[4]) <= 0 then
  redis.call('DEL', key)
else
  redis.call('SET', key, ARGV[3], 'PX', ARGV[4])
end
return 1`,
};

/**
 * Fixed window counter in a hash {start, count}. KEYS[1]; ARGV: now, windowMs,
 * limit. The window is judged against the caller's `now`, never Redis time;
 * only an allowed take is counted. Replies {allowed 1|0, count, start as text}.
 */
export const TAKE_WINDOW: RedisScript = {
  name: 'takeWindow',
  source: `
${FMT}
local key = KEYS[1]
local now, windowMs, limit = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local start, count = ARGV[1], 0
local kind = redis.call('TYPE', key).ok
if kind == 'hash' then
  local stored = redis.call('HMGET', key, 'start', 'count')
  local s = tonumber(stored[1])
  if s and now - s < windowMs and now >= s then start, count = stored[1], tonumber(stored[2]) or 0 end
elseif kind ~= 'none' then
  redis.call('DEL', key)
end
local allowed = count < limit
if allowed then count = count + 1 end
redis.call('HSET', key, 'start', start, 'count', fmt(count))
-- Kept until the window closes, plus slack for clock differences between instances.
redis.call('PEXPIRE', key, fmt(math.ceil(windowMs + 1000)))
return { allowed and 1 or 0, fmt(count), start }`,
};

/**
 * Sliding log in a sorted set: score = the caller's `now`, member unique per
 * entry. KEYS[1]; ARGV: now, member, then ms/limit pairs. Entries older than
 * the longest window go; each full window reports when the oldest of its last
 * `limit` entries leaves it (as MemoryStore.admit). Replies {allowed 1|0, retryAfterMs as text}.
 */
export const ADMIT: RedisScript = {
  name: 'admit',
  source: `
${FMT}
local key = KEYS[1]
local now = tonumber(ARGV[1])
local kind = redis.call('TYPE', key).ok
if kind ~= 'zset' and kind ~= 'none' then redis.call('DEL', key) end
local longest = -math.huge
for i = 3, #ARGV, 2 do longest = math.max(longest, tonumber(ARGV[i])) end
redis.call('ZREMRANGEBYSCORE', key, '-inf', fmt(now - longest))
local wait = nil
for i = 3, #ARGV, 2 do
  local ms, limit = tonumber(ARGV[i]), tonumber(ARGV[i + 1])
  local lower = '(' .. fmt(now - ms)
  local n = redis.call('ZCOUNT', key, lower, '+inf')
  if n >= limit then
    local oldest = redis.call('ZRANGEBYSCORE', key, lower, '+inf', 'WITHSCORES', 'LIMIT', n - limit, 1)
    local w = tonumber(oldest[2]) + ms - now
    if wait == nil or w > wait then wait = w end
  end
end
if wait == nil then redis.call('ZADD', key, ARGV[1], ARGV[2]) end
redis.call('PEXPIRE', key, fmt(math.ceil(longest + 1000)))
if wait == nil then return { 1, '0' } end
return { 0, fmt(wait) }`,
};

/** Sends one Redis command (name and arguments) and resolves with its decoded reply. */
export type SendCommand = (args: readonly string[]) => Promise<unknown>;

/** What the operator wrote when a store is unreachable: which store, why, what to do. */
export function unavailableMessage(where: string, reason: string): string {
  return `The sandbox store (${where}) is unreachable: ${reason}. Start it or correct SANDBOX_STORE, then try again.`;
}

const shas = new Map<string, Promise<string>>();
/** SHA-1 of a script in hex, as EVALSHA wants it (Web Crypto, so Workers can run it too). */
export function scriptSha(script: RedisScript): Promise<string> {
  let sha = shas.get(script.source);
  if (!sha) {
    sha = crypto.subtle.digest('SHA-1', new TextEncoder().encode(script.source)).then(toHex);
    shas.set(script.source, sha);
  }
  return sha;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Run a script by its SHA, loading it with EVAL the first time a Redis has not seen it. */
export async function runScript(send: SendCommand, script: RedisScript, keys: readonly string[], args: readonly string[]): Promise<unknown> {
  const tail = [String(keys.length), ...keys, ...args];
  try {
    return await send(['EVALSHA', await scriptSha(script), ...tail]);
  } catch (error) {
    if (!/^NOSCRIPT/.test(messageOf(error))) throw error;
    return send(['EVAL', script.source, ...tail]);
  }
}

/** A key of another type where a plain read expected its own: MemoryStore reads that as absent. */
const isWrongType = (error: unknown) => /^WRONGTYPE/.test(messageOf(error));

/** Escape glob characters so SCAN MATCH takes the prefix literally. */
const globLiteral = (text: string) => text.replace(/[*?[\]\\]/g, (char) => `\\${char}`);

/** Whole milliseconds for SET PX / PEXPIRE (MemoryStore keeps fractions; Redis wants integers). */
const wholeMs = (ms: number) => String(Math.ceil(ms));

/** Redis replies that carry numbers as text or integers. */
const num = (reply: unknown): number => Number(reply);

const SCAN_COUNT = '1000';

/**
 * The KeyValueStore over any Redis connection: every key under `prefix`,
 * every read-modify-write one script.
 */
export class ScriptedRedisStore implements KeyValueStore {
  readonly kind = 'redis' as const;

  constructor(
    private readonly send: SendCommand,
    private readonly prefix: string,
    private readonly onClose: () => Promise<void>,
  ) {}

  async get(key: string): Promise<string | null> {
    try {
      const reply = await this.send(['GET', this.prefix + key]);
      return typeof reply === 'string' ? reply : null;
    } catch (error) {
      if (isWrongType(error)) return null;
      throw error;
    }
  }

  async swap(key: string, expected: string | null, value: string, ttlMs: number): Promise<boolean> {
    const args = [expected === null ? '0' : '1', expected ?? '', value, wholeMs(ttlMs)];
    return num(await runScript(this.send, SWAP, [this.prefix + key], args)) === 1;
  }

  async delete(keys: readonly string[]): Promise<void> {
    if (keys.length) await this.send(['UNLINK', ...keys.map((key) => this.prefix + key)]);
  }

  async takeWindow(key: string, now: number, windowMs: number, limit: number): Promise<WindowCount> {
    const reply = (await runScript(this.send, TAKE_WINDOW, [this.prefix + key], [String(now), String(windowMs), String(limit)])) as unknown[];
    return { allowed: num(reply[0]) === 1, count: num(reply[1]), start: num(reply[2]) };
  }

  async peekWindow(key: string, now: number, windowMs: number): Promise<{ count: number; start: number } | null> {
    let reply: unknown;
    try {
      reply = await this.send(['HMGET', this.prefix + key, 'start', 'count']);
    } catch (error) {
      if (isWrongType(error)) return null;
      throw error;
    }
    const [start, count] = Array.isArray(reply) ? reply : [];
    if (start === null || start === undefined) return null;
    const opened = num(start);
    return now - opened < windowMs && now >= opened ? { count: num(count ?? 0), start: opened } : null;
  }

  async admit(key: string, now: number, windows: readonly SlidingWindow[]): Promise<{ allowed: boolean; retryAfterMs: number }> {
    // No window limits nothing; MemoryStore's entry would expire at once, so nothing is kept here either.
    if (windows.length === 0) return { allowed: true, retryAfterMs: 0 };
    const member = `${now}:${crypto.randomUUID()}`;
    const args = [String(now), member, ...windows.flatMap(({ ms, limit }) => [String(ms), String(limit)])];
    const reply = (await runScript(this.send, ADMIT, [this.prefix + key], args)) as unknown[];
    return num(reply[0]) === 1 ? { allowed: true, retryAfterMs: 0 } : { allowed: false, retryAfterMs: num(reply[1]) };
  }

  async keyCount(): Promise<number> {
    // SCAN may return a key twice while Redis resizes its table; a set counts each once.
    const seen = new Set<string>();
    await this.scan(async (keys) => {
      for (const key of keys) seen.add(key);
    });
    return seen.size;
  }

  async clear(): Promise<void> {
    await this.scan(async (keys) => {
      if (keys.length) await this.send(['UNLINK', ...keys]);
    });
  }

  async close(): Promise<void> {
    await this.onClose();
  }

  /** Every key under this store's prefix, a batch at a time (SCAN never blocks Redis as KEYS would). */
  private async scan(each: (keys: string[]) => Promise<void>): Promise<void> {
    let cursor = '0';
    do {
      const reply = (await this.send(['SCAN', cursor, 'MATCH', `${globLiteral(this.prefix)}*`, 'COUNT', SCAN_COUNT])) as [unknown, unknown];
      cursor = String(reply[0]);
      await each(Array.isArray(reply[1]) ? reply[1].map(String) : []);
    } while (cursor !== '0');
  }
}
