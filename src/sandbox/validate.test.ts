import { describe, expect, it } from 'vitest';
import { getOperation } from '../catalog';
import type { OperationModel } from '../catalog/types';
import { toFieldError, validateBody, validateParams } from './validate';

const APP = '0123456789abcdef0123456789abcdef';

describe('sandbox validation (the catalog validator, worded for an error body)', () => {
  it('names the first field and quotes the refused value back', () => {
    const op = getOperation('list-channels');
    expect(validateParams(op, { appid: APP }, new URLSearchParams('page_size=900'))).toEqual({ field: 'page_size', reason: 'must be at most 500 (got 900).' });
    expect(validateParams(op, { appid: APP }, new URLSearchParams('page_size=&other=x'))).toBeNull();
  });

  it('does not quote a value for a missing field or a choice between fields', () => {
    // A schema of its own, so the test does not depend on which catalog body has a choice today.
    const choice = {
      id: 'test-exactly-one',
      params: [],
      pathParams: [],
      queryParams: [],
      headerParams: [],
      requestBody: {
        required: true,
        contentType: 'application/json',
        example: {},
        schema: {
          type: 'object',
          properties: { time: { type: 'integer' }, time_in_seconds: { type: 'integer' } },
          oneOf: [{ required: ['time'] }, { required: ['time_in_seconds'] }],
        },
      },
    } as unknown as OperationModel;
    expect(validateBody(choice, {})).toEqual({ field: 'time', reason: 'set exactly one of time and time_in_seconds.' });
    expect(validateBody(getOperation('acquire'), { cname: 'demo', clientRequest: {} })).toEqual({ field: 'uid', reason: 'is required.' });
  });

  it('checks the headers an operation declares, when given', () => {
    const op = getOperation('list-cloud-players');
    const bad = new Headers({ 'x-request-id': 'has space' });
    expect(validateParams(op, { appId: APP }, new URLSearchParams(), bad)?.field).toBe('X-Request-ID');
    expect(validateParams(op, { appId: APP }, new URLSearchParams(), new Headers({ 'X-Request-ID': 'ok-1' }))).toBeNull();
  });

  it('shortens a long refused value', () => {
    const reason = toFieldError({
      location: 'body', path: ['a'], kind: 'type', limits: {}, fields: [['a']], field: 'a', received: 'x'.repeat(100), reason: 'must be a whole number.', message: '',
    }).reason;
    expect(reason).toBe(`must be a whole number (got "${'x'.repeat(56)}...).`);
  });
});
