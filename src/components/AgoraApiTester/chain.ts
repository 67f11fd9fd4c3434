/**
 * Chained values: some parameters come from an earlier call (`resourceid`
 * from acquire, `sid` from start, a player `id` from create, Cloud
 * Transcoding's `builderToken` query value from acquire; the catalog says
 * so with `valueFrom`). Path and query parameters can be chained. `fillChain` runs those calls first with their
 * catalog defaults (plus this form's path values and shared body fields) and writes the values into the form, so every tester's
 * Send works at once in the sandbox. Values already obtained are reused down
 * the chain (stop's `sid` comes from a start that used stop's `resourceid`).
 */
import type { OperationModel, ParamModel } from '../../catalog/types';
import { getAt, initialForm, locationKey, setBodyField, setParam, type FormState } from './formModel';

/** One earlier call: its JSON body, or why the chain has to stop (`F` is the caller's account of it). */
export type ChainCall<F> = { ok: true; body: unknown } | { ok: false; failure: F };

/** Runs one earlier call. */
export type RunCall<F> = (op: OperationModel, form: FormState) => Promise<ChainCall<F>>;

/** The chain itself could not go on: an answer lacked the value, or the chain is too deep. */
export interface ChainGap {
  kind: 'gap';
  message: string;
}

export type ChainResult<F> = { ok: true; form: FormState } | { ok: false; failure: F | ChainGap };

/** Parameters whose value comes from an earlier call. */
export function chainedParams(op: OperationModel): ParamModel[] {
  return op.params.filter((param) => param.valueFrom);
}

/** The locations a chained value can fill: an id in the path, or a token in the query. */
const CHAINED_LOCATIONS = ['path', 'query'] as const;

/** A parameter's value in the form ('' when empty). */
function formValue(form: FormState, param: Pick<ParamModel, 'in' | 'name'>): string {
  return form[locationKey[param.in]][param.name] ?? '';
}

/** Chained parameters still empty in this form. */
export function missingChained(op: OperationModel, form: FormState): ParamModel[] {
  return chainedParams(op).filter((param) => (CHAINED_LOCATIONS as readonly string[]).includes(param.in) && !formValue(form, param));
}

/**
 * The source call also takes this form's values for the top-level body fields
 * both calls send (Cloud Recording's `cname` and `uid`): Agora refuses a start
 * whose cname or uid differ from acquire's, so a reader who typed a channel in
 * start's form gets a resource acquired for that channel, not the example's.
 * Only fields the source's own body already has are set, and only plain values.
 */
export function shareBodyFields(sourceForm: FormState, form: FormState): FormState {
  const source = sourceForm.body;
  const body = form.body;
  if (!isRecord(source) || !isRecord(body)) return sourceForm;
  let next = sourceForm;
  for (const [name, value] of Object.entries(body)) {
    const plain = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
    if (plain && name in source && source[name] !== value) next = setBodyField(next, [name], value);
  }
  return next;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

// acquire -> start -> stop is three deep; more means the catalog's x-value-from loops.
const MAX_DEPTH = 4;

/** The form with every missing chained id filled by running the calls that provide it, or the first failure. */
export async function fillChain<F>(
  op: OperationModel,
  form: FormState,
  getOperation: (id: string) => OperationModel,
  run: RunCall<F>,
  onStep?: (text: string) => void,
  depth = 0,
): Promise<ChainResult<F>> {
  if (depth > MAX_DEPTH) return { ok: false, failure: { kind: 'gap', message: 'The chain of calls is too deep.' } };
  let next = form;
  for (const param of missingChained(op, next)) {
    // An earlier step of this loop may have filled it (create's builderToken serves query too).
    if (formValue(next, param)) continue;
    const from = param.valueFrom!;
    const source = getOperation(from.operationId);
    // The source call shares this form's path and query values (appid, mode, resourceid, builderToken…).
    let sourceForm = initialForm(source);
    for (const sourceParam of source.params) {
      if (!(CHAINED_LOCATIONS as readonly string[]).includes(sourceParam.in)) continue;
      const known = formValue(next, sourceParam);
      if (known) sourceForm = setParam(sourceForm, sourceParam.in, sourceParam.name, known);
    }
    sourceForm = shareBodyFields(sourceForm, next);
    const filled = await fillChain(source, sourceForm, getOperation, run, onStep, depth + 1);
    if (!filled.ok) return filled;
    sourceForm = filled.form;
    onStep?.(`Getting ${param.name} from ${source.id}…`);
    const call = await run(source, sourceForm);
    if (!call.ok) return call;
    const value = getAt(call.body, from.field.split('.'));
    if (typeof value !== 'string' && typeof value !== 'number') {
      return { ok: false, failure: { kind: 'gap', message: `${source.id} answered without ${from.field}, so ${param.name} could not be filled.` } };
    }
    next = setParam(next, param.in, param.name, String(value));
    // Path and query values the source call used (a resourceid or builderToken it acquired) serve the rest of the chain.
    for (const location of CHAINED_LOCATIONS) {
      const target = next[locationKey[location]];
      for (const [name, sourceValue] of Object.entries(sourceForm[locationKey[location]])) {
        if (sourceValue && !target[name] && name in target) next = setParam(next, location, name, sourceValue);
      }
    }
  }
  return { ok: true, form: next };
}
