/** generateSnippet's contract: refusals with readable errors, and the retry plan read from the catalog. */
import { findServer, getOperation } from '../catalog';
import { requestFromExamples } from '../request/fromExamples';
import { generateSnippet, SnippetError, SNIPPET_TARGETS } from './index';
import { retryPlan } from './retryPlan';

const acquire = () => requestFromExamples(getOperation('acquire'));

describe('generateSnippet refuses what no snippet can express', () => {
  it('never targets the relay', () => {
    expect(() => generateSnippet('curl', acquire(), { baseUrl: 'http://localhost:3000/api/relay' })).toThrow(SnippetError);
  });

  it('rejects header values with line breaks or non-ASCII characters', () => {
    for (const value of ['a\nb', 'ünï']) {
      const request = { ...acquire(), headers: { 'X-Note': value } };
      expect(() => generateSnippet('python', request, { baseUrl: 'https://api.agora.io' })).toThrow(/printable ASCII/);
    }
  });

  it('rejects credentials of the wrong kind', () => {
    expect(() =>
      generateSnippet('javascript', acquire(), { baseUrl: 'https://api.agora.io', credentials: { kind: 'bearer', token: 't' } }),
    ).toThrow(/basic credentials/);
  });

  it('never pastes an Authorization header from the model, and reads credentials from the environment', () => {
    const request = { ...acquire(), headers: { Authorization: 'Basic c2VjcmV0' } };
    for (const target of SNIPPET_TARGETS) {
      const code = generateSnippet(target, request, { baseUrl: 'https://api.agora.io' });
      expect(code).not.toContain('c2VjcmV0');
      expect(code).toContain('AGORA_CUSTOMER_ID');
      expect(code).toContain('AGORA_CUSTOMER_SECRET');
    }
  });
});

describe('retryPlan', () => {
  it('fails over to the alternate and adjacent domains of a regional catalog host', () => {
    const server = findServer('api-us-west-1.agora.io');
    expect(server?.adjacent).toBeDefined();
    const request = { ...acquire(), server: 'api-us-west-1.agora.io' };
    const plan = retryPlan(request, { baseUrl: 'https://api-us-west-1.agora.io' }, 'https://api-us-west-1.agora.io');
    expect(plan.alternate).toBe(`https://${server?.alternate}`);
    expect(plan.adjacent).toBe(`https://${server?.adjacent}`);
    expect(plan.repeatable).toBe(false);
    expect(plan.delaysMs).toEqual([
      [1000, 1250],
      [3000, 3750],
      [6000, 7500],
    ]);
  });

  it('has no failover hosts in sandbox mode', () => {
    const plan = retryPlan(acquire(), { baseUrl: 'http://localhost:3000/sandbox' }, 'http://localhost:3000/sandbox');
    expect(plan).toMatchObject({ primary: 'http://localhost:3000/sandbox', alternate: null, adjacent: null });
  });

  it('repeats a Media Pull create only when the player has a name, and retries 404 there', () => {
    const op = getOperation('create-cloud-player');
    const named = requestFromExamples(op);
    const unnamed = requestFromExamples(op, { body: { player: { streamUrl: 'rtmp://x/y', channelName: 'demo', uid: 0 } } });
    const base = 'https://api.agora.io';
    expect(retryPlan(named, { baseUrl: base }, base).repeatable).toBe(true);
    expect(retryPlan(unnamed, { baseUrl: base }, base).repeatable).toBe(false);
    expect(retryPlan(named, { baseUrl: base }, base).retryStatuses).toContain(404);
    expect(retryPlan(named, { baseUrl: base }, base).delaysMs[0]).toEqual([5000, 6000]);
  });
});
