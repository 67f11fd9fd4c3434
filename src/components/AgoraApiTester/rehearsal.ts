/**
 * The rehearsal: one Send played through in the page's idle time, before the
 * reader's first, against a canned relay answer (the operation's documented
 * example) instead of the network, with stores of its own, so nothing of it
 * reaches the page: no request leaves the browser, nothing is recorded or
 * chained, nothing is shown.
 *
 * Why: the first Send on a page ran every function on its way for the first
 * time (validation, building the envelope, the relay client, the history entry,
 * the explanation, then React building the answer's details and history row),
 * and a function's first run pays for compiling it: in `npm run bench:send` the
 * first create-channel send was 18-37 ms slower than the ones after it (issue 17
 * allows 20). Run once beforehand, that code is compiled by the time the reader
 * clicks. useWarmUp.ts schedules it; RehearsedAnswer/ draws its answer and
 * history row out of the document.
 */
import { getOperation, listOperations } from '../../catalog';
import type { OperationModel } from '../../catalog/types';
import { resolvePath } from '../../request/apiRequest';
import { createRelayClient } from '../../relay/client';
import type { RelayEnvelope, RelayResult } from '../../relay/contract';
import { initialForm } from './formModel';
import type { HistoryEntry } from './history';
import { sendRequest, type SendOutcome } from './sendRequest';
import { createChainValuesStore } from './stores/chainValues';
import { createHistoryStore } from './stores/pageHistory';
import { initialSession } from './stores/session';
import { loadValidator, validateForm } from './validate';

/** The x-request-id of a rehearsed answer: never a real one, so a stray rehearsal would be told apart at once. */
export const REHEARSAL_REQUEST_ID = 'rehearsal';

/**
 * What the relay would answer for `envelope` if Agora gave the operation's first documented success (its example
 * body, `{}` when it has none): the same JSON shape as a real relay answer, one attempt on the requested host.
 */
export function cannedAnswer(op: OperationModel, envelope: RelayEnvelope): RelayResult {
  const success = op.responses.find((response) => response.status >= 200 && response.status < 300);
  const status = success?.status ?? 200;
  const body = success?.example ?? {};
  const text = JSON.stringify(body);
  const host = envelope.server ?? op.servers[0]?.host ?? 'api.agora.io';
  let path = op.path;
  try {
    path = resolvePath(op.path, envelope.path ?? {});
  } catch {
    // A path value the relay would refuse: the template stands in; the rehearsal only needs a URL to show.
  }
  return {
    status,
    // Every documented success is a 200 today; any other has no reason phrase here (as over HTTP/2) rather than an invented one.
    statusText: status === 200 ? 'OK' : '',
    headers: { 'content-type': 'application/json', 'x-request-id': REHEARSAL_REQUEST_ID },
    body,
    sizeBytes: new TextEncoder().encode(text).length,
    durationMs: 0,
    attempts: [
      {
        host,
        status,
        error: null,
        waitMs: 0,
        durationMs: 0,
        request: { method: op.method, url: `https://${host}${path}`, headers: { ...envelope.headers }, body: envelope.body === undefined ? undefined : JSON.stringify(envelope.body) },
      },
    ],
  };
}

/** A `fetch` that answers every relay call with `cannedAnswer` for the operation the envelope names; it never touches the network. */
export function cannedRelayFetch(lookup: (id: string) => OperationModel = getOperation): typeof fetch {
  return async (_input, init) => {
    const envelope = JSON.parse(String(init?.body)) as RelayEnvelope;
    const answer = cannedAnswer(lookup(envelope.operationId), envelope);
    return new Response(JSON.stringify(answer), { status: 200, headers: { 'content-type': 'application/json' } });
  };
}

/** What a rehearsed Send left: its outcome, and the history its own store recorded. */
export interface Rehearsed {
  outcome: SendOutcome;
  history: readonly HistoryEntry[];
}

/**
 * Sends `op`'s default form, in the sandbox with the demo credentials, through `sendRequest` and the real relay
 * client, with the canned fetch and throwaway history and chained-value stores. "Send anyway" is set, so a form
 * the schema would block still takes the whole path. Resolves with what the reader's Send would have shown.
 */
export async function rehearseSend(op: OperationModel, fetchImpl: typeof fetch = cannedRelayFetch()): Promise<Rehearsed> {
  const history = createHistoryStore('rehearsal');
  const outcome = await sendRequest(
    { op, form: initialForm(op), session: initialSession(), fault: 'none', force: true, signal: new AbortController().signal },
    {
      client: createRelayClient({ fetch: fetchImpl }),
      loadValidator,
      validate: validateForm,
      getOperation,
      listOperations,
      chainValues: createChainValuesStore(),
      history,
      now: Date.now,
    },
  );
  return { outcome, history: history.get() };
}
