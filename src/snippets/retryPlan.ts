/**
 * What the production variants retry, how long they wait and where they fail
 * over to, taken from the catalog (the operation's retry policy, the chosen
 * server's alternate and adjacent domains) unless the caller passes them.
 */
import { findServer, getOperation, isIdempotentMethod, isSafeToRepeat } from '../catalog';
import type { RetryPolicy } from '../catalog/types';
import type { ApiRequest } from '../request/apiRequest';
import type { SnippetOptions } from './types';

export interface RetryPlan {
  primary: string;
  alternate: string | null;
  adjacent: string | null;
  /** [min, max] per retry; the snippet waits a random time in between (jitter). */
  delaysMs: Array<[number, number]>;
  retryStatuses: number[];
  /** Safe to send again after it may have reached the server (RFC 9110 idempotent, or marked safe). */
  repeatable: boolean;
}

export function retryPlan(request: ApiRequest, options: SnippetOptions, base: string): RetryPlan {
  const policy: RetryPolicy = options.retry ?? getOperation(request.operationId).retry;
  return {
    primary: base,
    ...failoverHosts(request, options, base),
    delaysMs: policy.delaysMs.map(withJitter),
    retryStatuses: [...policy.retryStatuses].sort((a, b) => a - b),
    repeatable: isSafeToRepeat({ idempotent: isIdempotentMethod(request.method), retry: policy }, request.body),
  };
}


/** A fixed schedule (1 s, 3 s, 6 s) gets up to 25% jitter so clients that failed together do not retry together. */
function withJitter([min, max]: [number, number]): [number, number] {
  return max > min ? [min, max] : [min, Math.round(min * 1.25)];
}

function failoverHosts(request: ApiRequest, options: SnippetOptions, base: string) {
  if (options.failover) return options.failover;
  const server = findServer(request.server);
  // Sandbox mode (or any base that is not the catalog host): no other host to fail over to.
  if (!server || base !== server.url) return { alternate: null, adjacent: null };
  return {
    alternate: server.alternate ? `https://${server.alternate}` : null,
    adjacent: server.adjacent ? `https://${server.adjacent}` : null,
  };
}
