import { describe, expect, it } from 'vitest';
import { initialForm, setParam, setServer } from './formModel';
import { toApiRequest } from './toApiRequest';
import { toEnvelope } from './envelope';
import { createChannel, getChannel, listCloudPlayers } from './testing/fixtures';

describe('toApiRequest', () => {
  it('builds the one request model from the form', () => {
    const request = toApiRequest(createChannel, setServer(initialForm(createChannel), 'api.sd-rtn.com'));
    expect(request).toEqual({
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
  });

  it('leaves out empty query values and keeps catalog order', () => {
    let form = setParam(initialForm(listCloudPlayers), 'query', 'filter', 'channelName eq demo');
    form = setParam(form, 'query', 'pageSize', '');
    const request = toApiRequest(listCloudPlayers, form);
    expect(request.query).toEqual({ filter: 'channelName eq demo' });
    expect(request.body).toBeUndefined();
    expect(request.auth).toBe('basic');
  });
});

describe('toEnvelope', () => {
  const request = toApiRequest(createChannel, initialForm(createChannel));

  it('adds the Authorization header only here, and the fault only in the sandbox', () => {
    const envelope = toEnvelope(request, {
      environment: 'sandbox',
      credentials: { kind: 'basic', customerId: 'demo-customer-id', customerSecret: 'demo-customer-secret' },
      fault: '503',
    });
    expect(envelope).toMatchObject({ operationId: 'create-channel', environment: 'sandbox', server: 'api.agora.io', retry: true, body: request.body });
    expect(envelope.headers).toEqual({
      Authorization: 'Basic ZGVtby1jdXN0b21lci1pZDpkZW1vLWN1c3RvbWVyLXNlY3JldA==',
      'X-Sandbox-Fault': '503',
    });
    expect(request.headers).toEqual({});
    expect(toEnvelope(request, { environment: 'live', fault: '503' }).headers).toEqual({});
  });

  it('uses a Bearer token for bearer operations and sends no body for GET', () => {
    const envelope = toEnvelope(toApiRequest(getChannel, initialForm(getChannel)), {
      environment: 'sandbox',
      credentials: { kind: 'bearer', token: 'demo-token' },
    });
    expect(envelope.headers).toEqual({ Authorization: 'Bearer demo-token' });
    expect('body' in envelope).toBe(false);
  });
});
