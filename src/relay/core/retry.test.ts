import { getOperation, isSafeToRepeat } from '../../catalog/index';
import { FIXTURE_OPERATIONS } from '../testing/fixtures';
import { NetworkFailure } from './errors';
import { backoffMs, failoverHosts, nextStage, parseRetryAfter, refuseRetry, type Outcome } from './retry';

const query = FIXTURE_OPERATIONS['query-recording'];
const acquire = FIXTURE_OPERATIONS.acquire;
const create = FIXTURE_OPERATIONS['create-cloud-player'];
const network = (kind: NetworkFailure['kind']): Outcome => ({ kind: 'network', failure: new NetworkFailure(kind, kind) });

describe('failover hosts', () => {
  it('primary: alternate primary, then the documented default adjacent region', () => {
    expect(failoverHosts(query, 'api.agora.io')).toEqual({ primary: 'api.agora.io', 'primary-retry': 'api.agora.io', alternate: 'api.sd-rtn.com', adjacent: 'api-us-east-1.agora.io' });
    expect(failoverHosts(query, 'api.sd-rtn.com').adjacent).toBe('api-cn-north-1.sd-rtn.com');
  });

  it('primaryRegion moves the adjacent step (a relay in Germany -> Western Europe)', () => {
    expect(failoverHosts(query, 'api.agora.io', 'eu-central-1').adjacent).toBe('api-eu-west-1.agora.io');
  });

  it('regional start: the same region in the other family, then the adjacent region', () => {
    expect(failoverHosts(query, 'api-ap-southeast-1.agora.io')).toMatchObject({ alternate: 'api-ap-southeast-1.sd-rtn.com', adjacent: 'api-ap-northeast-1.agora.io' });
  });

  it('only hosts where the operation is deployed (its catalog servers)', () => {
    const onlyUs = FIXTURE_OPERATIONS['only-us'];
    expect(failoverHosts(onlyUs, 'api.agora.io')).toMatchObject({ alternate: undefined, adjacent: 'api-us-east-1.agora.io' });
    expect(failoverHosts(onlyUs, 'api.agora.io', 'eu-west-1').adjacent).toBeUndefined();
  });

  it('matches the real catalog for every operation', () => {
    for (const id of ['acquire', 'list-channels', 'create-cloud-player']) {
      expect(failoverHosts(getOperation(id), 'api.agora.io')).toMatchObject({ alternate: 'api.sd-rtn.com', adjacent: 'api-us-east-1.agora.io' });
    }
  });
});

describe('next stage', () => {
  const hosts = failoverHosts(query, 'api.agora.io');
  it('walks primary -> primary -> alternate -> adjacent on 5xx and DNS', () => {
    const s503: Outcome = { kind: 'status', status: 503 };
    expect(nextStage('primary', s503, hosts)).toBe('primary-retry');
    expect(nextStage('primary-retry', s503, hosts)).toBe('alternate');
    expect(nextStage('alternate', network('dns'), hosts)).toBe('adjacent');
    expect(nextStage('adjacent', s503, hosts)).toBe('adjacent');
  });
  it('skips the alternate on a non-DNS network failure and stays put on 429', () => {
    expect(nextStage('primary-retry', network('reset'), hosts)).toBe('adjacent');
    expect(nextStage('primary-retry', network('connect'), hosts)).toBe('adjacent');
    expect(nextStage('primary-retry', network('dns'), hosts)).toBe('alternate');
    expect(nextStage('primary-retry', { kind: 'status', status: 429 }, hosts)).toBe('primary-retry');
  });
});

describe('retry decisions', () => {
  it('never retries 4xx other than 429 (and 404 for Media Pull)', () => {
    expect(refuseRetry(query, { kind: 'status', status: 400 }, true)).toMatch(/not retried/);
    expect(refuseRetry(query, { kind: 'status', status: 404 }, true)).toMatch(/not retried/);
    expect(refuseRetry(FIXTURE_OPERATIONS['delete-cloud-player'], { kind: 'status', status: 404 }, true)).toBeNull();
    expect(refuseRetry(query, { kind: 'status', status: 429 }, true)).toBeNull();
  });

  it('retries a non-idempotent call only when it never reached the server', () => {
    expect(refuseRetry(acquire, network('dns'), false)).toBeNull();
    expect(refuseRetry(acquire, network('connect'), false)).toBeNull();
    expect(refuseRetry(acquire, network('reset'), false)).toMatch(/not idempotent/);
    expect(refuseRetry(acquire, network('timeout'), false)).toMatch(/not idempotent/);
    expect(refuseRetry(acquire, { kind: 'status', status: 503 }, false)).toMatch(/not idempotent/);
  });

  it('a named Media Pull create is safe to repeat; an unnamed one is not', () => {
    expect(isSafeToRepeat(create, { player: { name: 'main-stream', streamUrl: 'rtmp://x' } })).toBe(true);
    expect(isSafeToRepeat(create, { player: { streamUrl: 'rtmp://x' } })).toBe(false);
    expect(isSafeToRepeat(create, { player: { name: '' } })).toBe(false);
    expect(isSafeToRepeat(acquire, { cname: 'x' })).toBe(false);
    expect(isSafeToRepeat(query, undefined)).toBe(true);
    expect(isSafeToRepeat(getOperation('create-cloud-player'), { player: { name: 'n' } })).toBe(true);
  });
});

describe('back-off', () => {
  it('general schedule 1 / 3 / 6 s with up to 20% jitter', () => {
    expect([0, 1, 2].map((i) => backoffMs(query, i, () => 0))).toEqual([1000, 3000, 6000]);
    expect([0, 1, 2].map((i) => backoffMs(query, i, () => 1))).toEqual([1200, 3600, 7000]);
  });
  it('Media Pull schedule 5-6 / 10-11 / 15-16 s', () => {
    expect([0, 1, 2].map((i) => backoffMs(create, i, () => 0))).toEqual([5000, 10000, 15000]);
    expect([0, 1, 2].map((i) => backoffMs(create, i, () => 1))).toEqual([6000, 11000, 16000]);
  });
  it('waits at least Retry-After', () => {
    expect(backoffMs(query, 0, () => 0, 4000)).toBe(4000);
    expect(backoffMs(query, 0, () => 0, 10)).toBe(1000);
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
  it('absent -> undefined', () => expect(parseRetryAfter(null, now)).toBeUndefined());
});
