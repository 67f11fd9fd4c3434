/** Options of `createRelay`, their defaults, and the env reader shared by adapters. */
import type { KeyValueStore } from '../../sandbox/store/types';
import type { AbortLike } from './abort';
import { ATTEMPT_TIMEOUT_MS } from '../../catalog/retryPolicy';
import type { OperationModel } from '../../catalog/types';
import { parseHostList, type HostList } from './cors';
import type { RateLimitOptions } from './limits';

/** Anything that turns a Request into a Response: global fetch, the sandbox handler. Bodies come back decoded. */
export type Upstream = (request: Request) => Promise<Response>;

/** One upstream call, without Fetch objects (building a Request costs more than the relay's own work on Node). */
export interface UpstreamCall {
  url: string;
  method: string;
  /** Lower-case names. */
  headers: Record<string, string>;
  body?: string;
  /** Aborts the call (its timeout, or the client went away); an AbortSignal or the relay's cheaper `Abort`. */
  signal: AbortLike;
}

export interface UpstreamAnswer {
  status: number;
  statusText: string;
  /** Lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** Decoded body bytes; breaking out of the iteration releases the connection. */
  body: AsyncIterable<Uint8Array> | null;
  /**
   * Optional faster whole-body read (Node streams iterate slowly): resolves with
   * every byte, or with null once more than `max` arrived (reading stops there).
   */
  collect?(max: number): Promise<Uint8Array | null>;
}

/** A transport that skips Fetch objects; the Node adapter's undici client is one. Never follows redirects. */
export interface RawUpstream {
  send(call: UpstreamCall): Promise<UpstreamAnswer>;
}

/** One structured log line. Never carries headers, bodies, credentials or messages echoing client input. */
export interface RelayLogEntry {
  /** `client_aborted`: the client left mid-request; debug level, at most one line per 10 s (see `count`). */
  event: 'relayed' | 'refused' | 'failed' | 'client_aborted';
  requestId?: string;
  operationId?: string;
  environment?: string;
  status: number;
  code?: string;
  /** For an unexpected failure: error class and top stack frame (never its message, which may echo input). */
  where?: string;
  attempts?: Array<{ host: string; status: number | null; error: string | null; durationMs: number }>;
  durationMs: number;
  /** `client_aborted` only: aborts since the previous such line, so a burst logs one line, not thousands. */
  count?: number;
}

export interface RelayLogger {
  log(entry: RelayLogEntry): void;
}

export interface RelayLimits {
  /** Envelope size (default 1 MiB). */
  maxBodyBytes: number;
  /** Incoming request header size, names + values (default 16 KiB). */
  maxRequestHeaderBytes: number;
  /** Per-attempt timeout covering headers and body (default 10 s). */
  attemptTimeoutMs: number;
  /** Whole call including back-off (default 30 s). */
  totalTimeoutMs: number;
  /** Upstream body after decompression (default 10 MiB). */
  maxResponseBytes: number;
}

export interface ServerCredentials {
  customerId: string;
  customerSecret: string;
}

export interface RelayOptions {
  /** Catalog lookup; throws for an unknown id (default: `getOperation` from src/catalog). */
  getOperation?: (id: string) => OperationModel;
  /** Live upstream (default: global fetch). The Node server injects the undici-based RawUpstream. */
  fetch?: Upstream | RawUpstream;
  /** Sandbox handler, called in-process for `environment: "sandbox"`. */
  sandbox?: Upstream;
  /** Path prefix the sandbox handler is mounted with (e.g. '/sandbox'), so relay and /sandbox share one state. */
  sandboxBasePath?: string;
  /** Allow `environment: "live"` (default true). */
  live?: boolean;
  now?: () => number;
  sleep?: (ms: number, signal?: AbortLike) => Promise<void>;
  random?: () => number;
  randomUUID?: () => string;
  /** Cross-origin sites allowed to call the relay; calls from the site's own hosts (`siteHosts`) always work. */
  allowedOrigins?: string[];
  /** Hosts the site is served under; an Origin on one of them is the site itself (default: loopback names, any port). */
  siteHosts?: HostList;
  /** Per-client limit, `false` to disable (default 120 requests per minute). */
  rateLimit?: RateLimitOptions | false;
  /** Where the rate limit counts (the site passes the sandbox's store, so every instance shares it); default: in memory. */
  store?: KeyValueStore;
  /** Headers naming the client's address, first match wins (default ['x-client-ip']; adapters set their platform's). */
  clientIpHeaders?: string[];
  /** Opt-in: credentials added to live requests that carry no Authorization. */
  serverCredentials?: ServerCredentials;
  /** Region the primary domain is assumed to resolve to, for the adjacent-domain step (default us-west-1 / cn-east-1). */
  primaryRegion?: string;
  limits?: Partial<RelayLimits>;
  logger?: RelayLogger;
  /**
   * TEST AND BENCHMARK ONLY: send every attempt to this base URL (e.g. a local
   * fake upstream) instead of `https://<catalog host>`. Never read from an
   * envelope or the environment; only code that constructs the relay can set it.
   */
  upstreamBaseOverride?: string;
}

export const DEFAULT_LIMITS: RelayLimits = {
  maxBodyBytes: 1024 * 1024,
  maxRequestHeaderBytes: 16 * 1024,
  // The retry policy's per-attempt limit, so the relay and the production snippets time out alike.
  attemptTimeoutMs: ATTEMPT_TIMEOUT_MS,
  totalTimeoutMs: 30_000,
  maxResponseBytes: 10 * 1024 * 1024,
};

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { max: 120, windowMs: 60_000 };

/** Abortable sleep on real timers. */
export function defaultSleep(ms: number, signal?: AbortLike): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Relay settings from environment variables (any runtime: pass `process.env` or a Worker's `env`). Throws on an unsafe combination. */
export function relayOptionsFromEnv(env: Record<string, string | undefined>): Partial<RelayOptions> {
  const options: Partial<RelayOptions> = { siteHosts: parseHostList(env.SITE_ALLOWED_HOSTS) };
  if (env.RELAY_ALLOWED_ORIGINS) {
    options.allowedOrigins = env.RELAY_ALLOWED_ORIGINS.split(',').map((origin) => origin.trim()).filter(Boolean);
  }
  if (env.RELAY_SERVER_CREDENTIALS === '1' && env.AGORA_CUSTOMER_ID && env.AGORA_CUSTOMER_SECRET) {
    // The relay would call Agora as the operator for whoever reaches it, so the pages allowed to use it
    // must be named on purpose rather than inferred from defaults.
    if (!options.allowedOrigins?.length) {
      throw new Error(
        'RELAY_SERVER_CREDENTIALS=1 needs RELAY_ALLOWED_ORIGINS: set it to the origin(s) of the pages that may use your Agora credentials (e.g. http://localhost:3000), or unset RELAY_SERVER_CREDENTIALS.',
      );
    }
    options.serverCredentials = { customerId: env.AGORA_CUSTOMER_ID, customerSecret: env.AGORA_CUSTOMER_SECRET };
  }
  if (env.RELAY_LIVE === '0') options.live = false;
  if (env.RELAY_PRIMARY_REGION) options.primaryRegion = env.RELAY_PRIMARY_REGION;
  if (env.RELAY_RATE_LIMIT) {
    const max = Number(env.RELAY_RATE_LIMIT);
    options.rateLimit = max > 0 ? { max, windowMs: 60_000 } : false;
  }
  return options;
}
