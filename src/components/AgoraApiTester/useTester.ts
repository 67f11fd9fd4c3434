/**
 * The state of one tester: the form, its validation, the request model built
 * from it, and the send/cancel cycle. Components only render what this returns.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { OperationModel, ParamLocation } from '../../catalog/types';
import { getOperation, listOperations } from '../../catalog';
import type { RelayResult } from '../../relay/core/contract';
import { fillChain, missingChained } from './chain';
import { chainValue, recordChainValues, useChainValues } from './chainStore';
import { toEnvelope, type Fault } from './envelope';
import { explainFailure, explainStatus } from './explain';
import { formFromRequest, initialForm, setBodyField, setBodyText, setParam, setServer, type FormState, type RestorableRequest } from './formModel';
import { historyEntry } from './history';
import { recordHistory } from './HistoryPanel/pageHistory';
import type { Phase } from './phase';
import { credentialsFor, useSession } from './session';
import { SendError, sendToRelay } from './send';
import { decodeShare, encodeShare } from './share';
import { toApiRequest } from './toApiRequest';
import { loadValidator, summarize, validateForm, validatorLoaded } from './validate';

export function useTester(op: OperationModel, relayUrl: string) {
  const [form, setForm] = useState<FormState>(() => initialForm(op));
  const [session] = useSession();
  const [fault, setFault] = useState<Fault>('none');
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const abortRef = useRef<AbortController | null>(null);
  const rootRef = useRef<HTMLElement>(null);
  // Chained params filled from another answer (not typed): newer answers may replace them.
  const autoFilled = useRef(new Set<string>());
  const chain = useChainValues();

  // The schema engine loads on the reader's first focus, edit or Send (see validate.ts).
  const [validatorReady, setValidatorReady] = useState(validatorLoaded);
  const ensureValidator = useCallback(() => {
    if (!validatorLoaded()) void loadValidator().then(() => setValidatorReady(true));
  }, []);
  const validation = useMemo(() => validateForm(op, form), [op, form, validatorReady]);
  const request = useMemo(() => toApiRequest(op, form), [op, form]);
  const credentials = useMemo(() => credentialsFor(op, session), [op, session]);

  const problems = useMemo(() => {
    // In the sandbox, an empty chained id is fetched on Send (see chain.ts), so it does not block.
    const fetched = new Set(session.environment === 'sandbox' ? missingChained(op, form).map((param) => `path.${param.name}`) : []);
    const list = summarize({ ...validation, errors: validation.errors.filter((error) => !fetched.has(error.field)) });
    if (session.environment === 'live' && op.security.length > 0 && !credentials) {
      list.push(op.security[0] === 'bearer' ? 'Enter your token under Credentials.' : 'Enter your Customer ID and Customer Secret under Credentials.');
    }
    return list;
  }, [validation, session.environment, credentials, op, form]);

  // Take chained ids from answers elsewhere on the page (e.g. stop takes start's sid).
  useEffect(() => {
    for (const param of op.pathParams) {
      if (!param.valueFrom) continue;
      const latest = chainValue(chain, session.environment, param.valueFrom);
      if (!latest) continue;
      setForm((current) => {
        const value = current.path[param.name];
        if (value === latest || (value !== '' && !autoFilled.current.has(param.name))) return current;
        autoFilled.current.add(param.name);
        return setParam(current, 'path', param.name, latest);
      });
    }
  }, [chain, session.environment, op]);

  // Inline messages: the schema's, plus the field the server blamed in the last answer.
  const fieldErrors = useMemo(() => {
    const field = phase.kind === 'done' ? phase.explanation?.field : undefined;
    if (!field) return validation.byField;
    const server = `The server refused it: ${field.reason}`;
    return { ...validation.byField, [field.key]: [...(validation.byField[field.key] ?? []), server] };
  }, [validation, phase]);

  const restore = useCallback((shared: RestorableRequest) => {
    ensureValidator();
    setForm(formFromRequest(op, shared));
    setPhase({ kind: 'idle' });
  }, [op, ensureValidator]);

  // A share link for this operation in the hash restores this tester's form.
  useEffect(() => {
    const apply = () => {
      const shared = decodeShare(window.location.hash);
      if (shared?.operationId !== op.id) return;
      restore(shared);
      rootRef.current?.scrollIntoView?.({ block: 'start' });
    };
    apply();
    window.addEventListener('hashchange', apply);
    return () => window.removeEventListener('hashchange', apply);
  }, [op.id, restore]);

  useEffect(() => () => abortRef.current?.abort(), []);

  const send = useCallback(async (force = false) => {
    if (problems.length > 0 && !force) return;
    if (!validatorLoaded()) {
      await loadValidator();
      setValidatorReady(true);
      // Now the schema can speak: the re-render shows what blocks Send, if anything.
      const fetched = new Set(session.environment === 'sandbox' ? missingChained(op, form).map((param) => `path.${param.name}`) : []);
      if (!force && validateForm(op, form).errors.some((error) => !fetched.has(error.field))) return;
    }
    abortRef.current?.abort();
    const controller = new AbortController();
    abortRef.current = controller;
    const environment = session.environment;
    const startedAt = Date.now();
    const post = (target: OperationModel, targetForm: FormState, withFault: boolean) =>
      sendToRelay(
        toEnvelope(toApiRequest(target, targetForm), { environment, credentials: credentialsFor(target, session), fault: withFault ? fault : 'none' }),
        { signal: controller.signal, endpoint: relayUrl },
      );
    setPhase({ kind: 'sending', startedAt });
    let sentForm = form;
    let chainFailure: { op: OperationModel; result: RelayResult } | undefined;
    try {
      if (environment === 'sandbox' && missingChained(op, form).length > 0) {
        sentForm = await fillChain(op, form, getOperation, async (source, sourceForm) => {
          const result = await post(source, sourceForm, false);
          if (result.status >= 300) {
            chainFailure = { op: source, result };
            throw new Error(`${source.id} answered ${result.status}`);
          }
          recordChainValues(environment, source, result.body, listOperations());
          return result.body;
        }, (step) => setPhase({ kind: 'sending', startedAt, step }));
        for (const param of missingChained(op, form)) autoFilled.current.add(param.name);
        setForm(sentForm);
        setPhase({ kind: 'sending', startedAt });
      }
      const result = await post(op, sentForm, true);
      if (abortRef.current !== controller) return;
      if (result.status < 300) recordChainValues(environment, op, result.body, listOperations());
      setPhase({ kind: 'done', result, explanation: explainStatus(op, result.status, result.body) });
      recordHistory(window.location.pathname, historyEntry(toApiRequest(op, sentForm), { environment, status: result.status, text: `${result.status} ${result.statusText}`, at: Date.now() }));
    } catch (caught) {
      if (abortRef.current !== controller) return;
      if (chainFailure) {
        const { op: source, result } = chainFailure;
        const explanation = explainStatus(source, result.status, result.body);
        setPhase({
          kind: 'done',
          result,
          explanation: explanation && { ...explanation, title: `${explanation.title} from ${source.id}, the call that provides a value this one needs` },
        });
        return;
      }
      const error = caught instanceof SendError ? caught : new SendError('network', (caught as Error).message);
      setPhase({ kind: 'failed', error, explanation: explainFailure(error) });
      if (error.kind !== 'abort') {
        recordHistory(window.location.pathname, historyEntry(toApiRequest(op, sentForm), { environment, status: error.details.status ?? null, text: error.kind, at: Date.now() }));
      }
    }
  }, [problems, form, session, fault, relayUrl, op]);

  const cancel = useCallback(() => abortRef.current?.abort(), []);

  /** The share link for the request as it stands; also placed in the address bar. */
  const shareLink = useCallback(() => {
    const url = `${window.location.origin}${window.location.pathname}${window.location.search}#${encodeShare(request)}`;
    window.history.replaceState(window.history.state, '', url);
    return url;
  }, [request]);

  return {
    rootRef,
    form,
    validation,
    fieldErrors,
    problems,
    request,
    credentials,
    environment: session.environment,
    fault,
    setFault,
    phase,
    send,
    cancel,
    shareLink,
    restore,
    ensureValidator,
    onServer: (host: string) => setForm((current) => setServer(current, host)),
    onParam: (location: ParamLocation, name: string, value: string) => {
      ensureValidator();
      autoFilled.current.delete(name);
      setForm((current) => setParam(current, location, name, value));
    },
    onBodyField: (path: string[], value: unknown) => {
      ensureValidator();
      setForm((current) => setBodyField(current, path, value));
    },
    onBodyText: (text: string) => {
      ensureValidator();
      setForm((current) => setBodyText(current, text));
    },
  };
}
