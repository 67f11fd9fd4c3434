/**
 * The relay engine (envelope in, answer out) and its Fetch handler. Fetch API
 * only, so it runs unchanged on Node, Vercel, Netlify and Cloudflare Workers;
 * the catalog decides every URL.
 */
import { nextStage, parseRetryAfter, planRetries, retryVerdict, retryWaitMs, type AttemptOutcome, type FailoverStage } from '../../catalog/retryPolicy';
import type { OperationModel } from '../../catalog/types';
import { buildQueryString, PathParamError, resolvePath, authorizationHeader } from '../../request/apiRequest';
import type { NetworkErrorKind, RelayAttempt, RelayErrorBody, RelayResult } from '../contract';
import { Abort, type AbortLike } from './abort';
import { corsHeaders, isSiteOrigin, parseHostList, PREFLIGHT_HEADERS } from './cors';
import { checkAgainstOperation, orderedQuery, parseEnvelope, type ParsedEnvelope } from './envelope';
import { clip, classifyFailure, NetworkFailure, RelayError } from './errors';
import { sanitizeRequestHeaders, sanitizeResponseHeaders } from './headers';
import { clientKey } from '../../adapters/clientKey';
import { MemoryStore } from '../../sandbox/store/memory';
import { createRateLimiter, readRequestBody, readUpstreamBody, upstreamTooLarge } from './limits';
import { toRawUpstream } from './upstream';
import {
  DEFAULT_LIMITS,
  DEFAULT_RATE_LIMIT,
  defaultSleep,
  type RawUpstream,
  type RelayLogEntry,
  type RelayOptions,
  type UpstreamCall,
} from './options';
import { budgetNote, finalNote, retryNote, stopNote } from './retry';
import { sentRequestBuilder } from './sent';

interface AttemptAnswer {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  bytes: Uint8Array;
}

/** What the engine needs from an incoming request, whatever the transport (Fetch Request, node:http). */
export interface RelayInput {
  method: string;
  /** Full URL the request was addressed to (same-origin check). */
  url: string;
  /** Header lookup by lower-case name. */
  header(name: string): string | null;
  /** Total size of the request's header names and values. */
  headerBytes: number;
  /** The body as text; throws the 413 RelayError past `max`. */
  readBody(max: number): Promise<string>;
  /** Aborts when the client goes away (a Fetch request's signal, or the Node adapter's `Abort`). */
  signal: AbortLike;
}

export interface RelayOutput {
  status: number;
  headers: Record<string, string>;
  body: string | null;
}

const NETWORK_STATUS: Record<NetworkErrorKind, { status: number; code: 'upstream_unreachable' | 'upstream_timeout' | 'upstream_too_large' | 'upstream_redirect' }> = {
  dns: { status: 502, code: 'upstream_unreachable' },
  connect: { status: 502, code: 'upstream_unreachable' },
  reset: { status: 502, code: 'upstream_unreachable' },
  timeout: { status: 504, code: 'upstream_timeout' },
  'too-large': { status: 502, code: 'upstream_too_large' },
  redirect: { status: 502, code: 'upstream_redirect' },
};

/** Reason phrases for answers that carry none (HTTP/2 upstreams, in-process handlers). */
const REASON: Record<number, string> = {
  200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No Content', 206: 'Partial Content',
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
  409: 'Conflict', 413: 'Content Too Large', 415: 'Unsupported Media Type', 422: 'Unprocessable Content',
  429: 'Too Many Requests', 500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway',
  503: 'Service Unavailable', 504: 'Gateway Timeout',
};

function headerBytes(headers: Headers): number {
  let total = 0;
  headers.forEach((value, name) => {
    total += name.length + value.length + 4;
  });
  return total;
}

/** Error class and top stack frame of an unexpected failure: enough to find it, with no client data. */
function whereFrom(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const frame = error.stack?.split('\n').find((line) => line.trim().startsWith('at '))?.trim() ?? '';
  return `${error.name} ${frame}`.slice(0, 300);
}

/** Network codes a request stream fails with when its client disconnects mid-upload. */
const CLIENT_GONE_CODES = new Set(['ECONNRESET', 'ECONNABORTED', 'ERR_STREAM_PREMATURE_CLOSE', 'EPIPE']);

/** Whether a non-RelayError failure is the client going away (not a relay bug). */
function clientWentAway(signal: AbortLike, error: unknown): boolean {
  if (signal.aborted) return true;
  if (!(error instanceof Error)) return false;
  if (error.name === 'AbortError') return true;
  const code = (error as { code?: unknown }).code;
  return (typeof code === 'string' && CLIENT_GONE_CODES.has(code)) || error.message === 'aborted';
}

/** An operation's declared header names, built once per operation (operations are cached by the catalog). */
const declaredCache = new WeakMap<OperationModel, readonly string[]>();
function declaredHeaders(op: OperationModel): readonly string[] {
  let names = declaredCache.get(op);
  if (!names) {
    names = op.headerParams.map((param) => param.name);
    declaredCache.set(op, names);
  }
  return names;
}

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };

// Stateless when not streaming, so one decoder serves every call.
const UTF8 = new TextDecoder();

// Module-level patterns (none has the `g` flag, so `test` keeps no state between calls).
const JSON_TYPE = /\bjson\b/i;
const ENVELOPE_TYPE = /^application\/json\b/i;
const USABLE_REQUEST_ID = /^[\x21-\x7e]{1,128}$/;

/** The envelope's own X-Request-ID value, whatever its spelling; a loop, not `Object.entries(...).find`, which allocates per header. */
function suppliedRequestId(headers: Record<string, string>): string | undefined {
  for (const name in headers) if (name.toLowerCase() === 'x-request-id') return headers[name];
  return undefined;
}

/** Query parameters given at all (the envelope's maps have no prototype, so `for...in` sees only their own keys). */
function hasEntries(map: Record<string, string>): boolean {
  for (const _ in map) return true;
  return false;
}

/** The per-attempt timer's callback: module-level with its argument, so starting an attempt builds no closure. */
function timeOut(stop: AttemptAbort): void {
  stop.timedOut = true;
  stop.abort(new Error('attempt timed out'));
}

/** One attempt's abort flag: it follows the client's while the attempt runs, and remembers whether its own timer (not the client) ended it. */
class AttemptAbort extends Abort {
  timedOut = false;
  /** The client's abort listener, bound once per attempt: a method, not a closure (which tsx also names) per call. */
  private readonly onClientAbort: () => void;

  constructor(private readonly client: AbortLike) {
    super();
    this.onClientAbort = this.clientAborted.bind(this);
  }

  /** From now on, the client's leaving aborts this attempt. */
  follow(): void {
    this.client.addEventListener('abort', this.onClientAbort, { once: true });
  }

  /** The attempt is over: stop listening to the client. */
  release(): void {
    this.client.removeEventListener('abort', this.onClientAbort);
  }

  private clientAborted(): void {
    this.abort(this.client.reason);
  }
}

function decodeBody(bytes: Uint8Array, contentType: string | undefined): unknown {
  const text = UTF8.decode(bytes);
  if (contentType && JSON_TYPE.test(contentType) && text.trim() !== '') {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

/**
 * The transport-neutral relay: envelope in, answer out. `createRelayHandler`
 * wraps it as a Fetch handler; the Node adapter drives it from node:http
 * directly, so the hot path builds no web streams.
 */
export function createRelayEngine(options: RelayOptions & { getOperation: (id: string) => OperationModel }) {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const randomUUID = options.randomUUID ?? (() => crypto.randomUUID());
  const allowedOrigins = new Set((options.allowedOrigins ?? []).map((origin) => origin.replace(/\/+$/, '')));
  const siteHosts = options.siteHosts ?? parseHostList(undefined);
  const rateLimit = options.rateLimit === false ? null : createRateLimiter(options.rateLimit ?? DEFAULT_RATE_LIMIT, now, options.store ?? new MemoryStore());
  const clientIpHeaders = (options.clientIpHeaders ?? ['x-client-ip']).map((name) => name.toLowerCase());
  const liveAllowed = options.live ?? true;
  const liveUpstream = toRawUpstream(options.fetch ?? ((request: Request) => fetch(request)));
  const sandboxUpstream = options.sandbox ? toRawUpstream(options.sandbox) : undefined;
  const baseOverride = options.upstreamBaseOverride?.replace(/\/+$/, '');
  const log = (entry: RelayLogEntry) => {
    try {
      options.logger?.log(entry);
    } catch {
      // A broken logger must not break the relay.
    }
  };


  function upstreamFor(envelope: ParsedEnvelope): RawUpstream {
    if (envelope.environment === 'sandbox') {
      if (!sandboxUpstream) {
        throw new RelayError(503, 'sandbox_unavailable', 'The sandbox is not available on this deployment. Use environment "live" or run the site locally.');
      }
      return sandboxUpstream;
    }
    if (!liveAllowed) {
      throw new RelayError(403, 'live_disabled', 'Live calls are disabled on this deployment (RELAY_LIVE=0). Use environment "sandbox".');
    }
    return liveUpstream;
  }

  /**
   * One upstream call with its own timeout; the body is read (and capped) inside the timeout. The call's
   * signal is the attempt's own abort flag (see abort.ts), built with the call: no copy of the call per attempt.
   */
  async function attempt(upstream: RawUpstream, call: UpstreamCall & { signal: AttemptAbort }, host: string, timeoutMs: number): Promise<AttemptAnswer> {
    // One timer per attempt; the client's leaving aborts the attempt too.
    const stop = call.signal;
    const timer = setTimeout(timeOut, timeoutMs, stop);
    stop.follow();
    try {
      const answer = await upstream.send(call);
      if (answer.status >= 300 && answer.status < 400 && answer.status !== 304) {
        // Release the connection without reading a body we will not use.
        if (answer.body) for await (const _ of answer.body) break;
        const location = (answer.headers.location ?? '(none)').slice(0, 200);
        throw new NetworkFailure('redirect', `${host} answered ${answer.status} redirecting to ${location}; the relay never follows redirects.`);
      }
      const bytes = await readUpstreamBody(answer, limits.maxResponseBytes);
      if (bytes === null) throw upstreamTooLarge(host, limits.maxResponseBytes);
      return { status: answer.status, statusText: answer.statusText, headers: answer.headers, bytes };
    } catch (error) {
      throw classifyFailure(error, host, stop.timedOut);
    } finally {
      clearTimeout(timer);
      stop.release();
    }
  }

  async function relay(signal: AbortLike, envelope: ParsedEnvelope, op: OperationModel, startHost: string, requestId: string, started: number) {
    const upstream = upstreamFor(envelope);
    const isSandbox = envelope.environment === 'sandbox';
    let pathname: string;
    try {
      pathname = resolvePath(op.path, envelope.path);
    } catch (error) {
      if (error instanceof PathParamError) throw new RelayError(400, 'bad_path_param', error.message);
      // The envelope scan refuses lone surrogates first; this keeps any other encoding failure a 400.
      if (error instanceof URIError) throw new RelayError(400, 'bad_path_param', 'A path parameter is not valid Unicode text; fix it and try again.');
      throw error;
    }
    let queryString: string;
    try {
      // No query at all is the usual case: nothing to order or encode.
      queryString = hasEntries(envelope.query) ? buildQueryString(orderedQuery(op, envelope.query)) : '';
    } catch (error) {
      if (error instanceof URIError) throw new RelayError(400, 'bad_envelope', 'A query value is not valid Unicode text; fix it and try again.');
      throw error;
    }
    const pathAndQuery = `${isSandbox ? (options.sandboxBasePath ?? '') : ''}${pathname}${queryString}`;

    const headers = sanitizeRequestHeaders(envelope.headers, { allowSandboxHeaders: isSandbox, declared: declaredHeaders(op) });
    headers['x-request-id'] = requestId;
    if (!isSandbox && options.serverCredentials && !headers.authorization) {
      headers.authorization = authorizationHeader({ kind: 'basic', ...options.serverCredentials });
    }
    const sendBody = envelope.body !== undefined && op.method !== 'GET';
    if (sendBody && !headers['content-type']) headers['content-type'] = 'application/json';
    if (!headers.accept) headers.accept = 'application/json';
    const body = sendBody ? JSON.stringify(envelope.body) : undefined;
    const sent = sentRequestBuilder(op, headers, envelope.body, body);

    // The policy decides hosts, what is retried and how long to wait; the 30 s budget is only a safety limit.
    const plan = planRetries(op, startHost, envelope.body, options.primaryRegion);
    const deadline = started + limits.totalTimeoutMs;
    const attempts: RelayAttempt[] = [];
    let stage: FailoverStage = 'primary';
    let waitMs = 0;
    for (;;) {
      const host = plan.hosts[stage] ?? startHost;
      const base = baseOverride ?? `https://${host}`;
      // The sandbox answers in the host's place, so the reader sees the URL as addressed to Agora.
      const shownUrl = `${isSandbox ? `https://${host}` : base}${pathname}${queryString}`;
      const attemptStart = now();
      let outcome: AttemptOutcome;
      let ended: { answer: AttemptAnswer } | { failure: NetworkFailure };
      try {
        const timeout = Math.max(1, Math.min(plan.attemptTimeoutMs, limits.attemptTimeoutMs, deadline - attemptStart));
        const call = { url: `${base}${pathAndQuery}`, method: op.method, headers, body, signal: new AttemptAbort(signal) };
        const answer = await attempt(upstream, call, host, timeout);
        ended = { answer };
        outcome = { kind: 'status', status: answer.status, retryAfterMs: parseRetryAfter(answer.headers['retry-after'], now()) };
        attempts.push({ host, status: answer.status, error: null, waitMs, durationMs: now() - attemptStart, request: sent(shownUrl) });
      } catch (error) {
        const failure = error as NetworkFailure;
        ended = { failure };
        outcome = { kind: 'network', failure: failure.kind };
        attempts.push({
          host,
          status: null,
          error: { kind: failure.kind, message: failure.message },
          waitMs,
          durationMs: now() - attemptStart,
          request: sent(shownUrl),
        });
      }

      const verdict = retryVerdict(plan, outcome, attempts.length);
      const last = attempts[attempts.length - 1];
      let stop: string | null = null;
      let wait = 0;
      if (verdict.action === 'done') stop = '';
      else if (signal.aborted) stop = 'The client went away.';
      else if (!envelope.retry) stop = 'Automatic retry is off for this call ("retry": false).';
      else if (verdict.action === 'stop') stop = stopNote(verdict.reason, op.method, outcome, plan, attempts.length);
      else {
        wait = retryWaitMs(plan, attempts.length - 1, random, outcome.kind === 'status' ? outcome.retryAfterMs : undefined);
        if (now() + wait >= deadline) stop = budgetNote(wait, limits.totalTimeoutMs);
      }
      const next: FailoverStage = stop === null ? nextStage(stage, outcome, plan.hosts) : stage;
      if (stop === null) {
        last.next = retryNote({
          method: op.method,
          outcome,
          plan,
          from: host,
          to: next,
          retryIndex: attempts.length - 1,
          waitMs: wait,
          retryAfterMs: outcome.kind === 'status' ? outcome.retryAfterMs : undefined,
        });
      } else {
        const said = stop || ('answer' in ended ? finalNote(ended.answer.status) : undefined);
        if (said) last.next = said;
      }
      if (stop !== null) {
        if ('answer' in ended) {
          const { answer } = ended;
          const result: RelayResult = {
            status: answer.status,
            statusText: answer.statusText || REASON[answer.status] || '',
            headers: sanitizeResponseHeaders(answer.headers),
            body: decodeBody(answer.bytes, answer.headers['content-type']),
            sizeBytes: answer.bytes.byteLength,
            durationMs: now() - started,
            attempts,
          };
          if (stop) result.note = stop;
          return result;
        }
        const { failure } = ended;
        const mapped = NETWORK_STATUS[failure.kind];
        const message = stop ? `${failure.message} ${stop}` : failure.message;
        throw new RelayError(mapped.status, mapped.code, message, {}, attempts);
      }
      try {
        await sleep(wait, signal);
      } catch {
        throw new RelayError(502, 'upstream_unreachable', 'The client went away while the relay was waiting to retry.', {}, attempts);
      }
      stage = next;
      waitMs = wait;
    }
  }

  // Client aborts are counted and logged at most once per window, so 2,000 dropped uploads make one line.
  const ABORT_LOG_WINDOW_MS = 10_000;
  let abortsUnlogged = 0;
  let abortLoggedAt = -Infinity;
  function noteClientAbort(at: number): void {
    abortsUnlogged++;
    if (at - abortLoggedAt < ABORT_LOG_WINDOW_MS) return;
    log({ event: 'client_aborted', status: 499, count: abortsUnlogged, durationMs: 0 });
    abortsUnlogged = 0;
    abortLoggedAt = at;
  }

  const summarise = (attempts: RelayAttempt[] | undefined) =>
    attempts?.map((a) => ({ host: a.host, status: a.status, error: a.error?.kind ?? null, durationMs: a.durationMs }));

  return async function handle(input: RelayInput): Promise<RelayOutput> {
    const started = now();
    const origin = input.header('origin');
    // Never compared with the Host header: under DNS rebinding both name the attacker's domain.
    const crossOrigin = origin !== null && !isSiteOrigin(origin, siteHosts);
    const cors = crossOrigin && allowedOrigins.has(origin) ? corsHeaders(origin) : {};
    let envelope: ParsedEnvelope | undefined;
    let requestId: string | undefined;
    try {
      if (crossOrigin && !allowedOrigins.has(origin)) {
        throw new RelayError(403, 'origin_not_allowed', `Origin ${origin} may not call this relay. Add it to RELAY_ALLOWED_ORIGINS, or call from the site itself.`);
      }
      if (input.method === 'OPTIONS') {
        return { status: 204, headers: { 'cache-control': 'no-store', ...cors, ...(cors['access-control-allow-origin'] ? PREFLIGHT_HEADERS : {}) }, body: null };
      }
      if (input.method !== 'POST') {
        throw new RelayError(405, 'method_not_allowed', `The relay accepts POST with a JSON envelope, not ${input.method}.`, { allow: 'POST, OPTIONS' });
      }
      if (input.headerBytes > limits.maxRequestHeaderBytes) {
        throw new RelayError(431, 'headers_too_large', `The request headers exceed ${limits.maxRequestHeaderBytes} bytes. Send fewer or smaller headers.`);
      }
      // Requiring JSON also blocks cross-site form posts, which cannot send this type without a preflight.
      if (!ENVELOPE_TYPE.test(input.header('content-type') ?? '')) {
        throw new RelayError(415, 'unsupported_media_type', 'Send the envelope with Content-Type: application/json.');
      }
      if (rateLimit) {
        const verdict = await rateLimit(clientKey((name) => input.header(name), clientIpHeaders));
        if (!verdict.ok) {
          throw new RelayError(429, 'rate_limited', `Too many relay calls from this client; wait ${verdict.retryAfterSeconds} s and try again.`, {
            'retry-after': String(verdict.retryAfterSeconds),
          });
        }
      }
      envelope = parseEnvelope(await input.readBody(limits.maxBodyBytes));
      let op: OperationModel;
      try {
        op = options.getOperation(envelope.operationId);
      } catch (error) {
        // The catalog's message lists the valid ids and repeats the unknown one: repeat it clipped.
        const message = (error as Error).message || `Unknown operation "${envelope.operationId}".`;
        throw new RelayError(404, 'unknown_operation', clip(message.split(envelope.operationId).join(clip(envelope.operationId)), 4000));
      }
      const startHost = checkAgainstOperation(envelope, op);
      const supplied = suppliedRequestId(envelope.headers);
      // An unusable supplied id is refused later by the header check; never echo it meanwhile.
      requestId = supplied && USABLE_REQUEST_ID.test(supplied) ? supplied : randomUUID();
      const result = await relay(input.signal, envelope, op, startHost, requestId, started);
      log({
        event: 'relayed',
        requestId,
        operationId: op.id,
        environment: envelope.environment,
        status: result.status,
        attempts: summarise(result.attempts),
        durationMs: result.durationMs,
      });
      // Written field by field rather than spread from three objects: this runs on every call.
      const headers: Record<string, string> = { ...JSON_HEADERS, 'x-request-id': result.headers['x-request-id'] ?? requestId };
      if (result.headers['x-resource-id']) headers['x-resource-id'] = result.headers['x-resource-id'];
      if (crossOrigin) Object.assign(headers, cors);
      return { status: 200, headers, body: JSON.stringify(result) };
    } catch (error) {
      const operationId = envelope ? clip(envelope.operationId) : undefined;
      if (!(error instanceof RelayError) && clientWentAway(input.signal, error)) {
        // Nobody reads this answer; a burst of aborted uploads is one debug line, not one "internal" each.
        noteClientAbort(now());
        return { status: 499, headers: { ...JSON_HEADERS, ...cors }, body: null };
      }
      if (!(error instanceof RelayError)) {
        requestId ??= randomUUID();
        log({ event: 'failed', requestId, operationId, status: 500, code: 'internal', where: whereFrom(error), durationMs: now() - started });
        // Details stay in the log; the client gets the id to quote, never the exception's text.
        const message = `The relay failed unexpectedly; try again, and report request id ${requestId} if it persists.`;
        const body = { error: { code: 'internal', message } };
        return { status: 500, headers: { ...JSON_HEADERS, 'x-request-id': requestId, ...cors }, body: JSON.stringify(body) };
      }
      log({
        event: error.attempts ? 'failed' : 'refused',
        requestId,
        operationId,
        environment: envelope?.environment,
        status: error.status,
        code: error.code,
        attempts: summarise(error.attempts),
        durationMs: now() - started,
      });
      const body: RelayErrorBody = { error: { code: error.code, message: error.message } };
      if (error.attempts) body.attempts = error.attempts;
      return {
        status: error.status,
        headers: { ...JSON_HEADERS, ...error.headers, ...(requestId ? { 'x-request-id': requestId } : {}), ...cors },
        body: JSON.stringify(body),
      };
    }
  };
}

/** The engine as a Fetch handler `(Request) => Promise<Response>` (serverless runtimes, tests). */
export function createRelayHandler(options: RelayOptions & { getOperation: (id: string) => OperationModel }) {
  const engine = createRelayEngine(options);
  return async function handle(req: Request): Promise<Response> {
    const output = await engine({
      method: req.method,
      url: req.url,
      header: (name) => req.headers.get(name),
      headerBytes: headerBytes(req.headers),
      readBody: (max) => readRequestBody(req, max),
      signal: req.signal,
    });
    return new Response(output.body, { status: output.status, headers: output.headers });
  };
}
