import { describe, expect, it } from 'vitest';
import { defaultRequest } from '../../request/build';
import { toEnvelope } from './envelope';
import { createChannel, getChannel } from './testing/fixtures';

describe('toEnvelope', () => {
  const request = defaultRequest(createChannel);

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

  it('keeps the primary domain down for the whole request when asked', () => {
    expect(toEnvelope(request, { environment: 'sandbox', fault: 'down' }).headers).toEqual({ 'X-Sandbox-Fault': 'down;times=100' });
  });

  it('uses a Bearer token for bearer operations and sends no body for GET', () => {
    const envelope = toEnvelope(defaultRequest(getChannel), {
      environment: 'sandbox',
      credentials: { kind: 'bearer', token: 'demo-token' },
    });
    expect(envelope.headers).toEqual({ Authorization: 'Bearer demo-token' });
    expect('body' in envelope).toBe(false);
  });
});
