import { describe, expect, it } from 'vitest';
import { getOperation } from '../../catalog';
import { explainFailure, explainStatus, fieldFor } from './explain';
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
    expect(explainFailure(new SendError('upstream', 'ENOTFOUND')).title).toBe('Agora could not be reached');
  });
});
