/**
 * The example on a reference page: the tester's default request (what "Send"
 * below it sends), written by the cURL snippet generator with credentials read
 * from the environment. No URL building or quoting of its own.
 */
import type { OperationModel, ParamModel } from '../../catalog/types';
import type { ApiRequest } from '../../request/apiRequest';
import { defaultRequest } from '../../request/build';
import { generateSnippet } from '../../snippets';

/** A URL-safe stand-in the reader replaces, naming where the value comes from: `resourceid-from-acquire`. */
function placeholder(param: ParamModel): string {
  return param.valueFrom ? `${param.name}-from-${param.valueFrom.operationId}` : `your-${param.name}`;
}

/** The default request, with a readable stand-in for each path value only an earlier call provides. */
export function exampleRequest(op: OperationModel): ApiRequest {
  const request = defaultRequest(op);
  const missing = op.pathParams.filter((param) => !request.pathParams[param.name]);
  if (missing.length === 0) return request;
  return defaultRequest(op, { pathParams: Object.fromEntries(missing.map((param) => [param.name, placeholder(param)])) });
}

/** The example as a cURL command against the request's catalog host. */
export function exampleCurl(op: OperationModel): string {
  const request = exampleRequest(op);
  return generateSnippet('curl', request, { baseUrl: `https://${request.server}` });
}

/** The first documented 2xx response that has an example. */
export function successExample(op: OperationModel) {
  return op.responses.find((r) => r.status >= 200 && r.status < 300 && r.example !== undefined);
}
