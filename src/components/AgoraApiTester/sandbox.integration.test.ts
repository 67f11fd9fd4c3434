// Every operation's tester, as pre-filled from the catalog, sent the way Send
// sends it (sendRequest + the relay client) through the real relay to the real
// sandbox (in-process): the promise that Send works at once in the sandbox,
// including chained ids (resourceid, sid, player id).
import { beforeAll, describe, expect, it } from 'vitest';
import { getOperation, listOperations } from '../../catalog';
import type { OperationModel } from '../../catalog/types';
import { createRelayClient } from '../../relay/client';
import { createRelay } from '../../relay/core';
import { createSandbox } from '../../sandbox';
import type { Fault } from './envelope';
import { initialForm, setBodyField, type FormState } from './formModel';
import { sendRequest, type SendProgress } from './sendRequest';
import { createChainValuesStore } from './stores/chainValues';
import { createHistoryStore } from './stores/pageHistory';
import { DEMO_CREDENTIALS, initialSession } from './stores/session';
import { loadValidator, validateForm } from './validate';

beforeAll(() => Promise.all(listOperations().map(loadValidator)));

function harness() {
  let clock = Date.parse('2025-01-15T10:00:00Z');
  const sandbox = createSandbox({ now: () => clock });
  const relay = createRelay({ sandbox: sandbox.handler, rateLimit: false, sleep: async () => {} });
  const client = createRelayClient({
    fetch: async (url, init) => {
      // Sandbox time passes between calls, as it does for a reader: a recording
      // must run a moment before stop has files, and per-second limits reset.
      clock += 3000;
      return relay(new Request(`http://localhost${String(url)}`, init as RequestInit));
    },
  });
  const history = createHistoryStore('/docs/page');
  const progress: SendProgress[] = [];
  const send = async (op: OperationModel, form: FormState = initialForm(op), fault: Fault = 'none') => {
    const outcome = await sendRequest(
      { op, form, session: initialSession(), fault, signal: new AbortController().signal, onProgress: (step) => progress.push(step) },
      { client, loadValidator, validate: validateForm, getOperation, listOperations, chainValues: createChainValuesStore(), history, now: () => clock },
    );
    if (outcome.kind !== 'done') throw new Error(`${op.id}: ${JSON.stringify(outcome)}`);
    return outcome.result;
  };
  return { send, history, progress };
}

describe('every tester against the sandbox', () => {
  it.each(listOperations().map((op) => [op.id]))('%s sends its defaults and gets a 2xx', async (id) => {
    const op = getOperation(id);
    const { send, history, progress } = harness();
    // The guide page's order: get-channel reads the channel create-channel made.
    if (id === 'get-channel') await send(getOperation('create-channel'));
    let form = initialForm(op);
    // Ban rules take the rule id in the body, which the catalog does not chain
    // (yet): the reader creates a rule first and uses its id, as here.
    if (id === 'update-ban-rule' || id === 'delete-ban-rule') {
      const created = (await send(getOperation('create-ban-rule'))).body as { id: number };
      form = setBodyField(form, ['id'], created.id);
    }
    const result = await send(op, form);
    expect(result.status, JSON.stringify(result.body)).toBeLessThan(300);
    // Chained ids were fetched and filled in, and the history shows the request as sent.
    const filled = progress.find((step) => step.kind === 'chain-filled');
    const chained = op.params.filter((param) => param.valueFrom);
    expect(filled?.kind === 'chain-filled' ? filled.params : []).toEqual(chained.map((param) => param.name));
    for (const param of chained) expect(history.get()[0].request.pathParams[param.name]).not.toBe('');
  });

  it('shows the retries of a simulated 503 on an idempotent call, then success', async () => {
    const op = getOperation('list-channels');
    const result = await harness().send(op, initialForm(op), '503');
    expect(result.status).toBe(200);
    expect(result.attempts.map((attempt) => attempt.status)).toEqual([503, 200]);
  });

  it('fails over when the primary domain is down', async () => {
    const op = getOperation('list-channels');
    const result = await harness().send(op, initialForm(op), 'down');
    expect(result.status).toBe(200);
    expect(result.attempts[0]).toMatchObject({ host: 'api.agora.io', status: null });
    expect(result.attempts.at(-1)?.host).not.toBe('api.agora.io');
  });

  it('uses the demo credentials by default', () => {
    expect(DEMO_CREDENTIALS.customerId).toBe('demo-customer-id');
  });
});
