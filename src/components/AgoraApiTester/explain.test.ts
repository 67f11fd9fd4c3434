import { describe, expect, it } from 'vitest';
import { getOperation } from '../../catalog';
import { agoraCode, explainFailure, explainStatus, fieldFor, whyAttempts } from './explain';
import { RelayClientError as SendError } from '../../relay/client';
import { createChannel, createCloudPlayer } from './testing/fixtures';

describe('explainStatus', () => {
  it('is silent on success', () => {
    expect(explainStatus(createChannel, 200, {})).toBeNull();
  });

  it('gives the troubleshooting row and the field the server blamed', () => {
    const explanation = explainStatus(createChannel, 400, {
      code: 400,
      message: 'Invalid channel name format',
      details: { field: 'channel', reason: 'Channel name must be alphanumeric and under 64 characters' },
    })!;
    expect(explanation.title).toBe('400 Bad request');
    expect(explanation.text).toBe('A parameter is missing or malformed.');
    expect(explanation.field).toEqual({ key: 'body.channel', label: 'channel', reason: 'Channel name must be alphanumeric and under 64 characters' });
  });

  it('explains 401 with the measures of the catalog', () => {
    expect(explainStatus(createChannel, 401, { message: 'Invalid authentication credentials' })).toMatchObject({
      text: 'The Customer ID or Customer Secret is wrong.',
      measures: 'Copy them again from Agora Console > RESTful API.',
      retry: false,
    });
  });

  it('explains a resource cap 429 as the project being full, not as the per-minute quota the meter contradicts', () => {
    // The guide's create-channel after ~50 sends: each one starts a recording, and the project holds 50 at most.
    const body = {
      code: 429,
      message: 'Resource quota exceeded',
      details: { field: '', reason: 'The sandbox holds at most 500 channels and 50 recordings per App ID. Stop a recording or wait for channels to expire.' },
    };
    const explanation = explainStatus(getOperation('create-channel'), 429, body, { 'X-RateLimit-Limit': '100', 'X-RateLimit-Remaining': '34' })!;
    expect(explanation.title).toBe('429 Too many requests: the project is full');
    expect(explanation.text).toContain('50 recordings per App ID');
    expect(explanation.text).toContain('not the plan\'s per-minute quota');
    expect(explanation.text).toContain('34 of 100 requests left');
    expect(explanation.text).not.toMatch(/quota is used up/);
    expect(explanation.measures).toMatch(/stop recordings/);
    expect(explanation.measures).toMatch(/Reset project/);
    expect(explanation.retry).toBe(false);
    // Without a meter (Agora's families send none) the cap is explained the same way, minus the meter.
    expect(explainStatus(createCloudPlayer, 429, { message: 'Resource quota exceeded.', reason: 'At most 50 cloud players run at once in a project.' })?.text).toMatch(
      /^The project already holds as many of these as it may at once \(At most 50 cloud players run at once in a project\)\. This is a cap/,
    );
  });

  it('still explains a plan 429 as the per-minute quota', () => {
    const planned = explainStatus(getOperation('create-channel'), 429, { code: 429, message: 'Rate limit exceeded', details: { field: '', reason: 'The Starter plan allows 100 requests per minute' } }, { 'X-RateLimit-Remaining': '0' })!;
    expect(planned.text).toBe('The plan\'s requests-per-minute quota is used up.');
    expect(planned.retry).toBe(true);
  });

  it('falls back to a generic sentence when the catalog has no row', () => {
    expect(explainStatus(createChannel, 502, 'x')).toMatchObject({ title: '502 Bad gateway', retry: true });
  });

  it('finds nested body fields by name', () => {
    expect(fieldFor(createCloudPlayer, 'streamUrl')).toEqual({ key: 'body.player.streamUrl', label: 'player.streamUrl' });
    expect(fieldFor(createCloudPlayer, 'region')).toEqual({ key: 'path.region', label: 'region' });
  });

  it('points a list item the server named at the list\'s input (the form edits lists as JSON)', () => {
    expect(fieldFor(getOperation('update-layout'), 'clientRequest.layoutConfig[0].x_axis')).toEqual({
      key: 'body.clientRequest.layoutConfig',
      label: 'clientRequest.layoutConfig[].x_axis',
    });
    expect(fieldFor(getOperation('update-layout'), 'no_such_field')).toBeUndefined();
  });
});

describe('explainFailure', () => {
  it('says what happened and what to try for each kind', () => {
    expect(explainFailure(new SendError('abort', 'x')).title).toBe('Cancelled');
    expect(explainFailure(new SendError('timeout', 'No answer.')).measures).toMatch(/list first/);
    expect(explainFailure(new SendError('network', 'down')).measures).toMatch(/npm start/);
    const limited = explainFailure(new SendError('blocked', 'Too many', { code: 'rate_limited', retryAfterSeconds: 3 }));
    expect(limited.text).toMatch(/paused you/);
    expect(limited.measures).toMatch(/Retry after 3 s/);
  });

  it('never repeats the message the status line already shows', () => {
    const message = 'api.agora.io did not answer within the per-attempt time limit. POST is not idempotent, so it was not retried.';
    for (const kind of ['timeout', 'upstream', 'network', 'blocked'] as const) {
      const explanation = explainFailure(new SendError(kind, message, { code: kind === 'timeout' ? 'upstream_timeout' : undefined }));
      expect(`${explanation.text} ${explanation.measures}`).not.toContain('per-attempt time limit');
    }
  });

  it('blames the relay\'s network, not the reader\'s, when the relay could not reach Agora', () => {
    const attempts = ['api.agora.io', 'api.agora.io', 'api-us-east-1.agora.io'].map((host) => ({
      host,
      status: null,
      error: { kind: 'dns' as const, message: `${host} could not be resolved (DNS ENOTFOUND).` },
      waitMs: 0,
      durationMs: 1,
    }));
    const explanation = explainFailure(new SendError('upstream', 'x', { code: 'upstream_unreachable', status: 502, attempts }));
    expect(explanation.title).toBe('The relay could not reach Agora');
    expect(explanation.text).toMatch(/server's side .* not in your browser/);
    expect(explanation.text).toContain('api.agora.io, api-us-east-1.agora.io');
    expect(explanation.measures).not.toMatch(/your network/i);
    // The reader's own network is what "Relay unreachable" is about.
    expect(explainFailure(new SendError('network', 'x')).measures).toMatch(/your own connection/);
  });
});

describe('explanations by family, status and Agora code', () => {
  const stop = getOperation('stop-recording');

  it('reads Agora\'s code from the body', () => {
    expect(agoraCode({ code: 435, reason: 'no recorded data' })).toBe(435);
    expect(agoraCode({ code: '65' })).toBe(65);
    expect(agoraCode({ message: 'x' })).toBeUndefined();
  });

  it('explains stop\'s 206 with code 435 as "no recorded data", not as a wrong sid', () => {
    const explanation = explainStatus(stop, 206, { code: 435, reason: 'no recorded data' })!;
    expect(explanation.title).toBe('206 Partial content, Agora code 435');
    expect(explanation.text).toMatch(/no file was written/);
    expect(explanation.text).not.toMatch(/sid/);
    expect(explanation.notice).toBe(true);
    // An ordinary 2xx says nothing.
    expect(explainStatus(stop, 206, { resourceId: 'r' })).toBeNull();
  });

  it('tells one status\'s causes apart by code, then by message', () => {
    expect(explainStatus(stop, 400, { code: 49, reason: 'invalid operation' })!.text).toMatch(/already shutting down/);
    expect(explainStatus(stop, 404, { code: 404, reason: 'failed to find worker' })!.text).toMatch(/No such recording runs/);
    expect(explainStatus(stop, 404, { message: 'no Route matched with those values' })!.text).toMatch(/gateway knows no such route/);
    expect(explainStatus(stop, 400, { code: 2, reason: 'invalid parameter: uid' })!.text).toMatch(/`reason` names it/);
  });

  it('shows no Field pill for the guide\'s 429 and 503 bodies, whose details.field is empty', () => {
    const body = { code: 429, message: 'Rate limit exceeded', details: { field: '', reason: 'Retry with back-off.' } };
    expect(explainStatus(createChannel, 429, body)!.field).toBeUndefined();
    expect(explainStatus(createChannel, 503, { ...body, code: 503 })!.field).toBeUndefined();
  });

  it('does not advise retrying a POST after a 5xx, as the relay did not either; a GET keeps the row\'s advice', () => {
    const post = explainStatus(createChannel, 503, { code: 503, message: 'Service unavailable' })!;
    expect(post.measures).toMatch(/POST is not idempotent .* not sent again automatically/);
    expect(post.measures).not.toMatch(/fail over/);
    expect(explainStatus(getOperation('create-channel'), 429, {})!.measures).toMatch(/retry with back-off/);
    expect(explainStatus(getOperation('get-channel'), 503, {})!.measures).toMatch(/fail over/);
  });
});

describe('whyAttempts', () => {
  const attempt = (status: number | null, next?: string) => ({ host: 'api.agora.io', status, error: null, waitMs: 0, durationMs: 1, ...(next ? { next } : {}) });

  it('gives the relay\'s reason for a single attempt', () => {
    expect(whyAttempts([attempt(503, 'POST is not idempotent …, so it was not retried.')])).toEqual({
      heading: 'Why one attempt',
      reasons: ['POST is not idempotent …, so it was not retried.'],
    });
  });

  it('gives one reason per attempt that led to another, naming its outcome and host', () => {
    expect(whyAttempts([attempt(503, 'Retried after 1.1 s.'), attempt(200)])).toEqual({
      heading: 'Why 2 attempts',
      reasons: ['After attempt 1 (503 from api.agora.io): Retried after 1.1 s.'],
    });
  });

  it('is silent for one attempt that simply answered, and falls back to the note of an older relay', () => {
    expect(whyAttempts([attempt(200)])).toBeNull();
    expect(whyAttempts([attempt(503)], 'Gave up.')).toEqual({ heading: 'Why one attempt', reasons: ['Gave up.'] });
  });
});
