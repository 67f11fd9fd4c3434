/**
 * Types shared by the sandbox's modules. The public API (createSandbox) lives
 * in ./index.ts; everything here is what a family module sees.
 */
import type { OperationFamily, OperationModel } from '../catalog/types';
import type { WebhookOptions } from './events/delivery';
import type { StreamTimings } from './events/stream';
import type { SandboxFamily } from './family';
import type { ProjectState } from './project';
import type { KeyValueStore } from './store/types';

export interface SandboxOptions {
  /** Path prefix the sandbox is mounted at ('' standalone, '/sandbox' on the site). */
  basePath?: string;
  /** Clock in epoch milliseconds; tests inject one to drive expiry and limits. */
  now?: () => number;
  /** Plan limit per App ID per minute (Starter plan: 100). */
  planLimitPerMinute?: number;
  /** The API families to serve (default: every registered family, `src/families/index.ts`). */
  families?: readonly SandboxFamily[];
  /** Longest a `timeout` fault holds a request when nobody aborts it, ms (60 s). */
  faultTimeoutMs?: number;
  /** Where projects, credentials and counters live (default: a fresh in-memory store). */
  store?: KeyValueStore;
  /** Headers naming the client, first found wins (default `x-client-ip`, which the Node listener sets). */
  clientIpHeaders?: string[];
  /** Projects one client may create per hour with `POST {base}/__sandbox/projects` (default 30). */
  projectsPerHour?: number;
  /** Let the demo credentials reset the shared demo project (default false: it is everybody's; the standalone CLI allows it). */
  demoReset?: boolean;
  /** Where notifications are POSTed (default: nowhere; they are still shown by the Events stream). */
  webhooks?: WebhookOptions;
  /** The Events stream's poll, ping and lifetime (tests shorten them). */
  eventStream?: Partial<StreamTimings>;
}

export interface Sandbox {
  handler(request: Request): Promise<Response>;
  /** The store holding every project, credential and counter (the relay's rate limit can share it). */
  store: KeyValueStore;
  /** Forget every project, credential, limit window and fault counter. In-process only (tests); no HTTP path reaches it. */
  reset(): Promise<void>;
  /** Stop delivering notifications and close the store. */
  close(): Promise<void>;
}

export interface ResolvedOptions {
  basePath: string;
  now: () => number;
  planLimitPerMinute: number;
  faultTimeoutMs: number;
  clientIpHeaders: string[];
  projectsPerHour: number;
  demoReset: boolean;
}

/** What a family handler answers; index.ts adds the common headers. */
export interface SandboxResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Everything a handler needs about one request, already authenticated and validated. */
export interface HandlerContext {
  request: Request;
  operation: OperationModel;
  /** Decoded path parameters. */
  params: Record<string, string>;
  query: URLSearchParams;
  /** Parsed JSON body, validated against the catalog schema (undefined when none). */
  body: unknown;
  appId: string;
  project: ProjectState;
  options: ResolvedOptions;
  /** `options.now()` read once per request, so one request sees one instant. */
  now: number;
  requestId: string;
}

/** A handler declared as data, matched to a catalog operation by id. */
export interface OperationHandler {
  operationId: string;
  /** Checks JSON Schema cannot express (uid XOR account, ...); returns an error result or null. */
  check?: (ctx: HandlerContext) => SandboxResult | null;
  handle: (ctx: HandlerContext) => SandboxResult;
}

export type { OperationFamily };
