import { describe, expect, it } from 'vitest';
import { createRelayClient, RelayClientError, type RelayCall } from './client';
import type { RelayEnvelope, RelayResult } from './contract';

const envelope: RelayEnvelope = { operationId: 'acquire', environment: 'sandbox' };

function reply(status: number, body: unknown, headers: Record<string, string> = {}): typeof fetch {
  return async () => new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers });
}

/** The error of a failed call; fails the test when the call succeeded. */
function errorOf(call: RelayCall): RelayClientError {
  if (call.ok) throw new Error(`expected a failure, got HTTP ${call.result.status}`);
  expect(call.error).toBeInstanceOf(RelayClientError);
  return call.error;
}

const hanging: typeof fetch = (_url, init) =>
  new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));

describe('relay client', () => {
  it('posts the envelope as JSON to the endpoint and returns the relay result for any upstream status', async () => {
    let seen: { url: string; init?: RequestInit } | undefined;
    const result: RelayResult = { status: 401, statusText: 'Unauthorized', headers: {}, body: {}, sizeBytes: 2, durationMs: 3, attempts: [] };
    const fetchImpl: typeof fetch = async (url, init) => {
      seen = { url: String(url), init };
      return new Response(JSON.stringify(result), { status: 200 });
    };
    await expect(createRelayClient({ fetch: fetchImpl, endpoint: '/base/api/relay' })(envelope)).resolves.toEqual({ ok: true, result });
    expect(seen?.url).toBe('/base/api/relay');
    expect(seen?.init?.method).toBe('POST');
    expect(new Headers(seen?.init?.headers).get('content-type')).toBe('application/json');
    expect(JSON.parse(String(seen?.init?.body))).toEqual(envelope);
  });

  it('types relay refusals and upstream failures, keeping the code, status, attempts and Retry-After', async () => {
    const refused = errorOf(await createRelayClient({ fetch: reply(429, { error: { code: 'rate_limited', message: 'slow down' } }, { 'retry-after': '2' }) })(envelope));
    expect([refused.kind, refused.message, refused.details]).toEqual(['blocked', 'slow down', { code: 'rate_limited', status: 429, attempts: undefined, retryAfterSeconds: 2 }]);

    const attempts = [{ host: 'api.agora.io', status: null, error: { kind: 'timeout' as const, message: 't' }, waitMs: 0, durationMs: 10_000 }];
    const timeout = errorOf(await createRelayClient({ fetch: reply(504, { error: { code: 'upstream_timeout', message: 't' }, attempts }) })(envelope));
    expect([timeout.kind, timeout.details.attempts]).toEqual(['timeout', attempts]);

    const unreachable = errorOf(await createRelayClient({ fetch: reply(502, { error: { code: 'upstream_unreachable', message: 'dns' } }) })(envelope));
    expect(unreachable.kind).toBe('upstream');

    const notRelay = errorOf(await createRelayClient({ fetch: reply(404, '<html>') })(envelope));
    expect([notRelay.kind, notRelay.details.status]).toEqual(['network', 404]);
    expect(notRelay.message).toMatch(/answered HTTP 404 without its usual JSON/);
  });

  it('reports a network failure, a cancel and its own timeout distinctly, in words', async () => {
    const network = errorOf(await createRelayClient({ fetch: async () => { throw new TypeError('Failed to fetch'); } })(envelope));
    expect([network.kind, network.message]).toEqual(['network', 'The page could not reach the relay at /api/relay: Failed to fetch']);

    const controller = new AbortController();
    const pending = createRelayClient({ fetch: hanging })(envelope, controller.signal);
    controller.abort();
    expect(errorOf(await pending)).toMatchObject({ kind: 'abort', message: 'You cancelled the request.' });

    // Cancelled before it started: nothing is sent.
    const alreadyCancelled = new AbortController();
    alreadyCancelled.abort();
    let called = false;
    const call = await createRelayClient({ fetch: async () => { called = true; return new Response('{}'); } })(envelope, alreadyCancelled.signal);
    expect([errorOf(call).kind, called]).toEqual(['abort', false]);

    const slow = errorOf(await createRelayClient({ fetch: hanging, timeoutMs: 20 })(envelope));
    expect(slow.kind).toBe('timeout');
    expect(slow.message).toMatch(/^No answer from the relay within \d+ seconds\.$/);
  });

  it('uses the global fetch of the moment it sends, not of the moment it was made', async () => {
    const client = createRelayClient();
    const original = globalThis.fetch;
    globalThis.fetch = reply(200, { status: 204, statusText: 'No Content', headers: {}, body: '', sizeBytes: 0, durationMs: 1, attempts: [] });
    try {
      const call = await client(envelope);
      expect(call.ok && call.result.status).toBe(204);
    } finally {
      globalThis.fetch = original;
    }
  });
});
