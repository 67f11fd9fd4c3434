import { FIXTURE_OPERATIONS } from '../relay/testing/fixtures';
import { getOperation, listOperations } from './index';
import {
  ATTEMPT_TIMEOUT_MS,
  failoverHosts,
  isRepeatable,
  jitterRange,
  nextStage,
  parseRetryAfter,
  planRetries,
  retryVerdict,
  retryWaitMs,
  type AttemptOutcome,
  type FailureKind,
} from './retryPolicy';

const query = FIXTURE_OPERATIONS['query-recording'];
const acquire = FIXTURE_OPERATIONS.acquire;
const create = FIXTURE_OPERATIONS['create-cloud-player'];
const deletePlayer = FIXTURE_OPERATIONS['delete-cloud-player'];
const status = (code: number): AttemptOutcome => ({ kind: 'status', status: code });
const network = (failure: FailureKind): AttemptOutcome => ({ kind: 'network', failure });
const plan = (op = query, body?: unknown, start = 'api.agora.io') => planRetries(op, start, body);

describe('failover hosts', () => {
  it('from a primary: the primary twice, the alternate primary, then the adjacent region of the assumed one', () => {
    expect(failoverHosts(query.servers, 'api.agora.io')).toEqual({
      hosts: { primary: 'api.agora.io', 'primary-retry': 'api.agora.io', alternate: 'api.sd-rtn.com', adjacent: 'api-us-east-1.agora.io' },
      assumedRegion: 'us-west-1',
    });
    expect(failoverHosts(query.servers, 'api.sd-rtn.com').hosts.adjacent).toBe('api-cn-north-1.sd-rtn.com');
  });

  it("the seed's Europe example: a primary resolved to Germany retries West Europe", () => {
    expect(failoverHosts(query.servers, 'api.agora.io', 'eu-central-1').hosts.adjacent).toBe('api-eu-west-1.agora.io');
  });

  it('from a regional host: the same region in the other family, then the adjacent region', () => {
    const { hosts, assumedRegion } = failoverHosts(query.servers, 'api-ap-southeast-1.agora.io');
    expect(hosts).toMatchObject({ alternate: 'api-ap-southeast-1.sd-rtn.com', adjacent: 'api-ap-northeast-1.agora.io' });
    expect(assumedRegion).toBeUndefined();
  });

  it('only hosts where the operation is deployed (its catalog servers)', () => {
    const onlyUs = FIXTURE_OPERATIONS['only-us'];
    expect(failoverHosts(onlyUs.servers, 'api.agora.io').hosts).toMatchObject({ alternate: null, adjacent: 'api-us-east-1.agora.io' });
    expect(failoverHosts(onlyUs.servers, 'api.agora.io', 'eu-west-1').hosts.adjacent).toBeNull();
  });

  it('matches the real catalog for every operation', () => {
    for (const op of listOperations()) {
      expect(failoverHosts(op.servers, 'api.agora.io').hosts).toMatchObject({ alternate: 'api.sd-rtn.com', adjacent: 'api-us-east-1.agora.io' });
    }
  });
});

describe('next stage', () => {
  const { hosts } = failoverHosts(query.servers, 'api.agora.io');
  it('walks primary -> primary -> alternate -> adjacent on 5xx and DNS, then stays', () => {
    expect(nextStage('primary', status(503), hosts)).toBe('primary-retry');
    expect(nextStage('primary-retry', status(503), hosts)).toBe('alternate');
    expect(nextStage('alternate', network('dns'), hosts)).toBe('adjacent');
    expect(nextStage('adjacent', status(503), hosts)).toBe('adjacent');
  });

  it('skips the alternate on a non-DNS network failure and stays put on 429', () => {
    for (const failure of ['reset', 'connect', 'timeout'] as const) expect(nextStage('primary-retry', network(failure), hosts)).toBe('adjacent');
    expect(nextStage('primary-retry', network('dns'), hosts)).toBe('alternate');
    expect(nextStage('primary-retry', status(429), hosts)).toBe('primary-retry');
  });

  it('skips stages without a host', () => {
    const onlyUs = failoverHosts(FIXTURE_OPERATIONS['only-us'].servers, 'api.agora.io').hosts;
    expect(nextStage('primary-retry', network('dns'), onlyUs)).toBe('adjacent');
    const alone = { ...onlyUs, adjacent: null };
    expect(nextStage('primary-retry', status(503), alone)).toBe('primary-retry');
  });
});

describe('what is repeated', () => {
  it('429 for any method: the server refused it before acting on it', () => {
    expect(isRepeatable(plan(acquire), status(429))).toBe(true);
    expect(retryVerdict(plan(acquire), status(429), 1)).toEqual({ action: 'retry' });
  });

  it('5xx, resets and timeouts only when the call is safe to repeat', () => {
    for (const outcome of [status(500), status(503), network('reset'), network('timeout')]) {
      expect(retryVerdict(plan(acquire), outcome, 1)).toEqual({ action: 'stop', reason: 'not-repeatable' });
      expect(retryVerdict(plan(query), outcome, 1)).toEqual({ action: 'retry' });
    }
  });

  it('DNS and connect failures always: the request never left', () => {
    for (const failure of ['dns', 'connect'] as const) expect(retryVerdict(plan(acquire), network(failure), 1)).toEqual({ action: 'retry' });
  });

  it('an oversized body or a redirect never', () => {
    for (const failure of ['too-large', 'redirect'] as const) {
      expect(retryVerdict(plan(query), network(failure), 1)).toEqual({ action: 'stop', reason: 'not-repeatable' });
    }
  });

  it('statuses outside the catalog list are answers, not failures (404 counts for Media Pull only)', () => {
    for (const code of [200, 400, 404, 409, 501]) expect(retryVerdict(plan(query), status(code), 1)).toEqual({ action: 'done' });
    expect(retryVerdict(plan(deletePlayer), status(404), 1)).toEqual({ action: 'retry' });
  });

  it('a named Media Pull create is safe to repeat (a repeat gets 409); an unnamed one is not', () => {
    expect(plan(create, { player: { name: 'main', streamUrl: 'rtmp://x' } }).safeToRepeat).toBe(true);
    expect(plan(create, { player: { streamUrl: 'rtmp://x' } }).safeToRepeat).toBe(false);
    expect(plan(create, { player: { name: '' } }).safeToRepeat).toBe(false);
    expect(planRetries(getOperation('create-cloud-player'), 'api.agora.io', { player: { name: 'n' } }).safeToRepeat).toBe(true);
  });
});

describe('attempts and back-off', () => {
  it('general: 4 attempts, 1 / 3 / 6 s each with up to 20% jitter (at most +1 s)', () => {
    const general = plan(query);
    expect(general.maxAttempts).toBe(4);
    expect(general.backoffRangesMs).toEqual([
      [1000, 1200],
      [3000, 3600],
      [6000, 7000],
    ]);
    expect(retryVerdict(general, status(503), 3)).toEqual({ action: 'retry' });
    expect(retryVerdict(general, status(503), 4)).toEqual({ action: 'stop', reason: 'attempts-exhausted' });
  });

  it('Media Pull: 3 attempts ("three consecutive failures mean the task failed"), waits 5-6 s then 10-11 s', () => {
    const mediaPull = plan(deletePlayer);
    expect(mediaPull.maxAttempts).toBe(3);
    expect(mediaPull.backoffRangesMs).toEqual([
      [5000, 6000],
      [10000, 11000],
    ]);
    expect(retryVerdict(mediaPull, status(404), 3)).toEqual({ action: 'stop', reason: 'attempts-exhausted' });
  });

  it('an unsafe failure stops before the attempt count is considered', () => {
    expect(retryVerdict(plan(acquire), status(503), 4)).toEqual({ action: 'stop', reason: 'not-repeatable' });
  });

  it('a shorter schedule means fewer attempts', () => {
    const short = planRetries({ ...query, retry: { ...query.retry, delaysMs: [[10, 10]] } }, 'api.agora.io', undefined);
    expect(short.maxAttempts).toBe(2);
    expect(short.backoffRangesMs).toEqual([[10, 12]]);
  });

  it('jitter keeps a range as it is and widens a fixed delay', () => {
    expect(jitterRange([5000, 6000])).toEqual([5000, 6000]);
    expect(jitterRange([100, 100])).toEqual([100, 120]);
    expect(jitterRange([8000, 8000])).toEqual([8000, 9000]);
  });

  it('waits a random point of the range, at least Retry-After', () => {
    const general = plan(query);
    expect([0, 1, 2].map((i) => retryWaitMs(general, i, () => 0))).toEqual([1000, 3000, 6000]);
    expect([0, 1, 2].map((i) => retryWaitMs(general, i, () => 1))).toEqual([1200, 3600, 7000]);
    expect(retryWaitMs(general, 0, () => 0, 4000)).toBe(4000);
    expect(retryWaitMs(general, 0, () => 0, 10)).toBe(1000);
  });

  it('each attempt is limited to 10 s unless the policy says otherwise', () => {
    expect(plan(query).attemptTimeoutMs).toBe(ATTEMPT_TIMEOUT_MS);
    expect(planRetries({ ...query, retry: { ...query.retry, attemptTimeoutMs: 250 } }, 'api.agora.io', undefined).attemptTimeoutMs).toBe(250);
  });
});

describe('Retry-After', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  it.each([
    ['3', 3000],
    [' 0 ', 0],
    ['Thu, 01 Jan 2026 00:00:05 GMT', 5000],
    ['Wed, 31 Dec 2025 23:59:00 GMT', 0],
    ['soon', undefined],
    ['-5', undefined],
    ['1.5', undefined],
  ])('%j -> %j ms', (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
  it('absent -> undefined', () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});
