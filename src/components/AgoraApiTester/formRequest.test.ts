// The form sends what the request builder builds: the tester's default form,
// a reader's edits, and the requests the snippet execution tests run
// (src/snippets/execute.test.ts) are one and the same.
import { describe, expect, it } from 'vitest';
import { listOperations } from '../../catalog';
import type { OperationModel } from '../../catalog/types';
import { defaultRequest, requestFromValues, type RequestOverrides } from '../../request/build';
import { executionOverrides } from '../../snippets/fixtures';
import { initialForm, setBody, setParam, setServer, type FormState } from './formModel';
import { createChannel, listCloudPlayers } from './testing/fixtures';

/** What a reader types to send `overrides`: one field at a time. */
function typed(op: OperationModel, overrides: RequestOverrides): FormState {
  let form = initialForm(op);
  if (overrides.server) form = setServer(form, overrides.server);
  for (const [name, value] of Object.entries(overrides.pathParams ?? {})) form = setParam(form, 'path', name, value);
  for (const [name, value] of Object.entries(overrides.query ?? {})) form = setParam(form, 'query', name, value);
  for (const [name, value] of Object.entries(overrides.headers ?? {})) form = setParam(form, 'header', name, value);
  if ('body' in overrides) form = setBody(form, overrides.body);
  return form;
}

describe('the form request', () => {
  it('is built from the form: chosen server, catalog order, empty query values left out', () => {
    expect(requestFromValues(createChannel, setServer(initialForm(createChannel), 'api.sd-rtn.com'))).toEqual({
      operationId: 'create-channel',
      method: 'POST',
      server: 'api.sd-rtn.com',
      pathTemplate: '/v1/projects/{projectId}/rtc/channels',
      pathParams: { projectId: '0123456789abcdef0123456789abcdef' },
      query: {},
      headers: {},
      body: createChannel.requestBody!.example,
      auth: 'basic',
    });
    let form = setParam(initialForm(listCloudPlayers), 'query', 'filter', 'channelName eq demo');
    form = setParam(form, 'query', 'pageSize', '');
    const request = requestFromValues(listCloudPlayers, form);
    expect(request.query).toEqual({ filter: 'channelName eq demo' });
    expect(request.body).toBeUndefined();
  });

  describe.each(listOperations().map((op) => [op.id, op] as const))('%s', (_id, op) => {
    it('starts as the default request the execution tests send', () => {
      expect(requestFromValues(op, initialForm(op))).toEqual(defaultRequest(op));
    });

    it('with the ids of earlier calls typed in, is the request the execution tests send', () => {
      const overrides = executionOverrides(op, { resourceId: 'r-1', sid: 's-1', banRuleId: 7, playerId: 'p-1' });
      expect(requestFromValues(op, typed(op, overrides))).toEqual(defaultRequest(op, overrides));
    });
  });
});
