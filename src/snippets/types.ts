import type { RetryPolicy } from '../catalog/types';
import type { Credentials } from '../request/apiRequest';

export type SnippetTarget = 'curl' | 'javascript' | 'python' | 'javascript-production' | 'python-production';

export const SNIPPET_TARGETS: readonly SnippetTarget[] = [
  'curl',
  'javascript',
  'python',
  'javascript-production',
  'python-production',
];

export interface SnippetOptions {
  /**
   * Where the snippet sends the call: `https://<chosen Agora host>`, or the
   * sandbox base (e.g. `http://localhost:3000/sandbox`). Never the relay.
   */
  baseUrl: string;
  /** Inline these credentials instead of reading environment variables. */
  credentials?: Credentials;
  /**
   * Write the request's secret fields (`x-secret` in the catalog) as typed,
   * instead of reading each from its environment variable. Default false.
   */
  secrets?: boolean;
  /** Production variants: the back-off policy; default: the catalog operation's `retry`. */
  retry?: RetryPolicy;
  /**
   * Production variants: failover hosts as base URLs. Default: the alternate and
   * adjacent domains of the request's catalog server when `baseUrl` is that
   * server, and none in sandbox mode (any other `baseUrl`).
   */
  failover?: { alternate: string | null; adjacent: string | null };
}

/** A request the snippets cannot express faithfully; the message says what to change. */
export class SnippetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SnippetError';
  }
}
