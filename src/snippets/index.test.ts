/** generateSnippet's contract: refusals with readable errors, and the retry plan read from the catalog. */
import { findServer, getOperation } from '../catalog';
import { defaultRequest } from '../request/build';
import { planRetries } from '../catalog/retryPolicy';
import { generateSnippet, SnippetError, SNIPPET_TARGETS } from './index';
import { retryPlan } from './retryPlan';

const acquire = () => defaultRequest(getOperation('acquire'));

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
    expect(plan.urls.alternate).toBe(`https://${server?.alternate}`);
    expect(plan.urls.adjacent).toBe(`https://${server?.adjacent}`);
    expect(plan.safeToRepeat).toBe(false);
    expect(plan.maxAttempts).toBe(4);
    expect(plan.backoffRangesMs).toEqual([
      [1000, 1200],
      [3000, 3600],
      [6000, 7000],
    ]);
  });

  it('from a primary domain, fails over to the adjacent region of the region the relay assumes', () => {
    const plan = retryPlan(acquire(), { baseUrl: 'https://api.agora.io' }, 'https://api.agora.io');
    expect(plan.urls).toEqual({
      primary: 'https://api.agora.io',
      'primary-retry': 'https://api.agora.io',
      alternate: 'https://api.sd-rtn.com',
      adjacent: 'https://api-us-east-1.agora.io',
    });
    expect(plan.assumedRegion).toBe('us-west-1');
    expect(planRetries(getOperation('acquire'), 'api.agora.io', undefined).hosts.adjacent).toBe('api-us-east-1.agora.io');
  });

  it('has no failover hosts in sandbox mode', () => {
    const plan = retryPlan(acquire(), { baseUrl: 'http://localhost:3000/sandbox' }, 'http://localhost:3000/sandbox');
    expect(plan.urls).toMatchObject({ primary: 'http://localhost:3000/sandbox', alternate: null, adjacent: null });
  });

  it('repeats a Media Pull create only when the player has a name, and retries 404 there, 3 attempts at most', () => {
    const op = getOperation('create-cloud-player');
    const named = defaultRequest(op);
    const unnamed = defaultRequest(op, { body: { player: { streamUrl: 'rtmp://x/y', channelName: 'demo', uid: 0 } } });
    const base = 'https://api.agora.io';
    expect(retryPlan(named, { baseUrl: base }, base).safeToRepeat).toBe(true);
    expect(retryPlan(unnamed, { baseUrl: base }, base).safeToRepeat).toBe(false);
    expect(retryPlan(named, { baseUrl: base }, base).retryStatuses).toContain(404);
    expect(retryPlan(named, { baseUrl: base }, base).backoffRangesMs).toEqual([
      [5000, 6000],
      [10000, 11000],
    ]);
    expect(retryPlan(named, { baseUrl: base }, base).maxAttempts).toBe(3);
  });

  it('the production variants embed the plan the relay follows', () => {
    const request = defaultRequest(getOperation('acquire'));
    const js = generateSnippet('javascript-production', request, { baseUrl: 'https://api.agora.io' });
    const py = generateSnippet('python-production', request, { baseUrl: 'https://api.agora.io' });
    for (const code of [js, py]) {
      expect(code).toContain('"https://api-us-east-1.agora.io"');
      expect(code).toContain('next to us-west-1, where api.agora.io is assumed to resolve');
      expect(code).toMatch(/MAX_ATTEMPTS = 4/);
    }
    expect(js).toContain('const BACKOFF_MS = [[1000, 1200], [3000, 3600], [6000, 7000]];');
    expect(py).toContain('BACKOFF = [(1, 1.2), (3, 3.6), (6, 7)]');
    expect(js).toContain('const SAFE_TO_REPEAT = false;');
    expect(py).toContain('SAFE_TO_REPEAT = False');
  });
});
