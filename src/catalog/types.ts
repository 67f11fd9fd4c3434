/**
 * The normalised operation model: what every consumer (forms, validation,
 * snippets, relay, sandbox, reference pages) reads instead of the raw OpenAPI
 * document. Built once by `getOperation(id)` in `./index.ts`.
 */

/** A JSON Schema (2020-12, as embedded in OpenAPI 3.1). */
export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  description?: string;
  title?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  minProperties?: number;
  maxProperties?: number;
  format?: string;
  examples?: unknown[];
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  not?: JsonSchema;
  additionalProperties?: boolean | JsonSchema;
  $ref?: string;
  [extension: `x-${string}`]: unknown;
};

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type ParamLocation = 'path' | 'query' | 'header';

export interface ParamModel {
  name: string;
  in: ParamLocation;
  required: boolean;
  description: string;
  schema: JsonSchema;
  /** A value that works against the sandbox; forms pre-fill it. */
  example?: unknown;
  /** Where the reader gets the value in a chained flow (`x-value-from`), e.g. acquire's `resourceId`. */
  valueFrom?: { operationId: string; field: string };
}

/**
 * Agora's REST calls use HTTP Basic; the guide's get-channel example uses a Bearer token;
 * Conversational AI also takes an RTC token as `Authorization: agora token=<token>`
 * (an OpenAPI `apiKey` scheme in the Authorization header).
 */
export type SecurityKind = 'basic' | 'bearer' | 'agora-token';

/**
 * A family id: the folder name under `src/families/` and its catalog tag's
 * `x-family` (`cloud-recording`, `media-pull`, ...). Open on purpose: adding a
 * family is a folder and a registry line, not an edit here.
 */
export type OperationFamily = string;

export type ServerRole = 'primary' | 'regional';

/** One host of the catalog's `servers`, with the failover relations the relay follows. */
export interface ServerModel {
  /** Bare host name, e.g. `api.agora.io`. The relay only ever builds `https://${host}`. */
  host: string;
  /** `https://${host}` */
  url: string;
  role: ServerRole;
  /** `agora.io` (outside mainland China) or `sd-rtn.com` (inside mainland China). */
  family: 'agora.io' | 'sd-rtn.com';
  /** Regional code such as `us-west-1`; absent on the two primary domains. */
  region?: string;
  /** Human label: "Western United States", "Primary (outside mainland China)". */
  label: string;
  /** The same role in the other family (`api.agora.io` <-> `api.sd-rtn.com`). */
  alternate?: string;
  /** For a regional domain: the adjacent region's host in the same family. */
  adjacent?: string;
}

/**
 * One row of a limits table, as data the sandbox applies and the reference
 * shows. Which requests a row covers is said by `when`, never read from prose.
 */
export interface QpsLimit {
  /** Short label of the row, e.g. "Create with name". */
  scope: string;
  perSecond?: number;
  perMinute?: number;
  /** The limit in the words of the source page. */
  text: string;
  /** `plan`: an account plan's quota (the plan limiter's business); default `qps`. */
  kind?: 'qps' | 'plan';
  /** `family`: one counter shared by every operation of the family (per App ID / per account); default: this operation's own. */
  counter?: 'operation' | 'family';
  /** The row covers only requests with (`has`) or without (`lacks`) a value at `body.<path>` or `query.<name>`. */
  when?: { has?: string; lacks?: string };
}

export interface OperationLimits {
  qps: QpsLimit[];
  /** Concurrent tasks per project/App ID, when documented. */
  concurrentTasks?: number;
  notes?: string[];
}

/** One troubleshooting row of the seeds' error tables, shown next to an error. */
export interface TroubleshootingEntry {
  status: number;
  /** Agora's body `code` (Cloud Recording), when one status covers several causes; match it first. */
  code?: number;
  /** Possible error message(s) from the server. */
  message: string;
  /** What the status means / the likely cause. */
  cause: string;
  /** What to do about it. */
  measures: string;
  /** Retry following the back-off schedule? */
  retry: boolean;
}

/**
 * An operation's retry data from the catalog. `planRetries` in `./retryPolicy.ts`
 * turns it into what the relay and the production snippets actually do.
 */
export interface RetryPolicy {
  /** `general`: 1 s / 3 s / 6 s, 4 attempts. `media-pull`: 5-6 s / 10-11 s / 15-16 s, 3 attempts. */
  schedule: 'general' | 'media-pull';
  /** The schedule's waits as [min, max] ms per retry, before jitter. */
  delaysMs: Array<[number, number]>;
  /**
   * True when the catalog marks a non-idempotent operation as safe to repeat
   * (a named Media Pull create: a repeat gets 409 instead of a second player).
   */
  safeToRepeat: boolean;
  /**
   * Dotted body path (e.g. `player.name`) that must be present for `safeToRepeat`
   * to hold; use `isSafeToRepeat(operation, body)` from `./index.ts`.
   */
  safeToRepeatWhen?: string;
  /**
   * Statuses that count as failures: 429, 500, 502, 503, 504; Media Pull adds 404.
   * 429 is retried for any method; the others only when the call is safe to repeat.
   */
  retryStatuses: number[];
  /** Per-attempt time limit in ms; absent: `ATTEMPT_TIMEOUT_MS` (10 s). Not set by the catalog; tests shrink it. */
  attemptTimeoutMs?: number;
  /** Operation-specific advice from the sources (e.g. Cloud Recording start on 5xx). */
  notes?: string[];
}

/** A named example of the catalog (request bodies and responses may have several). */
export interface NamedExample {
  name: string;
  summary?: string;
  value: unknown;
}

export interface ResponseModel {
  status: number;
  description: string;
  example?: unknown;
  /** All examples, the first being `example`. */
  examples?: NamedExample[];
  schema?: JsonSchema;
  headers?: string[];
}

export interface OperationModel {
  /** The tester's `endpoint` value, e.g. `start-recording`. */
  id: string;
  method: HttpMethod;
  /** Path template with `{param}` placeholders, e.g. `/v1/apps/{appid}/cloud_recording/acquire`. */
  path: string;
  family: OperationFamily;
  familyTitle: string;
  summary: string;
  description: string;
  /** True for the guide's two illustrative calls that Agora's published reference does not list. */
  guideExample: boolean;
  /** For guide examples: the nearest real call (prose). */
  nearestRealCall?: string;
  /** For guide examples: ids of those real calls in this catalog. */
  nearestRealOperations?: string[];
  /** What the sandbox does beyond the documented answers (`x-sandbox-note`), for the Sandbox page. */
  sandboxNote?: string;
  params: ParamModel[];
  pathParams: ParamModel[];
  queryParams: ParamModel[];
  headerParams: ParamModel[];
  requestBody?: {
    required: boolean;
    contentType: 'application/json';
    schema: JsonSchema;
    example: unknown;
    /** All named examples, the first being `example` (the tester may offer them as presets). */
    examples?: NamedExample[];
  };
  responses: ResponseModel[];
  /** Accepted schemes; the first is the one forms offer by default. */
  security: SecurityKind[];
  /** Every host the operation may be sent to; the first is the default primary. */
  servers: ServerModel[];
  limits: OperationLimits;
  troubleshooting: TroubleshootingEntry[];
  retry: RetryPolicy;
  /** RFC 9110 idempotent method (GET, PUT, DELETE). */
  idempotent: boolean;
  /** Site path of the operation's reference page, e.g. `/docs/reference/cloud-recording/start-recording`. */
  referencePath: string;
}
