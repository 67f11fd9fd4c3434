/**
 * The state of one tester: the form, its validation, the request built from
 * it and the phase of the last send. Sending itself is `sendRequest`; this
 * hook only wires it to React state and the page's stores.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { OperationModel, ParamLocation } from '../../catalog/types';
import { getOperation, listOperations } from '../../catalog';
import { requestFromValues, type RestorableRequest } from '../../request/build';
import { customProblems, type CustomLocation, type CustomParam } from '../../request/customParams';
import { createRelayClient } from '../../relay/client';
import type { Fault } from './envelope';
import {
  addCustom,
  customKey,
  formFromRequest,
  initialForm,
  locationKey,
  removeCustom,
  setBodyField,
  setBodyText,
  setCustom,
  setParam,
  setServer,
  type FormState,
} from './formModel';
import type { Phase } from './phase';
import { chainedParams } from './chain';
import { blockingProblems, sendRequest, type SendDeps, type SendInput, type SendProgress } from './sendRequest';
import { encodeShare } from './share';
import { pageChainValues, useChainedValues } from './stores/chainValues';
import { pageHistory } from './stores/pageHistory';
import { projectAppId, useSandboxProject } from './stores/sandboxProject';
import { credentialsFor, sessionStore, useSession } from './stores/session';
import { alignAppIds } from './appIds';
import { shortValue } from './history';
import { useFormMemory } from './useFormMemory';
import { useWarmUp } from './useWarmUp';
import { fieldValue, loadValidator, sameFieldMessages, validateForm, validatorLoaded } from './validate';

/** Where a restored form came from: a share link may carry another reader's sandbox App ID. */
export type RestoredFrom = 'link' | 'draft' | 'history';

/** How long a Send waits for this browser's sandbox project before going out with the shared demo project. */
const PROJECT_WAIT_MS = 5000;

/**
 * How long a Send goes without showing that it is under way. An answer within it replaces the last one
 * directly: no "Sending…" frame to render and paint first (on a quick sandbox answer that frame was a large
 * part of Send → answer painted), and no flash of a Cancel button nobody could reach in time. A slower
 * one shows "Sending…" and Cancel from then on. Under 100 ms a change reads as instant.
 */
export const QUIET_SEND_MS = 100;

export function useTester(op: OperationModel, relayUrl: string, sandboxBase: string) {
  const [form, setForm] = useState<FormState>(() => initialForm(op));
  const [session] = useSession();
  const [project, projects] = useSandboxProject();
  // The App ID sandbox forms hold once the project is known (undefined in Live, or while it is being asked for).
  const appId = session.environment === 'sandbox' && project.kind !== 'pending' ? projectAppId(project) : undefined;
  // Said once, under the form, when a share link's sandbox App ID was not this browser's.
  const [appIdNote, setAppIdNote] = useState<string | undefined>(undefined);
  // Bumped by every restore, so the App ID check below runs on the restored form; the ref says where it came from.
  const [restoredCount, setRestoredCount] = useState(0);
  const restoredFrom = useRef<RestoredFrom | undefined>(undefined);
  // The form as last rendered, for the App ID check (an effect, so it must not depend on every keystroke).
  const formRef = useRef(form);
  formRef.current = form;
  const [fault, setFault] = useState<Fault>('none');
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  // Secret fields a restored link or history entry left empty: the form says to type them again.
  const [clearedSecrets, setClearedSecrets] = useState<readonly string[]>([]);
  const abortRef = useRef<AbortController | null>(null);
  const rootRef = useRef<HTMLElement>(null);
  // Chained params filled from another answer (not typed): newer answers may replace them.
  const autoFilled = useRef(new Set<string>());
  const chained = useMemo(() => chainedParams(op), [op]);
  const chain = useChainedValues(chained, session.environment);

  // The operation's schema checks load in the page's idle time once the tester is here (useWarmUp.ts), or at
  // once on the reader's first focus, edit or Send if that comes first (see validate.ts).
  // The id of the operation whose checks are known to be here: per operation, so a tester given another
  // operation validates again once that one's arrive.
  const [checkedId, setCheckedId] = useState(() => (validatorLoaded(op) ? op.id : null));
  const markValidatorReady = useCallback(() => setCheckedId(op.id), [op.id]);
  const ensureValidator = useCallback(() => {
    if (!validatorLoaded(op)) void loadValidator(op).then(markValidatorReady);
    else markValidatorReady();
  }, [op, markValidatorReady]);
  const rehearsal = useWarmUp(op, markValidatorReady);
  const validation = useMemo(() => validateForm(op, form), [op, form, checkedId]);
  const request = useMemo(() => requestFromValues(op, form), [op, form]);
  const credentials = useMemo(() => credentialsFor(op, session), [op, session]);
  // Custom rows the relay would refuse: marked on the row and listed with what blocks Send (they are not sent).
  const custom = useMemo(() => customProblems(op, form.custom), [op, form.custom]);
  const problems = useMemo(() => [...blockingProblems(op, form, session, validation), ...custom.values()], [op, form, session, validation, custom]);

  // Take chained values from answers elsewhere on the page (e.g. stop takes start's sid, query a builderToken).
  useEffect(() => {
    chained.forEach((param, index) => {
      const latest = chain[index];
      if (!latest) return;
      setForm((current) => {
        const value = current[locationKey[param.in]][param.name] ?? '';
        if (value === latest || (value !== '' && !autoFilled.current.has(param.name))) return current;
        autoFilled.current.add(param.name);
        return setParam(current, param.in, param.name, latest);
      });
    });
  }, [chain, chained]);

  // The form as the last answer found it: the server's complaint about a field stands only until the reader changes that field.
  const answered = useRef({ phase, form });
  if (answered.current.phase !== phase) answered.current = { phase, form };

  // Inline messages: the schema's, plus the field the server blamed in the last answer (while unchanged).
  // Keyed on what they show (not on the phase object), so a Send that changes none of them leaves the form alone.
  const blamed = phase.kind === 'done' ? phase.explanation?.field : undefined;
  const blamedNow = blamed && fieldValue(form, blamed.key) === fieldValue(answered.current.form, blamed.key) ? blamed : undefined;
  const ownErrors = useMemo(() => {
    const byField: Record<string, string[]> = { ...validation.byField };
    for (const [index, message] of custom) byField[customKey(index)] = [message];
    return byField;
  }, [validation, custom]);
  const blamedKey = blamedNow?.key;
  const blamedReason = blamedNow?.reason;
  const newErrors = useMemo(() => {
    if (blamedKey === undefined) return ownErrors;
    const server = `The server refused it: ${blamedReason}`;
    return { ...ownErrors, [blamedKey]: [...(ownErrors[blamedKey] ?? []), server] };
  }, [ownErrors, blamedKey, blamedReason]);
  // The same object while the messages are the same (sameFieldMessages): the checks arriving after the tester
  // went live rendered the whole body form again (~150 components for start-agent) to show nothing new.
  const shownErrors = useRef(newErrors);
  if (shownErrors.current !== newErrors && !sameFieldMessages(shownErrors.current, newErrors)) shownErrors.current = newErrors;
  const fieldErrors = shownErrors.current;

  const restore = useCallback((shared: RestorableRequest & { cleared?: string[] }, from: RestoredFrom = 'history') => {
    ensureValidator();
    setForm(formFromRequest(op, shared));
    setClearedSecrets(shared.cleared ?? []);
    setAppIdNote(undefined);
    restoredFrom.current = from;
    setRestoredCount((count) => count + 1);
    setPhase({ kind: 'idle' });
  }, [op, ensureValidator]);

  // The first tester shown in sandbox mode asks for this browser's project (once per page; see stores/sandboxProject.ts).
  useEffect(() => {
    if (session.environment === 'sandbox') void projects.ensure(sandboxBase);
  }, [session.environment, projects, sandboxBase]);

  // Sandbox App ID fields hold the project's App ID: on arrival, after a restore, and when the project changes
  // (Start over, expiry). A field holding the demo's or an earlier project's App ID moves; one the reader typed stays,
  // except that a share link's App ID is always another project's (or the demo's), so it moves too, and the form says so.
  useEffect(() => {
    if (!appId) return;
    const fromLink = restoredFrom.current === 'link';
    restoredFrom.current = undefined;
    const moves = (value: string) => (fromLink && value !== '') || projects.isStaleAppId(value);
    const aligned = alignAppIds(op, formRef.current, appId, moves);
    if (aligned.replaced.length === 0) return;
    // On the form as it is by then: a tester that mounts late (an island) fills chained ids in the same
    // round of effects, and a form taken from formRef here would overwrite them.
    setForm((current) => alignAppIds(op, current, appId, moves).form);
    const foreign = aligned.replaced.find((value) => !projects.isStaleAppId(value));
    if (foreign) {
      setAppIdNote(`This link was made with another sandbox project (App ID ${shortValue(foreign)}); it now uses yours (${shortValue(appId)}), so it acts on what this browser created.`);
    }
  }, [appId, restoredCount, op, projects]);

  useFormMemory({ op, request, fault, clearedSecrets, restore, setFault, rootRef, appId });

  // The pending "Sending…" of the send under way (see QUIET_SEND_MS).
  const sendingTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(
    () => () => {
      abortRef.current?.abort();
      clearTimeout(sendingTimer.current);
    },
    [],
  );

  // An answer belongs to the environment that gave it: switching Sandbox <-> Live
  // clears it, and a send under way is cancelled (and shown no more).
  const answeredIn = useRef(session.environment);
  useEffect(() => {
    if (answeredIn.current === session.environment) return;
    answeredIn.current = session.environment;
    abortRef.current?.abort();
    abortRef.current = null;
    setPhase({ kind: 'idle' });
  }, [session.environment]);

  const client = useMemo(() => createRelayClient({ endpoint: relayUrl }), [relayUrl]);

  const send = useCallback(async (force = false) => {
    abortRef.current?.abort();
    const controller = new AbortController();
    abortRef.current = controller;
    // A newer Send replaces this one: its progress and outcome are no longer shown.
    const current = () => abortRef.current === controller;
    clearTimeout(sendingTimer.current);
    sendingTimer.current = undefined;
    // Progress waits QUIET_SEND_MS before it is shown; the latest waiting one is what shows then.
    let shownSending = false;
    let waiting: Extract<SendProgress, { kind: 'sending' }> | undefined;
    const onProgress = (progress: SendProgress) => {
      if (!current()) return;
      if (progress.kind === 'sending') {
        if (shownSending) {
          setPhase(progress);
          return;
        }
        waiting = progress;
        sendingTimer.current ??= setTimeout(() => {
          shownSending = true;
          if (current() && waiting) setPhase(waiting);
        }, QUIET_SEND_MS);
      } else {
        progress.params.forEach((name) => autoFilled.current.add(name));
        setForm(progress.form);
      }
    };
    const deps: SendDeps = {
      client,
      // Once loaded, the re-render shows the schema's messages, which may be what blocked Send.
      loadValidator: (target) => loadValidator(target).then(() => setCheckedId(target.id)),
      validate: validateForm,
      getOperation,
      listOperations,
      chainValues: pageChainValues,
      history: pageHistory(window.location.pathname),
      now: Date.now,
    };
    let sendSession = session;
    let sandboxAppId: SendInput['appId'];
    if (session.environment === 'sandbox') {
      // The first Send may come before the project arrived: wait for it a little, never for long.
      await Promise.race([projects.ensure(sandboxBase), new Promise((resolve) => setTimeout(resolve, PROJECT_WAIT_MS))]);
      if (!current()) return;
      sendSession = sessionStore().get();
      sandboxAppId = { value: projectAppId(projects.get()), isStale: projects.isStaleAppId };
    }
    const outcome = await sendRequest({ op, form, session: sendSession, fault, force, signal: controller.signal, onProgress, appId: sandboxAppId }, deps);
    if (current()) {
      clearTimeout(sendingTimer.current);
      sendingTimer.current = undefined;
    }
    // Rendered at once, in the task that brought the answer: the history and chained ids it recorded re-rendered
    // in this task's microtasks, so the answer and they reach the screen in one frame. Left to the scheduler,
    // the answer waited for a task of its own, often behind a frame that showed only the new history row.
    if (current() && outcome.kind !== 'blocked') flushSync(() => setPhase(outcome));
    // A 401 in the sandbox may mean the project itself is gone (expired, or dropped by a full server mid-visit).
    if (sendSession.environment === 'sandbox' && outcome.kind === 'done' && outcome.result.status === 401) void projects.recheck();
  }, [op, form, session, fault, client, projects, sandboxBase]);

  const cancel = useCallback(() => abortRef.current?.abort(), []);

  // The same functions on every render, so the form's parts (memoised) skip the renders a Send causes.
  const handlers = useMemo(
    () => ({
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
      onCustomAdd: (location: CustomLocation) => setForm((current) => addCustom(current, location)),
      onCustomChange: (index: number, change: Partial<CustomParam>) => setForm((current) => setCustom(current, index, change)),
      onCustomRemove: (index: number) => setForm((current) => removeCustom(current, index)),
    }),
    [ensureValidator],
  );

  /** The share link for the request as it stands, with the Simulate choice; the address bar is left alone. */
  const shareLink = useCallback(
    () => `${window.location.origin}${window.location.pathname}${window.location.search}#${encodeShare(request, op, fault)}`,
    [request, op, fault],
  );

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
    clearedSecrets,
    appIdNote,
    send,
    cancel,
    shareLink,
    restore,
    ensureValidator,
    rehearsal,
    ...handlers,
  };
}
