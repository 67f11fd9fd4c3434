/**
 * Fault injection, so readers can watch retries and failover happen.
 *
 * `X-Sandbox-Fault: 429|500|502|503|504|timeout|reset|down[;times=N]`, as a
 * request header or a query parameter of the same name. The fault hits only the
 * first N requests (default 1) carrying the same X-Request-ID: the relay keeps
 * one X-Request-ID across its attempts, so its retry succeeds. A request without
 * an X-Request-ID gets a fresh id, so the fault hits it every time.
 *
 * `X-Sandbox-Down: host[,host...]` makes those hosts unreachable for every
 * request (no `times`); `down` without it means `api.agora.io`. Unreachable
 * hosts, and `reset`, throw like undici's fetch does, so an in-process caller
 * sees a network error and a node:http adapter destroys the socket.
 */
import { numericUid } from './project';
import type { KeyValueStore } from './store/types';
import type { SandboxResult } from './types';

export const FAULT_KINDS = ['429', '500', '502', '503', '504', 'timeout', 'reset', 'down'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultSpec {
  kind: FaultKind;
  times: number;
  /** The header value as sent, part of the counting key. */
  raw: string;
}

export const DEFAULT_DOWN_HOST = 'api.agora.io';
const TRACK_TTL_MS = 10 * 60_000;
const MAX_TIMES = 100;

/** Read a header or, failing that, the query parameter of the same name (any case). */
export function readControl(request: Request, url: URL, name: string): string | null {
  const header = request.headers.get(name);
  if (header !== null && header.trim() !== '') return header.trim();
  const lower = name.toLowerCase();
  for (const [key, value] of url.searchParams) {
    if (key.toLowerCase() === lower && value.trim() !== '') return value.trim();
  }
  return null;
}

/** Parse `503;times=2`. Returns an error message for a value the sandbox does not know. */
export function parseFault(value: string): FaultSpec | { error: string } {
  const [kindPart, ...options] = value.split(';').map((part) => part.trim());
  const kind = kindPart.toLowerCase() as FaultKind;
  const usage = `Use one of ${FAULT_KINDS.join(', ')}, optionally followed by ";times=N".`;
  if (!FAULT_KINDS.includes(kind)) return { error: `Unknown X-Sandbox-Fault "${kindPart.slice(0, 40)}". ${usage}` };
  let times = 1;
  for (const option of options) {
    const match = /^times\s*=\s*(\d+)$/i.exec(option);
    if (!match) return { error: `Unknown X-Sandbox-Fault option "${option.slice(0, 40)}". ${usage}` };
    times = Math.min(Number(match[1]), MAX_TIMES);
  }
  return { kind, times, raw: value };
}

/**
 * Counts how often each (X-Request-ID, fault) pair has been hit, in the store,
 * so a relay retry that lands on another instance still sees the count.
 * Bounded by the store's expiry (10 minutes per pair).
 */
export class FaultTracker {
  constructor(private readonly store: KeyValueStore) {}

  /**
   * True (and counted) when this request should still suffer the fault. `caller`
   * (the Authorization header) keeps one project's counts from another's, even
   * should two send the same X-Request-ID.
   */
  async take(caller: string, requestId: string, spec: FaultSpec, now: number): Promise<boolean> {
    // Every part comes from the client: hashed or clipped, so a key stays small whatever is sent.
    const key = `fault:${numericUid(caller).toString(36)}:${requestId.slice(0, 128)}\u0000${spec.raw.slice(0, 64)}`;
    return (await this.store.takeWindow(key, now, TRACK_TTL_MS, spec.times)).allowed;
  }
}

/** The error undici's fetch throws for a network failure with this code. */
export function networkError(code: 'ECONNRESET' | 'ENOTFOUND'): TypeError {
  return new TypeError('fetch failed', { cause: { code } });
}

function parseHosts(value: string): string[] {
  return value
    .split(',')
    .map((host) => host.trim().toLowerCase())
    .filter(Boolean);
}

export interface FaultContext {
  request: Request;
  url: URL;
  requestId: string;
  now: number;
  tracker: FaultTracker;
  timeoutMs: number;
  /** The error body for an injected status, in the shape of the addressed operation's family. */
  bodyFor: (status: number) => unknown;
}

/**
 * Apply any requested fault. Returns a response to send instead of the real
 * one, null to carry on, or throws (reset, unreachable host, aborted timeout).
 */
export async function applyFault(ctx: FaultContext): Promise<SandboxResult | null> {
  const { request, url } = ctx;
  const downHeader = readControl(request, url, 'X-Sandbox-Down');
  const downHosts = downHeader ? parseHosts(downHeader) : [];
  const host = url.hostname.toLowerCase();
  const faultValue = readControl(request, url, 'X-Sandbox-Fault');
  const spec = faultValue ? parseFault(faultValue) : null;

  if (spec && 'error' in spec) {
    return { status: 400, body: { message: spec.error } };
  }
  if (!spec || spec.kind !== 'down') {
    // X-Sandbox-Down on its own: the host is down for as long as the header is sent.
    if (downHosts.includes(host)) throw networkError('ENOTFOUND');
  }
  if (!spec) return null;
  if (spec.kind === 'down') {
    const hosts = downHosts.length ? downHosts : [DEFAULT_DOWN_HOST];
    if (!hosts.includes(host)) return null;
    if (!(await ctx.tracker.take(request.headers.get('authorization') ?? '', ctx.requestId, spec, ctx.now))) return null;
    throw networkError('ENOTFOUND');
  }
  if (!(await ctx.tracker.take(request.headers.get('authorization') ?? '', ctx.requestId, spec, ctx.now))) return null;

  const injected = { 'X-Sandbox-Fault-Injected': spec.kind };
  switch (spec.kind) {
    case 'reset':
      throw networkError('ECONNRESET');
    case 'timeout':
      return waitForAbort(request.signal, ctx.timeoutMs, { status: 504, body: ctx.bodyFor(504), headers: injected });
    default: {
      const status = Number(spec.kind);
      const retryAfter: Record<string, string> = status === 429 || status === 503 ? { 'Retry-After': '1' } : {};
      return { status, body: ctx.bodyFor(status), headers: { ...injected, ...retryAfter } };
    }
  }
}

/**
 * Hold the request until the caller gives up (its signal aborts), then reject
 * the way fetch does; after `maxMs` answer 504 so nothing hangs forever.
 */
function waitForAbort(signal: AbortSignal, maxMs: number, gaveUp: SandboxResult): Promise<SandboxResult> {
  return new Promise((resolve, reject) => {
    const abortError = () => signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
    if (signal.aborted) {
      reject(abortError());
      return;
    }
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(gaveUp);
    }, maxMs);
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError());
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
