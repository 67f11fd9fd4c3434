/**
 * Chained values: some parameters come from an earlier call (`resourceid`
 * from acquire, `sid` from start, a player `id` from create; the catalog says
 * so with `valueFrom`). `fillChain` runs those calls first with their
 * catalog defaults and writes the values into the form, so every tester's
 * Send works at once in the sandbox. Values already obtained are reused down
 * the chain (stop's `sid` comes from a start that used stop's `resourceid`).
 */
import type { OperationModel, ParamModel } from '../../catalog/types';
import { getAt, initialForm, setParam, type FormState } from './formModel';

/** Runs one call and resolves with its JSON body; rejects when it did not succeed. */
export type RunCall = (op: OperationModel, form: FormState) => Promise<unknown>;

export function chainedParams(op: OperationModel): ParamModel[] {
  return op.params.filter((param) => param.valueFrom);
}

/** Chained parameters still empty in this form. */
export function missingChained(op: OperationModel, form: FormState): ParamModel[] {
  return chainedParams(op).filter((param) => param.in === 'path' && !form.path[param.name]);
}

export async function fillChain(
  op: OperationModel,
  form: FormState,
  getOperation: (id: string) => OperationModel,
  run: RunCall,
  onStep?: (text: string) => void,
  depth = 0,
): Promise<FormState> {
  if (depth > 4) throw new Error('The chain of calls is too deep.');
  let next = form;
  for (const param of missingChained(op, next)) {
    const source = getOperation(param.valueFrom!.operationId);
    // The source call shares this form's path values (appid, mode, resourceid…).
    let sourceForm = initialForm(source);
    for (const sourceParam of source.pathParams) {
      const known = next.path[sourceParam.name];
      if (known) sourceForm = setParam(sourceForm, 'path', sourceParam.name, known);
    }
    sourceForm = await fillChain(source, sourceForm, getOperation, run, onStep, depth + 1);
    onStep?.(`Getting ${param.name} from ${source.id}…`);
    const body = await run(source, sourceForm);
    const value = getAt(body, param.valueFrom!.field.split('.'));
    if (typeof value !== 'string' && typeof value !== 'number') {
      throw new Error(`${source.id} answered without ${param.valueFrom!.field}, so ${param.name} could not be filled.`);
    }
    next = setParam(next, 'path', param.name, String(value));
    // Path values the source call used (e.g. a resourceid it acquired) serve the rest of the chain.
    for (const [name, sourceValue] of Object.entries(sourceForm.path)) {
      if (!next.path[name] && name in next.path) next = setParam(next, 'path', name, sourceValue);
    }
  }
  return next;
}
