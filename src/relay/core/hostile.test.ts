/**
 * Hostile inputs: each is refused before any upstream call, or neutralised so
 * the upstream sees only what the catalog allows. The fake upstream counts calls.
 */
import { APP_ID } from '../testing/fixtures';
import { fakeUpstream, makeRelay, readJson, relayRequest, type EnvelopeInit } from '../testing/harness';
import type { RelayOptions } from './options';

const acquire = (extra: Record<string, unknown> = {}) => ({
  operationId: 'acquire',
  environment: 'live',
  path: { appid: APP_ID },
  body: { cname: 'demo', uid: '1', clientRequest: {} },
  ...extra,
});

interface RefusalCase {
  name: string;
  envelope?: unknown;
  init?: EnvelopeInit;
  options?: Partial<RelayOptions>;
  status: number;
  code: string;
  message?: RegExp;
}

const big = 'x'.repeat(1024 * 1024 + 10);

const refusals: RefusalCase[] = [
  { name: 'unknown operation', envelope: acquire({ operationId: 'delete-everything' }), status: 404, code: 'unknown_operation', message: /Valid ids/ },
  { name: 'server not in the catalog', envelope: acquire({ server: 'evil.example.com' }), status: 400, code: 'host_not_allowed', message: /api\.agora\.io/ },
  { name: 'catalog host with a port', envelope: acquire({ server: 'api.agora.io:8443' }), status: 400, code: 'host_not_allowed' },
  { name: 'catalog host with user info', envelope: acquire({ server: 'user:pw@api.agora.io' }), status: 400, code: 'host_not_allowed' },
  { name: 'server given as a URL', envelope: acquire({ server: 'https://api.agora.io' }), status: 400, code: 'host_not_allowed' },
  { name: 'metadata address as server', envelope: acquire({ server: '169.254.169.254' }), status: 400, code: 'host_not_allowed' },
  { name: 'server with trailing dot', envelope: acquire({ server: 'api.agora.io.' }), status: 400, code: 'host_not_allowed' },
  { name: 'server upper-cased lookalike', envelope: acquire({ server: 'API.AGORA.IO.evil.com' }), status: 400, code: 'host_not_allowed' },
  { name: 'server as a number', envelope: acquire({ server: 443 }), status: 400, code: 'bad_envelope' },
  { name: 'path parameter ".."', envelope: acquire({ path: { appid: '..' } }), status: 400, code: 'bad_path_param' },
  { name: 'path parameter "."', envelope: acquire({ path: { appid: '.' } }), status: 400, code: 'bad_path_param' },
  { name: 'missing path parameter', envelope: acquire({ path: {} }), status: 400, code: 'bad_path_param', message: /appid/ },
  { name: 'unknown path parameter', envelope: acquire({ path: { appid: APP_ID, host: 'evil.com' } }), status: 400, code: 'bad_path_param' },
  { name: 'CR/LF in a header value', envelope: acquire({ headers: { 'X-Request-ID': 'a\r\nX-Injected: 1' } }), status: 400, code: 'bad_header' },
  { name: 'LF alone in a header value', envelope: acquire({ headers: { Authorization: 'Basic abc\nHost: evil' } }), status: 400, code: 'bad_header' },
  { name: 'CR/LF in a header name', envelope: acquire({ headers: { 'X-A\r\nHost': 'evil' } }), status: 400, code: 'bad_header' },
  { name: 'colon in a header name', envelope: acquire({ headers: { 'Host: evil': 'x' } }), status: 400, code: 'bad_header' },
  { name: 'NUL in a header value', envelope: acquire({ headers: { 'X-A': 'a\u0000b' } }), status: 400, code: 'bad_header' },
  { name: 'empty header name', envelope: acquire({ headers: { '': 'x' } }), status: 400, code: 'bad_header' },
  { name: 'oversized body', envelope: acquire({ body: { blob: big } }), status: 413, code: 'body_too_large' },
  { name: 'oversized declared Content-Length', init: { raw: '{}', headers: { 'content-length': String(5 * 1024 * 1024) } }, status: 413, code: 'body_too_large' },
  { name: 'oversized envelope headers', envelope: acquire({ headers: { 'X-Big': 'y'.repeat(9000) } }), status: 431, code: 'headers_too_large' },
  { name: 'oversized request headers', envelope: acquire(), init: { headers: { 'x-padding': 'z'.repeat(17 * 1024) } }, status: 431, code: 'headers_too_large' },
  { name: 'malformed JSON', init: { raw: '{"operationId": "acquire",' }, status: 400, code: 'bad_envelope', message: /not valid JSON/ },
  { name: 'JSON array instead of object', envelope: [acquire()], status: 400, code: 'bad_envelope', message: /array/ },
  { name: 'JSON null', init: { raw: 'null' }, status: 400, code: 'bad_envelope' },
  { name: 'operationId of the wrong type', envelope: acquire({ operationId: 7 }), status: 400, code: 'bad_envelope' },
  { name: 'operationId missing', envelope: { environment: 'live' }, status: 400, code: 'bad_envelope' },
  { name: 'unknown environment', envelope: acquire({ environment: 'production' }), status: 400, code: 'bad_envelope' },
  { name: 'path given as an array', envelope: acquire({ path: [APP_ID] }), status: 400, code: 'bad_envelope', message: /array/ },
  { name: 'headers given as an array', envelope: acquire({ headers: [['Host', 'evil']] }), status: 400, code: 'bad_envelope' },
  { name: 'header value that is an object', envelope: acquire({ headers: { 'X-A': { toString: 'x' } } }), status: 400, code: 'bad_envelope' },
  { name: 'nested query value', envelope: { operationId: 'list-channels', environment: 'live', path: { appid: APP_ID }, query: { page_no: { $gt: 1 } } }, status: 400, code: 'bad_envelope' },
  { name: 'query parameter the operation does not have', envelope: { operationId: 'list-channels', environment: 'live', path: { appid: APP_ID }, query: { redirect: 'http://x' } }, status: 400, code: 'bad_envelope' },
  { name: 'a client-sent URL field', envelope: acquire({ url: 'http://169.254.169.254/latest/meta-data' }), status: 400, code: 'bad_envelope', message: /never send one/ },
  { name: 'prototype key at the top level', init: { raw: '{"operationId":"acquire","environment":"live","__proto__":{"server":"evil.com"}}' }, status: 400, code: 'bad_envelope' },
  { name: 'prototype key as a path parameter', init: { raw: `{"operationId":"acquire","environment":"live","path":{"appid":"${APP_ID}","__proto__":"x"}}` }, status: 400, code: 'bad_path_param' },
  { name: 'retry of the wrong type', envelope: acquire({ retry: 'yes' }), status: 400, code: 'bad_envelope' },
  { name: 'body on a GET operation', envelope: { operationId: 'list-channels', environment: 'live', path: { appid: APP_ID }, body: { a: 1 } }, status: 400, code: 'bad_envelope' },
  { name: 'disallowed origin', envelope: acquire(), init: { headers: { origin: 'https://evil.example' } }, status: 403, code: 'origin_not_allowed' },
  { name: 'disallowed origin preflight', init: { method: 'OPTIONS', headers: { origin: 'https://evil.example' } }, status: 403, code: 'origin_not_allowed' },
  { name: 'GET instead of POST', init: { method: 'GET' }, status: 405, code: 'method_not_allowed' },
  { name: 'PUT instead of POST', envelope: acquire(), init: { method: 'PUT' }, status: 405, code: 'method_not_allowed' },
  { name: 'text/plain body (cross-site form post)', envelope: acquire(), init: { headers: { 'content-type': 'text/plain' } }, status: 415, code: 'unsupported_media_type' },
  { name: 'live calls disabled', envelope: acquire(), options: { live: false }, status: 403, code: 'live_disabled' },
  { name: 'sandbox requested where none is mounted', envelope: acquire({ environment: 'sandbox' }), options: { sandbox: undefined }, status: 503, code: 'sandbox_unavailable' },
];

describe('hostile envelopes are refused without an upstream call', () => {
  it.each(refusals)('$name -> $status $code', async ({ envelope, init, options, status, code, message }) => {
    const { handler, live, sandbox } = makeRelay(options);
    const response = await handler(relayRequest(envelope, init));
    expect(response.status).toBe(status);
    const body = await readJson(response);
    expect(body.error.code).toBe(code);
    expect(typeof body.error.message).toBe('string');
    if (message) expect(body.error.message).toMatch(message);
    expect(live.calls).toHaveLength(0);
    expect(sandbox.calls).toHaveLength(0);
  });

  it('answers 405 with an Allow header', async () => {
    const { handler } = makeRelay();
    const response = await handler(relayRequest(undefined, { method: 'DELETE' }));
    expect(response.headers.get('allow')).toBe('POST, OPTIONS');
  });

  it('rate-limits per client and says when to come back', async () => {
    const { handler, live } = makeRelay({ rateLimit: { max: 2, windowMs: 60_000 } });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await handler(relayRequest(acquire()))).status);
    const limited = await handler(relayRequest(acquire()));
    expect(statuses).toEqual([200, 200, 429]);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await readJson(limited)).error.code).toBe('rate_limited');
    expect(live.calls).toHaveLength(2);
    // Another client is not affected.
    const other = await handler(relayRequest(acquire(), { headers: { 'x-client-ip': '198.51.100.1' } }));
    expect(other.status).toBe(200);
  });
});

describe('hostile values are neutralised', () => {
  const segments: Array<[string, string]> = [
    ['../../admin', '..%2F..%2Fadmin'],
    ['%2e%2e', '%252e%252e'],
    ['..%2f', '..%252f'],
    ['x?admin=1', 'x%3Fadmin%3D1'],
    ['x#frag', 'x%23frag'],
    ['@evil.com', '%40evil.com'],
    ['a/b', 'a%2Fb'],
    ['a b', 'a%20b'],
  ];
  it.each(segments)('path parameter %j stays one encoded segment', async (value, encoded) => {
    const { handler, live } = makeRelay();
    const response = await handler(relayRequest(acquire({ path: { appid: value } })));
    expect(response.status).toBe(200);
    expect(live.calls).toHaveLength(1);
    const url = new URL(live.calls[0].url);
    expect(url.origin).toBe('https://api.agora.io');
    expect(url.port).toBe('');
    expect(url.search).toBe('');
    expect(url.hash).toBe('');
    expect(live.calls[0].url).toBe(`https://api.agora.io/v1/apps/${encoded}/cloud_recording/acquire`);
  });

  it('encodes query values and keeps catalog order', async () => {
    const { handler, live } = makeRelay();
    await handler(relayRequest({ operationId: 'list-channels', environment: 'live', path: { appid: APP_ID }, query: { page_size: 'a&b=c', page_no: 0 } }));
    expect(live.calls[0].url).toBe(`https://api.agora.io/dev/v1/channel/${APP_ID}?page_no=0&page_size=a%26b%3Dc`);
  });

  it('strips hop-by-hop, Connection-named, Host, Origin, Cookie, Proxy-* and X-Forwarded-* headers', async () => {
    const { handler, live } = makeRelay();
    await handler(
      relayRequest(
        acquire({
          headers: {
            Authorization: 'Basic abc',
            Host: 'evil.example',
            Origin: 'https://evil.example',
            Cookie: 'session=1',
            'Proxy-Authorization': 'Basic x',
            'X-Forwarded-For': '10.0.0.1',
            'X-Forwarded-Host': 'evil.example',
            Connection: 'close, X-Secret-Hop',
            'X-Secret-Hop': '1',
            'Keep-Alive': 'timeout=5',
            TE: 'trailers',
            'Transfer-Encoding': 'chunked',
            Upgrade: 'websocket',
            'X-Sandbox-Fault': '503',
            'X-Custom': 'kept',
          },
        }),
        { headers: { cookie: 'site=1', 'x-forwarded-for': '1.2.3.4' } },
      ),
    );
    const sent = live.calls[0].headers;
    for (const name of ['host', 'origin', 'cookie', 'proxy-authorization', 'x-forwarded-for', 'x-forwarded-host', 'connection', 'x-secret-hop', 'keep-alive', 'te', 'transfer-encoding', 'upgrade', 'x-sandbox-fault']) {
      expect(sent.has(name), name).toBe(false);
    }
    expect(sent.get('authorization')).toBe('Basic abc');
    expect(sent.get('x-custom')).toBe('kept');
  });

  it('forwards X-Sandbox-* only to the sandbox', async () => {
    const { handler, sandbox } = makeRelay({ sandboxBasePath: '/sandbox' });
    await handler(relayRequest(acquire({ environment: 'sandbox', headers: { 'X-Sandbox-Fault': '503' } })));
    expect(sandbox.calls[0].headers.get('x-sandbox-fault')).toBe('503');
    expect(sandbox.calls[0].url).toBe(`https://api.agora.io/sandbox/v1/apps/${APP_ID}/cloud_recording/acquire`);
  });

  it('does not follow an upstream redirect to the metadata address', async () => {
    const upstream = fakeUpstream(() => new Response(null, { status: 302, headers: { location: 'http://169.254.169.254/latest/meta-data/' } }));
    const { handler } = makeRelay({ fetch: upstream });
    const response = await handler(relayRequest({ operationId: 'list-channels', environment: 'live', path: { appid: APP_ID } }));
    const body = await readJson(response);
    expect(response.status).toBe(502);
    expect(body.error.code).toBe('upstream_redirect');
    expect(body.attempts).toHaveLength(1);
    expect(body.attempts[0].error.kind).toBe('redirect');
    expect(upstream.calls).toHaveLength(1);
    expect(upstream.calls[0].redirect).toBe('manual');
    expect(upstream.calls.every((call) => new URL(call.url).hostname === 'api.agora.io')).toBe(true);
  });

  it('drops upstream Set-Cookie, Access-Control-* and framing headers', async () => {
    const upstream = fakeUpstream(
      () =>
        new Response('{"ok":true}', {
          headers: {
            'content-type': 'application/json',
            'set-cookie': 'track=1; Path=/',
            'access-control-allow-origin': '*',
            'access-control-allow-credentials': 'true',
            'x-resource-id': 'res-1',
            'x-request-id': 'req-1',
          },
        }),
    );
    const { handler } = makeRelay({ fetch: upstream });
    const response = await handler(relayRequest(acquire()));
    const body = await readJson(response);
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(Object.keys(body.headers)).not.toContain('set-cookie');
    expect(Object.keys(body.headers).some((name) => name.startsWith('access-control-'))).toBe(false);
    expect(response.headers.get('x-resource-id')).toBe('res-1');
    expect(response.headers.get('x-request-id')).toBe('req-1');
  });

  it('generates an X-Request-ID when absent and keeps a given one', async () => {
    const { handler, live } = makeRelay({ randomUUID: () => 'generated-id' });
    await handler(relayRequest(acquire()));
    await handler(relayRequest(acquire({ headers: { 'x-request-id': 'mine' } })));
    expect(live.calls[0].headers.get('x-request-id')).toBe('generated-id');
    expect(live.calls[1].headers.get('x-request-id')).toBe('mine');
  });

  it('allows configured origins and same-origin calls, with CORS headers only for the former', async () => {
    const { handler } = makeRelay({ allowedOrigins: ['https://docs.example'] });
    const cross = await handler(relayRequest(acquire(), { headers: { origin: 'https://docs.example' } }));
    expect(cross.status).toBe(200);
    expect(cross.headers.get('access-control-allow-origin')).toBe('https://docs.example');
    const same = await handler(relayRequest(acquire(), { headers: { origin: 'http://relay.test' } }));
    expect(same.status).toBe(200);
    expect(same.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await handler(relayRequest(undefined, { method: 'OPTIONS', headers: { origin: 'https://docs.example' } }));
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toBe('POST, OPTIONS');
  });
});

describe('server-side credentials', () => {
  const creds = { customerId: 'server-id', customerSecret: 'server-secret' };
  const expected = `Basic ${btoa('server-id:server-secret')}`;

  it('are off by default', async () => {
    const { handler, live } = makeRelay();
    await handler(relayRequest(acquire()));
    expect(live.calls[0].headers.has('authorization')).toBe(false);
  });

  it('fill in a live request without Authorization, never override one, never go to the sandbox', async () => {
    const { handler, live, sandbox } = makeRelay({ serverCredentials: creds });
    await handler(relayRequest(acquire()));
    await handler(relayRequest(acquire({ headers: { Authorization: 'Basic mine' } })));
    await handler(relayRequest(acquire({ environment: 'sandbox' })));
    expect(live.calls[0].headers.get('authorization')).toBe(expected);
    expect(live.calls[1].headers.get('authorization')).toBe('Basic mine');
    expect(sandbox.calls[0].headers.has('authorization')).toBe(false);
  });
});

describe('logging', () => {
  it('never contains Authorization, secrets or bodies', async () => {
    const secret = 'c2VjcmV0LXZhbHVlLTEyMzQ1';
    const { handler, logs } = makeRelay({
      serverCredentials: { customerId: 'server-id', customerSecret: 'server-secret-xyz' },
      fetch: fakeUpstream(() => Response.json({ token: 'upstream-secret-token' }, { status: 503 })),
    });
    await handler(relayRequest(acquire({ headers: { Authorization: `Basic ${secret}` }, body: { storageConfig: { secretKey: 'body-secret-key' } } })));
    await handler(relayRequest(acquire({ headers: { 'X-A': `bad\n${secret}` } })));
    await handler(relayRequest(acquire({ server: `evil-${secret}.com` })));
    await handler(relayRequest(acquire({ path: { appid: '..' } })));
    await handler(relayRequest({ operationId: 'list-channels', environment: 'live', path: { appid: APP_ID } }));
    expect(logs.length).toBe(5);
    const text = JSON.stringify(logs);
    for (const needle of [secret, 'server-secret-xyz', btoa('server-id:server-secret-xyz'), 'body-secret-key', 'upstream-secret-token', 'Basic', 'evil-']) {
      expect(text).not.toContain(needle);
    }
    expect(logs[0]).toMatchObject({ event: 'relayed', operationId: 'acquire', status: 503 });
    expect(logs[1]).toMatchObject({ event: 'refused', code: 'bad_header', status: 400 });
  });

  it('survives a logger that throws', async () => {
    const { handler } = makeRelay({
      logger: {
        log: () => {
          throw new Error('disk full');
        },
      },
    });
    expect((await handler(relayRequest(acquire()))).status).toBe(200);
  });
});
