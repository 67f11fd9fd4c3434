/** The relay's notes for the policy's decisions (the decisions themselves: src/catalog/retryPolicy.test.ts). */
import { planRetries } from '../../catalog/retryPolicy';
import { FIXTURE_OPERATIONS } from '../testing/fixtures';
import { budgetNote, stopNote } from './retry';

const acquire = FIXTURE_OPERATIONS.acquire;
const general = planRetries(FIXTURE_OPERATIONS['query-recording'], 'api.agora.io', undefined);
const mediaPull = planRetries(FIXTURE_OPERATIONS['delete-cloud-player'], 'api.agora.io', undefined);
const unsafe = planRetries(acquire, 'api.agora.io', {});

describe('stop notes', () => {
  it('say why an unsafe call was not repeated, naming the status or the failure', () => {
    expect(stopNote('not-repeatable', 'POST', { kind: 'status', status: 503 }, unsafe, 1)).toBe(
      'POST is not idempotent and the server received the request (503); repeating it could act twice, so it was not retried.',
    );
    expect(stopNote('not-repeatable', 'POST', { kind: 'network', failure: 'reset' }, unsafe, 1)).toMatch(/not idempotent and the reset happened/);
    expect(stopNote('not-repeatable', 'GET', { kind: 'network', failure: 'redirect' }, general, 1)).toMatch(/same answer/);
  });

  it('say how many attempts were made and why that is the limit', () => {
    expect(stopNote('attempts-exhausted', 'GET', { kind: 'status', status: 503 }, general, 4)).toBe('Gave up after 4 attempts (the schedule allows three retries).');
    expect(stopNote('attempts-exhausted', 'DELETE', { kind: 'status', status: 404 }, mediaPull, 3)).toMatch(/three consecutive failures mean the Media Pull task failed/);
  });

  it('name the budget a wait would pass', () => {
    expect(budgetNote(120_000, 30_000)).toBe('The next retry (in 120 s) would exceed the 30 s budget.');
  });
});
