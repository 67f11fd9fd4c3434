/**
 * Validation before Send. The catalog's one validator (`src/catalog/validate.ts`,
 * the same one the sandbox answers with) judges the form's request; this
 * module only presents its issues: each message under the form field it
 * concerns, and one line per problem for the summary next to Send.
 *
 * The schema engine (Ajv) is loaded on demand (`loadValidator`, its own
 * chunk); until then only what needs no schema engine is checked (missing
 * values, JSON that does not parse).
 */
import { dottedPath } from '../../catalog/schemaWalk';
import type { OperationModel } from '../../catalog/types';
import { loadSchemaCompiler, validateRequest, type CompileSchema, type RequestIssue } from '../../catalog/validate';
import { bodyFieldKey, paramKey, type FieldKey, type FormState } from './formModel';

export interface FieldError {
  field: FieldKey;
  /** Short human label of the field, e.g. `player.uid` or `appid`. */
  label: string;
  message: string;
}

export interface ValidationResult {
  valid: boolean;
  errors: FieldError[];
  /** Messages per field key, for inline display. */
  byField: Record<FieldKey, string[]>;
}

let compile: CompileSchema | undefined;

/** Fetch the schema engine (its own chunk); resolves at once when it is already here. */
export async function loadValidator(): Promise<void> {
  compile ??= await loadSchemaCompiler();
}

/** True once the schema engine is here and every schema rule is checked. */
export function validatorLoaded(): boolean {
  return compile !== undefined;
}

/** The form fields an issue is shown under: one per field it names ("exactly one of" names each alternative). */
function fieldErrors(op: OperationModel, issue: RequestIssue): FieldError[] {
  return issue.fields.map((path) => {
    if (issue.location === 'body') {
      return { field: bodyFieldKey(op.requestBody?.schema ?? {}, path), label: dottedPath(path) || 'The body', message: issue.message };
    }
    const name = String(path[0]);
    return { field: paramKey({ in: issue.location, name }), label: name, message: issue.message };
  });
}

/** Check the whole form; the result is what the Send button and the inline messages show. */
export function validateForm(op: OperationModel, form: FormState): ValidationResult {
  // Text that does not parse is the form's own state, not a request yet: say so instead of judging the last body.
  const unparsed = Boolean(op.requestBody && form.bodyParseError);
  const issues = validateRequest(op, { path: form.path, query: form.query, headers: form.headers, body: unparsed ? undefined : form.body }, compile);
  const errors = issues.filter((issue) => !(unparsed && issue.location === 'body')).flatMap((issue) => fieldErrors(op, issue));
  if (unparsed) errors.push({ field: 'body', label: 'The body', message: `The JSON body does not parse yet: ${form.bodyParseError}` });
  const byField: Record<FieldKey, string[]> = {};
  for (const error of errors) {
    const messages = (byField[error.field] ??= []);
    if (!messages.includes(error.message)) messages.push(error.message);
  }
  return { valid: errors.length === 0, errors, byField };
}

/** One line per problem for the summary next to the blocked Send button (duplicates merged). */
export function summarize(result: ValidationResult): string[] {
  return Array.from(new Set(result.errors.map((error) => error.message)));
}
