/**
 * An ApiRequest filled with the catalog's example values: what the tester's form
 * shows before the reader types anything, and what the execution tests send.
 */
import type { OperationModel, ParamModel } from '../catalog/types';
import type { ApiRequest } from './apiRequest';

export interface RequestOverrides {
  server?: string;
  pathParams?: Record<string, string>;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  /** Replaces the example body (pass `undefined` to send none). */
  body?: unknown;
}

/** Example values as strings; a parameter without an example is left out (a required path parameter must then be overridden). */
function examples(params: ParamModel[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const param of params) {
    if (param.example === undefined || param.example === null) continue;
    values[param.name] = typeof param.example === 'object' ? JSON.stringify(param.example) : String(param.example);
  }
  return values;
}

/** The operation's example request, with `overrides` merged over the examples. */
export function requestFromExamples(operation: OperationModel, overrides: RequestOverrides = {}): ApiRequest {
  const example = operation.requestBody?.example;
  return {
    operationId: operation.id,
    method: operation.method,
    server: overrides.server ?? operation.servers[0]?.host ?? 'api.agora.io',
    pathTemplate: operation.path,
    pathParams: { ...examples(operation.pathParams), ...overrides.pathParams },
    query: { ...examples(operation.queryParams), ...overrides.query },
    headers: { ...examples(operation.headerParams), ...overrides.headers },
    // A copy, so a caller editing the body never edits the catalog.
    body: 'body' in overrides ? overrides.body : example === undefined ? undefined : structuredClone(example),
    auth: operation.security[0] ?? 'none',
  };
}
