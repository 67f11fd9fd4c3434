/**
 * What the production variants embed: the one retry policy's plan
 * (`src/catalog/retryPolicy.ts`, the relay follows the same) for this request,
 * with each failover stage written as the base URL the snippet calls.
 */
import { getOperation } from '../catalog';
import { planRetries, type FailoverStage, type RetryPlan } from '../catalog/retryPolicy';
import type { ApiRequest } from '../request/apiRequest';
import type { SnippetOptions } from './types';

export interface SnippetRetryPlan extends Omit<RetryPlan, 'hosts'> {
  /** Base URL of each failover stage; null when there is no host for it. */
  urls: Record<FailoverStage, string | null>;
  /** The catalog host of the primary stage, for comments. */
  primaryHost: string;
  /** True when `urls` come from the catalog (not the sandbox, not an override), so comments may explain them. */
  fromCatalog: boolean;
}

/** The plan for `request`; `options.retry` replaces the catalog's retry data, `options.failover` the hosts. */
export function retryPlan(request: ApiRequest, options: SnippetOptions, base: string): SnippetRetryPlan {
  const op = getOperation(request.operationId);
  // No primary region is passed: the snippet assumes the relay's default and its comment names it.
  const { hosts, ...plan } = planRetries({ method: request.method, servers: op.servers, retry: options.retry ?? op.retry }, request.server, request.body);
  const sameBase = { primary: base, 'primary-retry': base };
  if (options.failover) {
    return { ...plan, urls: { ...sameBase, ...options.failover }, primaryHost: request.server, fromCatalog: false };
  }
  // Sandbox mode (or any base that is not the catalog host): there is no other host to fail over to.
  if (base !== `https://${request.server}`) {
    return { ...plan, urls: { ...sameBase, alternate: null, adjacent: null }, primaryHost: request.server, fromCatalog: false };
  }
  const url = (host: string | null) => (host === null ? null : `https://${host}`);
  const urls = { ...sameBase, alternate: url(hosts.alternate), adjacent: url(hosts.adjacent) };
  return { ...plan, urls, primaryHost: request.server, fromCatalog: true };
}
