import { describe, expect, it } from 'vitest';
import { sendToRelay, SendError } from './send';
import type { RelayEnvelope } from '../../relay/core/contract';

const envelope: RelayEnvelope = { operationId: 'acquire', environment: 'sandbox' };

function reply(status: number, body: unknown, headers: Record<string, string> = {}): typeof fetch {
  return async () => new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers });
}

async function failure(promise: Promise<unknown>): Promise<SendError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SendError) return error;
    throw error;
  }
  throw new Error('expected a SendError');
}

describe('sendToRelay', () => {
  it('posts the envelope as JSON and returns the relay result for any upstream status', async () => {
    let seen: RequestInit | undefined;
    const result = { status: 401, statusText: 'Unauthorized', headers: {}, body: {}, sizeBytes: 2, durationMs: 3, attempts: [] };
    const fetchImpl: typeof fetch = async (_url, init) => {
      seen = init;
      return new Response(JSON.stringify(result), { status: 200 });
    };
    await expect(sendToRelay(envelope, { fetch: fetchImpl })).resolves.toEqual(result);
    expect(seen?.method).toBe('POST');
    expect(JSON.parse(String(seen?.body))).toEqual(envelope);
  });

  it('types relay refusals and upstream failures', async () => {
    const refused = await failure(sendToRelay(envelope, { fetch: reply(429, { error: { code: 'rate_limited', message: 'slow down' } }, { 'retry-after': '2' }) }));
    expect([refused.kind, refused.details.code, refused.details.retryAfterSeconds]).toEqual(['blocked', 'rate_limited', 2]);
    const timeout = await failure(sendToRelay(envelope, { fetch: reply(504, { error: { code: 'upstream_timeout', message: 't' }, attempts: [] }) }));
    expect(timeout.kind).toBe('timeout');
    const unreachable = await failure(sendToRelay(envelope, { fetch: reply(502, { error: { code: 'upstream_unreachable', message: 'dns' } }) }));
    expect(unreachable.kind).toBe('upstream');
    const notRelay = await failure(sendToRelay(envelope, { fetch: reply(404, '<html>') }));
    expect(notRelay.kind).toBe('network');
  });

  it('reports a network failure and a cancel distinctly', async () => {
    const network = await failure(sendToRelay(envelope, { fetch: async () => { throw new TypeError('Failed to fetch'); } }));
    expect(network.kind).toBe('network');

    const controller = new AbortController();
    const hanging: typeof fetch = (_url, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    const pending = sendToRelay(envelope, { fetch: hanging, signal: controller.signal });
    controller.abort();
    expect((await failure(pending)).kind).toBe('abort');

    const slow = await failure(sendToRelay(envelope, { fetch: hanging, timeoutMs: 20 }));
    expect(slow.kind).toBe('timeout');
  });
});
