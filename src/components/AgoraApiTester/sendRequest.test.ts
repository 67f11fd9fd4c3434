import { describe, expect, it } from 'vitest';
import type { OperationModel } from '../../catalog/types';
import type { RelayCall, RelayClient } from '../../relay/client';
import { RelayClientError } from '../../relay/client';
import type { RelayEnvelope, RelayResult } from '../../relay/contract';
import { initialForm, setBodyField, setParam } from './formModel';
import { parseHistory, serializeHistory } from './history';
import { sendRequest, type SendDeps, type SendInput, type SendOutcome, type SendProgress } from './sendRequest';
import { chainValue, createChainValuesStore } from './stores/chainValues';
import { createHistoryStore } from './stores/pageHistory';
import { initialSession, type SessionState } from './stores/session';
import { createChannel, getChannel } from './testing/fixtures';
import { compileCatalogSchema } from '../../catalog/ajv';
import { validateForm } from './validate';


// get-channel whose channel name comes from create-channel's answer, as resourceid comes from acquire.
const chained: OperationModel = (() => {
  const channelName = { ...getChannel.pathParams[1], example: undefined, valueFrom: { operationId: 'create-channel', field: 'data.name' } };
  const pathParams = [getChannel.pathParams[0], channelName];
  return { ...getChannel, id: 'get-chained', pathParams, params: pathParams };
})();
const operations = [createChannel, getChannel, chained];

function answer(status: number, body: unknown = {}): RelayResult {
  return { status, statusText: status < 300 ? 'OK' : 'Error', headers: {}, body, sizeBytes: 2, durationMs: 5, attempts: [] };
}

/** A relay client answering per operation id, remembering every envelope. */
function fakeClient(answers: Record<string, RelayCall | (() => RelayCall)>) {
  const sent: RelayEnvelope[] = [];
  const client: RelayClient = async (envelope) => {
    sent.push(envelope);
    const reply = answers[envelope.operationId];
    if (!reply) throw new Error(`unexpected call to ${envelope.operationId}`);
    return typeof reply === 'function' ? reply() : reply;
  };
  return { client, sent };
}

function harness(answers: Record<string, RelayCall | (() => RelayCall)>) {
  const { client, sent } = fakeClient(answers);
  const history = createHistoryStore('/page');
  const chainValues = createChainValuesStore();
  let clock = 1_000;
  const deps: SendDeps = {
    client,
    // Hand-made models have no precompiled checks: Ajv compiling at run time judges them, as those checks would.
    loadValidator: () => Promise.resolve(),
    validate: (op, form) => validateForm(op, form, compileCatalogSchema),
    getOperation: (id) => operations.find((op) => op.id === id) ?? (() => { throw new Error(id); })(),
    listOperations: () => operations,
    chainValues,
    history,
    now: () => (clock += 10),
  };
  const progress: SendProgress[] = [];
  const send = (input: Partial<SendInput> & Pick<SendInput, 'op'>): Promise<SendOutcome> =>
    sendRequest(
      { form: initialForm(input.op), session: initialSession(), fault: 'none', signal: new AbortController().signal, onProgress: (p) => progress.push(p), ...input },
      deps,
    );
  return { send, sent, history, chainValues, progress };
}

const ok = (status: number, body?: unknown): RelayCall => ({ ok: true, result: answer(status, body) });

describe('sendRequest', () => {
  it('sends the form with the session credentials and the fault, records history without them, and remembers chained ids', async () => {
    const { send, sent, history, chainValues, progress } = harness({ 'create-channel': ok(200, { data: { name: 'ch1' } }) });
    const outcome = await send({ op: createChannel, fault: '503' });
    expect(outcome).toEqual({ kind: 'done', result: answer(200, { data: { name: 'ch1' } }), explanation: null });
    expect(sent).toHaveLength(1);
    expect(sent[0].headers).toEqual({ Authorization: expect.stringMatching(/^Basic /), 'X-Sandbox-Fault': '503' });
    expect(sent[0].body).toEqual(createChannel.requestBody!.example);
    expect(progress).toEqual([{ kind: 'sending', startedAt: 1_010 }]);
    expect(history.get()).toHaveLength(1);
    expect(history.get()[0]).toMatchObject({ environment: 'sandbox', status: 200, outcome: '200 OK', at: 1_020, request: { operationId: 'create-channel' } });
    expect(JSON.stringify(history.get())).not.toMatch(/Basic|Sandbox-Fault/);
    expect(chainValue(chainValues.get(), 'sandbox', { operationId: 'create-channel', field: 'data.name' })).toBe('ch1');
  });

  it('blocks on validation problems without sending, unless forced', async () => {
    const { send, sent, history } = harness({ 'create-channel': ok(400) });
    const form = setBodyField(initialForm(createChannel), ['channel'], 'bad name!');
    const blocked = await send({ op: createChannel, form });
    expect(blocked.kind).toBe('blocked');
    expect(blocked.kind === 'blocked' && blocked.problems.join()).toMatch(/channel/);
    expect(sent).toHaveLength(0);
    expect(history.get()).toHaveLength(0);
    const forced = await send({ op: createChannel, form, force: true });
    expect(forced.kind).toBe('done');
    expect(sent).toHaveLength(1);
  });

  it('blocks a live call without credentials', async () => {
    const { send, sent } = harness({});
    const session: SessionState = { ...initialSession(), environment: 'live' };
    const outcome = await send({ op: createChannel, session });
    expect(outcome).toEqual({ kind: 'blocked', problems: ['Enter your Customer ID and Customer Secret under Credentials.'] });
    expect(sent).toHaveLength(0);
  });

  it('keeps the answer\'s X-Request-ID in the history entry, so the Events panel can link a notice back to it', async () => {
    const { send, history } = harness({ 'create-channel': { ok: true, result: { ...answer(200, { data: { name: 'ch1' } }), headers: { 'X-Request-ID': 'req-42' } } } });
    await send({ op: createChannel });
    expect(history.get()[0].requestId).toBe('req-42');
    const stored = parseHistory(serializeHistory(history.get()));
    expect(stored[0].requestId).toBe('req-42');
  });

  it('explains a non-2xx answer from the catalog and keeps it in history, but chains nothing from it', async () => {
    const { send, history, chainValues } = harness({ 'create-channel': ok(401, { message: 'Invalid authentication credentials', data: { name: 'x' } }) });
    const outcome = await send({ op: createChannel });
    expect(outcome.kind === 'done' && outcome.explanation).toMatchObject({ title: '401 Unauthorized', text: 'The Customer ID or Customer Secret is wrong.' });
    expect(history.get()[0]).toMatchObject({ status: 401, outcome: '401 Error' });
    expect(chainValues.get()).toEqual({});
  });

  it('returns a relay failure as a value with its explanation, and keeps failed and cancelled sends in history', async () => {
    const refused = new RelayClientError('blocked', 'Too many requests.', { code: 'rate_limited', status: 429 });
    const { send, history } = harness({ 'create-channel': { ok: false, error: refused } });
    const outcome = await send({ op: createChannel });
    expect(outcome).toMatchObject({ kind: 'failed', error: refused, explanation: { title: 'Refused by the relay' } });
    expect(history.get()[0]).toMatchObject({ status: 429, kind: 'failed', outcome: 'Refused: relay rate limit' });

    const cancelled = harness({ 'create-channel': { ok: false, error: new RelayClientError('abort', 'You cancelled the request.') } });
    expect(await cancelled.send({ op: createChannel })).toMatchObject({ kind: 'failed', explanation: { title: 'Cancelled' } });
    expect(cancelled.history.get()).toHaveLength(1);
    expect(cancelled.history.get()[0]).toMatchObject({ status: null, kind: 'cancelled', outcome: 'Cancelled', request: { operationId: 'create-channel' } });
    expect(JSON.stringify(cancelled.history.get())).not.toMatch(/Basic|demo-customer-secret/);

    const late = harness({ 'create-channel': { ok: false, error: new RelayClientError('timeout', 'No answer in 30 s.', { code: 'upstream_timeout', status: 504 }) } });
    await late.send({ op: createChannel });
    expect(late.history.get()[0]).toMatchObject({ status: 504, kind: 'failed', outcome: 'Timed out' });
  });

  it('drops an answer that arrives after Cancel, keeping the send as cancelled', async () => {
    const controller = new AbortController();
    const { send, history, chainValues } = harness({
      'create-channel': () => {
        controller.abort();
        return ok(200, { data: { name: 'late' } });
      },
    });
    const outcome = await send({ op: createChannel, signal: controller.signal });
    expect(outcome).toMatchObject({ kind: 'failed', error: { kind: 'abort' } });
    expect(history.get().map((entry) => entry.outcome)).toEqual(['Cancelled']);
    expect(chainValues.get()).toEqual({});
  });

  describe('chained ids in the sandbox', () => {
    it('runs the call that provides a missing id first, without the fault, and sends with the id filled in', async () => {
      const { send, sent, history, progress } = harness({ 'create-channel': ok(200, { data: { name: 'fresh' } }), 'get-chained': ok(200) });
      const outcome = await send({ op: chained, fault: '503' });
      expect(outcome.kind).toBe('done');
      expect(sent.map((envelope) => envelope.operationId)).toEqual(['create-channel', 'get-chained']);
      expect(sent[0].headers?.['X-Sandbox-Fault']).toBeUndefined();
      expect(sent[1]).toMatchObject({ path: { appId: '0123456789abcdef0123456789abcdef', channelName: 'fresh' }, headers: { 'X-Sandbox-Fault': '503' } });
      const filled = progress.find((p) => p.kind === 'chain-filled');
      expect(filled?.kind === 'chain-filled' && [filled.params, filled.form.path.channelName]).toEqual([['channelName'], 'fresh']);
      expect(progress.map((p) => (p.kind === 'sending' ? p.step ?? 'sending' : p.kind))).toEqual([
        'sending',
        'Getting channelName from create-channel…',
        'chain-filled',
        'sending',
      ]);
      expect(history.get().map((entry) => entry.request.pathParams.channelName)).toEqual(['fresh']);
    });

    it('keeps an id the reader typed', async () => {
      const { send, sent } = harness({ 'get-chained': ok(200) });
      await send({ op: chained, form: setParam(initialForm(chained), 'path', 'channelName', 'mine') });
      expect(sent.map((envelope) => envelope.path?.channelName)).toEqual(['mine']);
    });

    it('is not run for live calls: the empty id blocks Send there', async () => {
      const { send, sent } = harness({});
      const session: SessionState = { ...initialSession(), environment: 'live', credentials: { ...initialSession().credentials, live: { customerId: 'a', customerSecret: 'b', token: 't' } } };
      const outcome = await send({ op: chained, session });
      expect(outcome.kind === 'blocked' && outcome.problems.join()).toMatch(/channelName/);
      expect(sent).toHaveLength(0);
    });

    it('shows the earlier call\'s refusal, named as such, and sends nothing more', async () => {
      const { send, sent, history } = harness({ 'create-channel': ok(400, { message: 'Invalid channel name format' }) });
      const outcome = await send({ op: chained });
      expect(outcome).toMatchObject({ kind: 'done', result: { status: 400 } });
      expect(outcome.kind === 'done' && outcome.explanation?.title).toBe('400 Bad request from create-channel, the call that provides a value this one needs');
      expect(sent).toHaveLength(1);
      expect(history.get()).toEqual([]);
    });

    it('reports an earlier call that got no answer, and one whose answer lacks the id', async () => {
      const down = harness({ 'create-channel': { ok: false, error: new RelayClientError('network', 'offline') } });
      expect(await down.send({ op: chained })).toMatchObject({ kind: 'failed', error: { kind: 'network', message: 'offline' } });
      expect(down.history.get()[0]).toMatchObject({ kind: 'failed', outcome: 'No connection', request: { operationId: 'get-chained' } });

      const gap = harness({ 'create-channel': ok(200, { data: {} }) });
      expect(await gap.send({ op: chained })).toMatchObject({
        kind: 'failed',
        error: { message: 'create-channel answered without data.name, so channelName could not be filled.' },
      });
    });
  });
});
