/**
 * Sending, as one function: validate -> fill chained ids (sandbox: run the
 * earlier calls) -> call the relay -> remember chained ids and record history
 * (answers, failures and cancels alike) -> explain the answer. It returns what happened as a value (never throws for
 * an expected outcome), and everything it touches beyond its input arrives in
 * `deps`, so tests run it without React, a browser or a relay. useTester only
 * holds state and calls it.
 */
import type { OperationModel } from '../../catalog/types';
import { requestFromValues } from '../../request/build';
import { RelayClientError, type RelayCall, type RelayClient } from '../../relay/client';
import type { RelayResult } from '../../relay/contract';
import { alignAppIds } from './appIds';
import { fillChain, missingChained, type ChainGap } from './chain';
import { toEnvelope, type Fault } from './envelope';
import { paramKey, type FormState } from './formModel';
import { failureOutcome, historyEntry, type HistoryKind } from './history';
import type { Phase } from './phase';
import type { ChainValuesStore } from './stores/chainValues';
import type { HistoryStore } from './stores/pageHistory';
import { credentialsFor, type SessionState } from './stores/session';
import { summarize, type ValidationResult } from './validate';

/** Shown while a send is under way; the same shape as the tester's `sending` phase. */
export type SendProgress =
  | Extract<Phase, { kind: 'sending' }>
  /** The chain filled these ids into the form, before the call itself goes out. */
  | { kind: 'chain-filled'; form: FormState; params: string[] };

export interface SendInput {
  op: OperationModel;
  form: FormState;
  session: SessionState;
  fault: Fault;
  /** "Send anyway": send despite validation problems. */
  force?: boolean;
  /** The reader's Cancel, or a newer Send. */
  signal: AbortSignal;
  onProgress?: (progress: SendProgress) => void;
  /**
   * Sandbox: the App ID of this browser's project, and which App ID values are
   * stale (the demo's, an earlier project's). App ID fields holding a stale one,
   * in this form and in the earlier calls the chain runs, are sent with `value`.
   */
  appId?: { value: string; isStale: (value: string) => boolean };
}

export interface SendDeps {
  client: RelayClient;
  /** Makes sure `op`'s schema checks are loaded; resolves at once when they are. */
  loadValidator: (op: OperationModel) => Promise<void>;
  validate: (op: OperationModel, form: FormState) => ValidationResult;
  getOperation: (id: string) => OperationModel;
  listOperations: () => readonly OperationModel[];
  chainValues: Pick<ChainValuesStore, 'record'>;
  history: Pick<HistoryStore, 'record'>;
  now: () => number;
}

/** Nothing was sent (`blocked`), or the tester's final phase: an answer (`done`) or none (`failed`). */
export type SendOutcome = { kind: 'blocked'; problems: string[] } | Extract<Phase, { kind: 'done' | 'failed' }>;

/**
 * What keeps Send blocked: schema errors, except chained ids the sandbox
 * fetches on Send, and missing credentials for a live call.
 */
export function blockingProblems(op: OperationModel, form: FormState, session: SessionState, validation: ValidationResult): string[] {
  const fetched = new Set(session.environment === 'sandbox' ? missingChained(op, form).map(paramKey) : []);
  const problems = summarize({ ...validation, errors: validation.errors.filter((error) => !fetched.has(error.field)) });
  if (session.environment === 'live' && op.security.length > 0 && !credentialsFor(op, session)) {
    problems.push(op.security[0] !== 'basic' ? 'Enter your token under Credentials.' : 'Enter your Customer ID and Customer Secret under Credentials.');
  }
  return problems;
}

/** Why the chain of earlier calls stopped: a refusal, no answer at all, or an answer without the id. */
type ChainFailure =
  | { kind: 'answered'; op: OperationModel; result: RelayResult }
  | { kind: 'unanswered'; error: RelayClientError }
  | ChainGap;

/** Send one tester's request as the reader asked; see the module comment for the steps. */
export async function sendRequest(input: SendInput, deps: SendDeps): Promise<SendOutcome> {
  const { op, session, signal } = input;
  const environment = session.environment;
  const align = (target: OperationModel, form: FormState): FormState =>
    input.appId && environment === 'sandbox' ? alignAppIds(target, form, input.appId.value, input.appId.isStale).form : form;
  await deps.loadValidator(op);
  const problems = blockingProblems(op, input.form, session, deps.validate(op, input.form));
  if (problems.length > 0 && !input.force) return { kind: 'blocked', problems };

  const startedAt = deps.now();
  const progress = (step?: string) => input.onProgress?.({ kind: 'sending', startedAt, step });
  const post = async (target: OperationModel, form: FormState, fault: Fault): Promise<RelayCall> => {
    const envelope = toEnvelope(requestFromValues(target, form), { environment, credentials: credentialsFor(target, session), fault });
    const call = await deps.client(envelope, signal);
    // An answer that lands after Cancel is not shown, recorded or chained.
    return signal.aborted ? { ok: false, error: new RelayClientError('abort', 'You cancelled the request.') } : call;
  };
  const record = (form: FormState, status: number | null, text: string, kind?: HistoryKind, requestId?: string) =>
    deps.history.record(historyEntry(requestFromValues(op, form), op, { environment, status, text, kind, requestId, at: deps.now() }));
  // The explanations load with the first Send, not with the page: they are read only once an answer is in.
  const explaining = import('./explain');
  const failed = async (form: FormState, error: RelayClientError): Promise<SendOutcome> => {
    // Cancelled and failed sends are kept too: the reader may want to send them again.
    const outcome = failureOutcome(error);
    record(form, error.details.status ?? null, outcome.text, outcome.kind);
    return { kind: 'failed', error, explanation: (await explaining).explainFailure(error) };
  };

  progress();
  let form = align(op, input.form);
  const missing = environment === 'sandbox' ? missingChained(op, form) : [];
  if (missing.length > 0) {
    const chain = await fillChain<ChainFailure>(
      op,
      form,
      deps.getOperation,
      async (source, sourceForm) => {
        // The simulated fault is for the reader's call, not for the calls that feed it.
        const call = await post(source, align(source, sourceForm), 'none');
        if (!call.ok) return { ok: false, failure: { kind: 'unanswered', error: call.error } };
        if (call.result.status >= 300) return { ok: false, failure: { kind: 'answered', op: source, result: call.result } };
        deps.chainValues.record(environment, source, call.result.body, deps.listOperations());
        return { ok: true, body: call.result.body };
      },
      progress,
    );
    if (!chain.ok) {
      const failure = chain.failure;
      if (failure.kind === 'unanswered') return failed(form, failure.error);
      if (failure.kind === 'gap') return failed(form, new RelayClientError('network', failure.message));
      // The earlier call's own answer is what the reader needs to see, named as such.
      const explanation = (await explaining).explainStatus(failure.op, failure.result.status, failure.result.body, failure.result.headers);
      return {
        kind: 'done',
        result: failure.result,
        explanation: explanation && { ...explanation, title: `${explanation.title} from ${failure.op.id}, the call that provides a value this one needs` },
      };
    }
    form = chain.form;
    input.onProgress?.({ kind: 'chain-filled', form, params: missing.map((param) => param.name) });
    progress();
  }

  const call = await post(op, form, input.fault);
  if (!call.ok) return failed(form, call.error);
  const { result } = call;
  if (result.status < 300) deps.chainValues.record(environment, op, result.body, deps.listOperations());
  const requestId = Object.entries(result.headers).find(([name]) => name.toLowerCase() === 'x-request-id')?.[1];
  record(form, result.status, `${result.status} ${result.statusText}`, undefined, requestId);
  return { kind: 'done', result, explanation: (await explaining).explainStatus(op, result.status, result.body, result.headers) };
}
