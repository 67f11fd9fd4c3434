/**
 * The relay's wire contract (POST /api/relay): the one definition both sides
 * compile against, the relay engine (`core/`) and the browser's client
 * (`client.ts`). Types and constants only, so the browser bundle pulls in
 * nothing of the engine. Documented in the README ("Relay contract").
 */

export type RelayEnvironment = 'sandbox' | 'live';

/** What a client posts. The relay builds the URL itself from the catalog. */
export interface RelayEnvelope {
  operationId: string;
  environment: RelayEnvironment;
  /** One of the operation's catalog hosts; default: the primary. */
  server?: string;
  path?: Record<string, string>;
  query?: Record<string, string | number | boolean>;
  headers?: Record<string, string>;
  body?: unknown;
  /** Automatic retry with back-off and domain failover; default true. */
  retry?: boolean;
}

/** How an attempt failed when no HTTP status came back. */
export type NetworkErrorKind = 'dns' | 'connect' | 'reset' | 'timeout' | 'too-large' | 'redirect';

/** The mask the relay writes over a credential or a secret before it answers. */
export const MASK = '••••••';

/**
 * The request one attempt sent upstream, as the relay built it. Credentials
 * (Authorization and any credential-like header) and the catalog's secret body
 * fields are masked by the relay itself, so they never come back over the wire.
 */
export interface SentRequest {
  method: string;
  /** The full URL, addressed to the attempt's host (the sandbox answers in its place). */
  url: string;
  /** Lower-case names, as sent. */
  headers: Record<string, string>;
  /** The body text as sent (secrets masked), cut at `MAX_SHOWN_BODY_CHARS`; absent when there was none. */
  body?: string;
  /** Size of the body actually sent, bytes. */
  bodyBytes?: number;
}

/** Longest request body an attempt repeats back (Agora's bodies are a few KB). */
export const MAX_SHOWN_BODY_CHARS = 64 * 1024;

export interface RelayAttempt {
  host: string;
  status: number | null;
  error: { kind: NetworkErrorKind; message: string } | null;
  /** How long the relay waited before this attempt (back-off), ms. */
  waitMs: number;
  durationMs: number;
  /** What this attempt sent (absent from relays older than this field). */
  request?: SentRequest;
  /**
   * What the relay did after this attempt and why, in plain words: retried
   * (after how long, on which host, why that is safe) or stopped on a failure
   * (why). Absent after an answer that needs no explaining, such as a 2xx.
   */
  next?: string;
}

/** 200 answer: whatever the upstream said, plus every attempt. */
export interface RelayResult {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  /** Parsed JSON when the upstream sent JSON, else the text. */
  body: unknown;
  /** Size of the upstream body in bytes, after decompression. */
  sizeBytes: number;
  durationMs: number;
  attempts: RelayAttempt[];
  /** Why the relay stopped retrying when the last answer was still a failure (429/5xx). */
  note?: string;
}

export type RelayErrorCode =
  | 'bad_envelope'
  | 'unknown_operation'
  | 'method_not_allowed'
  | 'host_not_allowed'
  | 'bad_path_param'
  | 'bad_header'
  | 'body_too_large'
  /** The envelope did not arrive within the body deadline (408). */
  | 'body_timeout'
  | 'headers_too_large'
  | 'origin_not_allowed'
  | 'rate_limited'
  | 'live_disabled'
  | 'sandbox_unavailable'
  | 'unsupported_media_type'
  | 'upstream_unreachable'
  | 'upstream_timeout'
  | 'upstream_too_large'
  | 'upstream_redirect'
  /** A bug in the relay itself (500); the message says to try again and report it. */
  | 'internal';

/** Non-200 answer: the relay's own refusal or the final network failure. */
export interface RelayErrorBody {
  error: { code: RelayErrorCode; message: string };
  attempts?: RelayAttempt[];
}

/**
 * Network failures thrown by an upstream (undici's fetch, or the sandbox when a
 * fault is injected) carry a `cause.code`: ENOTFOUND / EAI_AGAIN mean DNS,
 * ECONNREFUSED means the request never reached the server, ECONNRESET /
 * UND_ERR_SOCKET mean it may have.
 */
export const DNS_ERROR_CODES = ['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME'] as const;
export const CONNECT_ERROR_CODES = ['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT'] as const;
