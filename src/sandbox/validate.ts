/**
 * The sandbox's side of request validation: the catalog's one validator
 * (`src/catalog/validate.ts`) judges the request; this module only picks the
 * issue the sandbox answers with (the first, as a server stops at one) and
 * words it the way Agora's errors read: a field and a reason, plus the value
 * that was refused. The family turns that into its own error body.
 */
import { compileSchema } from '../catalog/ajv';
import { bodyIssues, paramIssues, precompileOperation, type RequestIssue } from '../catalog/validate';
import type { OperationModel } from '../catalog/types';

export interface FieldError {
  /** Dotted path such as `clientRequest.scene`, or a parameter name; '' for the body as a whole. */
  field: string;
  reason: string;
}

/** Compile every operation's schemas now (so a broken schema fails at start-up, not mid-request). */
export function precompile(operations: OperationModel[]): void {
  for (const operation of operations) precompileOperation(operation, compileSchema);
}

function show(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** An issue as a field and a reason; API callers cannot see their value next to the message, so it is quoted back. */
export function toFieldError(issue: RequestIssue): FieldError {
  const reason = issue.received === undefined ? issue.reason : `${issue.reason.replace(/\.$/, '')} (got ${show(issue.received)}).`;
  return { field: issue.field, reason };
}

function first(issues: RequestIssue[]): FieldError | null {
  return issues.length ? toFieldError(issues[0]) : null;
}

/**
 * Validate path, query and (declared) header parameters. Unknown query
 * parameters are ignored, as Agora does; an empty query value counts as absent.
 */
export function validateParams(
  operation: OperationModel,
  pathParams: Record<string, string>,
  query: URLSearchParams,
  headers?: Headers,
): FieldError | null {
  const queryValues: Record<string, string> = {};
  for (const param of operation.queryParams) {
    const value = query.get(param.name);
    if (value !== null) queryValues[param.name] = value;
  }
  const headerValues: Record<string, string> = {};
  for (const param of operation.headerParams) {
    const value = headers?.get(param.name);
    if (value !== null && value !== undefined) headerValues[param.name] = value;
  }
  return first(paramIssues(operation, { path: pathParams, query: queryValues, headers: headerValues }, compileSchema));
}

/** Validate a parsed JSON body. */
export function validateBody(operation: OperationModel, body: unknown): FieldError | null {
  return first(bodyIssues(operation, body, compileSchema));
}
