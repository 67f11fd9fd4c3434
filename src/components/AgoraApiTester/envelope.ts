/**
 * ApiRequest + credentials + environment + simulated fault -> the relay's
 * envelope. The only place where a credential joins the request, right before
 * it leaves for the relay.
 */
import { authorizationHeader, type ApiRequest, type Credentials } from '../../request/apiRequest';
import type { RelayEnvelope, RelayEnvironment } from '../../relay/contract';

/** What the Simulate menu offers; each maps to an `X-Sandbox-Fault` value. */
export const FAULTS = [
  { value: 'none', label: 'No fault' },
  { value: '429', label: '429 Too Many Requests' },
  { value: '500', label: '500 Internal Server Error' },
  { value: '503', label: '503 Service Unavailable' },
  { value: '504', label: '504 Gateway Timeout' },
  { value: 'timeout', label: 'Timeout (no answer)' },
  { value: 'down', label: 'Primary domain down' },
] as const;

/**
 * The header value per fault. A fault hits only the first N attempts of one
 * request (default 1), so a retry succeeds; "down" keeps the primary down for
 * the whole request so the failover to the alternate domain shows.
 */
const FAULT_HEADER: Record<string, string> = { down: 'down;times=100' };

export type Fault = (typeof FAULTS)[number]['value'];

export interface EnvelopeOptions {
  environment: RelayEnvironment;
  credentials?: Credentials;
  /** Only honoured in the sandbox: live Agora has no fault switch. */
  fault?: Fault;
}

export function toEnvelope(request: ApiRequest, options: EnvelopeOptions): RelayEnvelope {
  const headers: Record<string, string> = { ...request.headers };
  if (options.credentials && request.auth !== 'none') headers.Authorization = authorizationHeader(options.credentials);
  if (options.environment === 'sandbox' && options.fault && options.fault !== 'none') headers['X-Sandbox-Fault'] = FAULT_HEADER[options.fault] ?? options.fault;
  const envelope: RelayEnvelope = {
    operationId: request.operationId,
    environment: options.environment,
    server: request.server,
    path: request.pathParams,
    query: request.query,
    headers,
    retry: true,
  };
  if (request.body !== undefined) envelope.body = request.body;
  return envelope;
}
