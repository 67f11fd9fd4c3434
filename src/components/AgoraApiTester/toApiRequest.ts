/**
 * Form state -> ApiRequest, the one request model that snippets, the relay
 * envelope, history and share links all derive from.
 */
import type { OperationModel, ParamModel } from '../../catalog/types';
import type { ApiRequest } from '../../request/apiRequest';
import type { FormState } from './formModel';

/** Non-empty values in catalog order (the model's `query` promise). */
function filled(params: ParamModel[], values: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const param of params) {
    const value = values[param.name];
    if (value !== undefined && value !== '') out[param.name] = value;
  }
  return out;
}

export function toApiRequest(op: OperationModel, form: FormState): ApiRequest {
  return {
    operationId: op.id,
    method: op.method,
    server: form.server || op.servers[0]?.host || '',
    pathTemplate: op.path,
    // Path values are kept even when empty so resolvePath can name the missing one.
    pathParams: Object.fromEntries(op.pathParams.map((param) => [param.name, form.path[param.name] ?? ''])),
    query: filled(op.queryParams, form.query),
    headers: filled(op.headerParams, form.headers),
    body: op.requestBody ? form.body : undefined,
    auth: op.security[0] ?? 'none',
  };
}
