/**
 * The store on Redis over Upstash's REST protocol: each command is a JSON
 * array POSTed to the database's URL with `Authorization: Bearer <token>`,
 * answered `{ "result": … }` or `{ "error": "…" }`. It needs nothing but
 * `fetch`, so it runs where TCP sockets do not (Cloudflare Workers, edge
 * functions); the scripts and semantics are the TCP store's (scripts.ts).
 *
 * No `node:*` imports here (a test bundles this file for the browser platform).
 */
import { DEFAULT_PREFIX, ScriptedRedisStore, unavailableMessage, type SendCommand } from './scripts';
import { StoreUnavailableError, type KeyValueStore } from './types';

export interface RestStoreOptions {
  /** The database's REST token (Upstash: UPSTASH_REDIS_REST_TOKEN); sent as a Bearer header, never logged. */
  token: string;
  /** Prefix for every key (default `agora-sandbox:`). */
  prefix?: string;
  /** Longest wait for one command's answer, ms (default 5000). */
  timeoutMs?: number;
  /** The fetch to use (default the global one); injectable for tests. */
  fetch?: typeof fetch;
}

/** A Redis error reply (NOSCRIPT, WRONGTYPE…): Redis answered, the store is fine. */
export class RedisReplyError extends Error {
  override readonly name = 'RedisReplyError';
}

/**
 * The endpoint's host for messages. Not describeStoreUrl from ./index: that
 * module's lazy `import('./redis')` would pull node-redis into a Workers
 * bundle. A host never holds credentials (the token travels in a header).
 */
function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '(an unreadable URL)';
  }
}

/** Why a fetch failed, in a few words: undici says only "fetch failed" and puts ECONNREFUSED in `cause`. */
function fetchFailure(error: unknown, timeoutMs: number): string {
  if (!(error instanceof Error)) return String(error);
  if (error.name === 'TimeoutError') return `no answer within ${timeoutMs} ms`;
  const cause = error.cause instanceof Error ? error.cause.message : '';
  return cause ? `${error.message} (${cause})` : error.message;
}

/** A KeyValueStore on the Redis REST endpoint at `url` (https://…). */
export function createRestStore(url: string, options: RestStoreOptions): KeyValueStore {
  const where = `Redis REST at ${hostOf(url)}`;
  const send = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const timeoutMs = options.timeoutMs ?? 5000;

  const command: SendCommand = async (args) => {
    let response: Response;
    try {
      response = await send(url, {
        method: 'POST',
        headers: { Authorization: `Bearer ${options.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(args),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new StoreUnavailableError(unavailableMessage(where, fetchFailure(error, timeoutMs)));
    }
    if (response.status === 401 || response.status === 403) {
      throw new StoreUnavailableError(unavailableMessage(where, `the token was refused (HTTP ${response.status}); check SANDBOX_STORE_TOKEN`));
    }
    const text = await response.text();
    let answer: { result?: unknown; error?: unknown } | undefined;
    try {
      answer = JSON.parse(text) as { result?: unknown; error?: unknown };
    } catch {
      answer = undefined;
    }
    if (answer && typeof answer.error === 'string') throw new RedisReplyError(answer.error);
    if (!response.ok || !answer || !('result' in answer)) {
      throw new StoreUnavailableError(unavailableMessage(where, `HTTP ${response.status} ${text.slice(0, 120)}`));
    }
    return answer.result;
  };

  // Nothing to release: every command is its own request.
  return new ScriptedRedisStore(command, options.prefix ?? DEFAULT_PREFIX, async () => undefined);
}
