// Every operation's tester, as pre-filled from the catalog, sent through the
// real relay to the real sandbox (in-process): the promise that Send works at
// once in the sandbox, including chained ids (resourceid, sid, player id).
import { beforeAll, describe, expect, it } from 'vitest';
import { getOperation, listOperations } from '../../catalog';
import { createRelay } from '../../relay/core';
import { createSandbox } from '../../sandbox';
import type { OperationModel } from '../../catalog/types';
import { fillChain, missingChained } from './chain';
import { toEnvelope } from './envelope';
import { initialForm, setBodyField, type FormState } from './formModel';
import { sendToRelay } from './send';
import { DEMO_CREDENTIALS, credentialsFor, initialSession } from './session';
import { toApiRequest } from './toApiRequest';
import { loadValidator, validateForm } from './validate';

beforeAll(() => loadValidator());

function harness() {
  let clock = Date.parse('2025-01-15T10:00:00Z');
  const sandbox = createSandbox({ now: () => clock });
  const relay = createRelay({ sandbox: sandbox.handler, rateLimit: false, sleep: async () => {} });
  const fetchImpl: typeof fetch = async (url, init) => relay(new Request(`http://localhost${String(url)}`, init as RequestInit));
  const session = initialSession();
  const send = (op: OperationModel, form: FormState, fault?: '503' | 'down') =>
    sendToRelay(toEnvelope(toApiRequest(op, form), { environment: 'sandbox', credentials: credentialsFor(op, session), fault }), { fetch: fetchImpl });
  const run = async (op: OperationModel, form: FormState) => {
    const result = await send(op, form);
    if (result.status >= 300) throw new Error(`${op.id} answered ${result.status}: ${JSON.stringify(result.body)}`);
    return result.body;
  };
  /** Let sandbox time pass (a recording needs a moment before it has files to stop). */
  const wait = (ms: number) => {
    clock += ms;
  };
  return { send, run, wait };
}

describe('every tester against the sandbox', () => {
  it.each(listOperations().map((op) => [op.id]))('%s sends its defaults and gets a 2xx', async (id) => {
    const op = getOperation(id);
    const { send, run, wait } = harness();
    // The guide page's order: get-channel reads the channel create-channel made.
    if (id === 'get-channel') await run(getOperation('create-channel'), initialForm(getOperation('create-channel')));
    let form = await fillChain(op, initialForm(op), getOperation, run);
    // Ban rules take the rule id in the body, which the catalog does not chain
    // (yet): the reader creates a rule first and uses its id, as here.
    if (id === 'update-ban-rule' || id === 'delete-ban-rule') {
      const created = (await run(getOperation('create-ban-rule'), initialForm(getOperation('create-ban-rule')))) as { id: number };
      form = setBodyField(form, ['id'], created.id);
    }
    wait(3000);
    expect(missingChained(op, form)).toEqual([]);
    expect(validateForm(op, form).errors).toEqual([]);
    const result = await send(op, form);
    expect({ id, status: result.status, body: result.body }).toMatchObject({ id, status: expect.any(Number) });
    expect(result.status, JSON.stringify(result.body)).toBeLessThan(300);
  });

  it('shows the retries of a simulated 503 on an idempotent call, then success', async () => {
    const op = getOperation('list-channels');
    const { send } = harness();
    const result = await send(op, initialForm(op), '503');
    expect(result.status).toBe(200);
    expect(result.attempts.map((attempt) => attempt.status)).toEqual([503, 200]);
  });

  it('fails over when the primary domain is down', async () => {
    const op = getOperation('list-channels');
    const { send } = harness();
    const result = await send(op, initialForm(op), 'down');
    expect(result.status).toBe(200);
    expect(result.attempts[0]).toMatchObject({ host: 'api.agora.io', status: null });
    expect(result.attempts.at(-1)?.host).not.toBe('api.agora.io');
  });

  it('uses the demo credentials by default', () => {
    expect(DEMO_CREDENTIALS.customerId).toBe('demo-customer-id');
  });
});
