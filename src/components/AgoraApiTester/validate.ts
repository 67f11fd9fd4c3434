/**
 * Validation before Send. The catalog's one validator (`src/catalog/validate.ts`,
 * the same one the sandbox answers with) judges the form's request; this
 * module only presents its issues: each message under the form field it
 * concerns, and one line per problem for the summary next to Send.
 *
 * An operation's schema checks are compiled ahead of time (src/catalog/checks.ts)
 * and loaded on demand (`loadValidator`, one small chunk per operation); until
 * then only what needs no schema checks is checked (missing values, JSON that
 * does not parse).
 */
import { dottedPath } from '../../catalog/schemaWalk';
import type { OperationModel } from '../../catalog/types';
import { checksFor, checksLoaded, loadChecks } from '../../catalog/checks';
import { validateRequest, type CompileSchema, type RequestIssue } from '../../catalog/validate';
import { bodyFieldKey, bodyKey, getAt, paramKey, type FieldKey, type FormState } from './formModel';
import { sameItems } from './stores/createStore';

export interface FieldError {
  field: FieldKey;
  /** Short human label of the field, e.g. `player.uid` or `appid`. */
  label: string;
  /** The sentence naming the field, for the summary next to Send: `channel must be 1–63 letters or digits.` */
  message: string;
  /** What the field itself shows: `Must be 1–63 letters or digits.` (its label is right above it). */
  inline: string;
}

export interface ValidationResult {
  valid: boolean;
  errors: FieldError[];
  /** Messages per field key, for inline display. */
  byField: Record<FieldKey, string[]>;
}

/** Fetch `op`'s schema checks (their own chunk); resolves at once when they are already here. */
export function loadValidator(op: OperationModel): Promise<void> {
  return loadChecks(op);
}

/** True once `op`'s checks are here and every schema rule is checked. */
export function validatorLoaded(op: OperationModel): boolean {
  return checksLoaded(op);
}

/**
 * The words under a field: just the reason when the field shown is the one at
 * fault (repeating its name under its own label is noise), the whole sentence
 * when the message lands on an enclosing field (a list item's under the list).
 */
function inlineText(issue: RequestIssue, own: boolean): string {
  if (!own) return issue.message;
  if (issue.kind === 'required' && issue.reason === 'is required.') return 'Required.';
  return issue.reason[0].toUpperCase() + issue.reason.slice(1);
}

/** The form fields an issue is shown under: one per field it names ("exactly one of" names each alternative). */
function fieldErrors(op: OperationModel, issue: RequestIssue): FieldError[] {
  return issue.fields.map((path) => {
    if (issue.location === 'body') {
      const field = bodyFieldKey(op.requestBody?.schema ?? {}, path);
      // The reason of "exactly one of" names the alternatives itself; any other is the field's own when it lands on that very field.
      const own = issue.kind === 'oneOf-exactly-one' || (path.length > 0 && path.every((segment) => typeof segment === 'string') && field === bodyKey(path as string[]));
      return { field, label: dottedPath(path) || 'The body', message: issue.message, inline: inlineText(issue, own) };
    }
    const name = String(path[0]);
    return { field: paramKey({ in: issue.location, name }), label: name, message: issue.message, inline: inlineText(issue, true) };
  });
}

/**
 * Check the whole form; the result is what the Send button and the inline
 * messages show. `compile` is `op`'s precompiled checks once loaded; tests of
 * hand-made models pass Ajv's run-time compiler (src/catalog/ajv.ts) instead.
 */
export function validateForm(op: OperationModel, form: FormState, compile: CompileSchema | undefined = checksFor(op)): ValidationResult {
  // Text that does not parse is the form's own state, not a request yet: say so instead of judging the last body.
  const unparsed = Boolean(op.requestBody && form.bodyParseError);
  const issues = validateRequest(op, { path: form.path, query: form.query, headers: form.headers, body: unparsed ? undefined : form.body }, compile);
  const errors = issues.filter((issue) => !(unparsed && issue.location === 'body')).flatMap((issue) => fieldErrors(op, issue));
  if (unparsed) {
    const message = `The JSON body does not parse yet: ${form.bodyParseError}`;
    errors.push({ field: 'body', label: 'The body', message, inline: message });
  }
  const byField: Record<FieldKey, string[]> = {};
  for (const error of errors) {
    const messages = (byField[error.field] ??= []);
    if (!messages.includes(error.inline)) messages.push(error.inline);
  }
  return { valid: errors.length === 0, errors, byField };
}

/**
 * True when two sets of inline messages say the same thing for the same fields. The tester keeps the set it
 * showed when a new validation equals it: the body form re-renders on any new set (its nodes share it), and
 * most new sets (the checks arriving, an edit that breaks nothing) say what the last one said.
 */
export function sameFieldMessages(a: Readonly<Record<string, readonly string[]>>, b: Readonly<Record<string, readonly string[]>>): boolean {
  if (a === b) return true;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => b[key] !== undefined && sameItems(a[key], b[key]));
}

/** One line per problem for the summary next to the blocked Send button (duplicates merged). */
export function summarize(result: ValidationResult): string[] {
  return Array.from(new Set(result.errors.map((error) => error.message)));
}

/**
 * A field's value in a form, by field key (`path.sid`, `header.X-Request-ID`,
 * `body.player.uid`), as comparable text: whether the reader changed that
 * field since the server's answer decides whether its complaint still shows.
 */
export function fieldValue(form: FormState, key: FieldKey): string {
  const dot = key.indexOf('.');
  const where = dot < 0 ? key : key.slice(0, dot);
  const name = dot < 0 ? '' : key.slice(dot + 1);
  if (where === 'body') return JSON.stringify(name ? getAt(form.body, name.split('.')) : form.body) ?? '';
  const values = where === 'path' ? form.path : where === 'query' ? form.query : where === 'header' ? form.headers : undefined;
  return values?.[name] ?? '';
}
