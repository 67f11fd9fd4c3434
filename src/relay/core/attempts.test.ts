/**
 * What each attempt tells the client: the request it sent (credentials masked
 * by the relay) and, in words, why the relay went on or stopped.
 */
import { getOperation } from '../../catalog';
import { MASK, type RelayAttempt } from '../contract';
import { APP_ID } from '../testing/fixtures';
import { fakeUpstream, makeRelay, readJson, relayRequest } from '../testing/harness';
import { isCredentialHeader, maskCredential, sentRequestBuilder } from './sent';

const BASIC = `Basic ${btoa('customer:very-secret')}`;
const query = { operationId: 'query-recording', environment: 'live', path: { appid: APP_ID, resourceid: 'r1', sid: 's1', mode: 'mix' }, headers: { Authorization: BASIC } };
const acquire = { operationId: 'acquire', environment: 'live', path: { appid: APP_ID }, headers: { Authorization: BASIC }, body: { cname: 'demo', uid: '1', clientRequest: {} } };

/** An upstream that answers each call from the list in turn (the last one repeats). */
function answers(...list: Array<{ status: number; headers?: Record<string, string> }>) {
  return fakeUpstream((_req, call) => {
    const { status, headers } = list[Math.min(call, list.length) - 1];
    return Response.json({ code: status }, { status, headers });
  });
}

async function attemptsOf(response: Response): Promise<{ text: string; attempts: RelayAttempt[]; note?: string }> {
  const text = await response.text();
  const body = JSON.parse(text) as { attempts: RelayAttempt[]; note?: string };
  return { text, attempts: body.attempts, note: body.note };
}

describe('the request each attempt sent', () => {
  it('carries method, full URL, headers and body, with the credential masked by the relay', async () => {
    const { handler } = makeRelay({ fetch: answers({ status: 200 }) });
    const { text, attempts } = await attemptsOf(await handler(relayRequest(acquire)));
    expect(attempts).toHaveLength(1);
    const sent = attempts[0].request!;
    expect(sent.method).toBe('POST');
    expect(sent.url).toBe(`https://api.agora.io/v1/apps/${APP_ID}/cloud_recording/acquire`);
    expect(sent.headers.authorization).toBe(`Basic ${MASK}`);
    expect(sent.headers['content-type']).toBe('application/json');
    expect(JSON.parse(sent.body!)).toEqual(acquire.body);
    expect(sent.bodyBytes).toBe(JSON.stringify(acquire.body).length);
    // The credential never comes back over the wire, in any form.
    expect(text).not.toContain(btoa('customer:very-secret'));
    expect(text).not.toContain('very-secret');
  });

  it('names each attempt\'s own host in its URL, and the failure answer carries the same data', async () => {
    const { handler } = makeRelay({
      fetch: fakeUpstream(() => {
        throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ENOTFOUND' } });
      }),
    });
    const response = await handler(relayRequest(query));
    expect(response.status).toBe(502);
    const { attempts } = await attemptsOf(response);
    expect(attempts.map((a) => new URL(a.request!.url).host)).toEqual(attempts.map((a) => a.host));
    expect(attempts.every((a) => a.request!.headers.authorization === `Basic ${MASK}`)).toBe(true);
    expect(attempts.at(-1)!.next).toMatch(/Gave up after 4 attempts/);
  });
});

describe('why this many attempts', () => {
  it('a POST that got 503 is answered once, with the reason it was not retried', async () => {
    const { handler } = makeRelay({ fetch: answers({ status: 503 }) });
    const { attempts, note } = await attemptsOf(await handler(relayRequest(acquire)));
    expect(attempts).toHaveLength(1);
    expect(attempts[0].next).toBe('POST is not idempotent and the server received the request (503); repeating it could act twice, so it was not retried.');
    expect(note).toBe(attempts[0].next);
  });

  it('a GET that got 503 is retried on the same host, and says after how long and why', async () => {
    const { handler } = makeRelay({ fetch: answers({ status: 503 }, { status: 200 }) });
    const { attempts } = await attemptsOf(await handler(relayRequest(query)));
    expect(attempts.map((a) => a.status)).toEqual([503, 200]);
    expect(attempts[0].next).toBe(
      'Retried after 1.1 s (back-off step 1 of 3: 1 s–1.2 s) to the same host api.agora.io: 503 is a temporary server failure, and GET is idempotent, so a repeat cannot act twice.',
    );
    expect(attempts[1].next).toBeUndefined();
  });

  it('a 429 with Retry-After: even a POST is retried, after the time the server asked, on the same host', async () => {
    const { handler, clock } = makeRelay({ fetch: answers({ status: 429, headers: { 'retry-after': '4' } }, { status: 200 }) });
    const { attempts } = await attemptsOf(await handler(relayRequest(acquire)));
    expect(clock.waits).toEqual([4000]);
    expect(attempts[0].next).toMatch(/^Retried after 4 s, honouring the answer's Retry-After/);
    expect(attempts[0].next).toMatch(/same host api\.agora\.io \(the limit counts per account/);
    expect(attempts[0].next).toMatch(/safe even for POST/);
  });

  it('a primary that does not resolve: fails over to the alternate domain and says why', async () => {
    const { handler } = makeRelay({
      fetch: fakeUpstream((req) => {
        if (new URL(req.url).host === 'api.agora.io') throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ENOTFOUND' } });
        return Response.json({ ok: true });
      }),
    });
    const { attempts } = await attemptsOf(await handler(relayRequest(acquire)));
    expect(attempts.map((a) => a.host)).toEqual(['api.agora.io', 'api.agora.io', 'api.sd-rtn.com']);
    expect(attempts[0].next).toMatch(/^Retried after .* to the same host api\.agora\.io: the host name did not resolve, so the request never left\.$/);
    expect(attempts[1].next).toMatch(/^Failed over after .* to the alternate domain api\.sd-rtn\.com, failing over from api\.agora\.io/);
  });

  it('a 400 says it is final, not temporary; a success says nothing', async () => {
    const { handler } = makeRelay({ fetch: answers({ status: 400 }) });
    const { attempts, note } = await attemptsOf(await handler(relayRequest(query)));
    expect(attempts[0].next).toMatch(/^Not retried: 400 is the server's answer/);
    expect(note).toBeUndefined();
  });
});

describe('masking', () => {
  it('masks credential-like headers by name, keeping the scheme', () => {
    expect(['authorization', 'proxy-authorization', 'x-api-key', 'cookie', 'x-auth-token', 'x-secret'].every(isCredentialHeader)).toBe(true);
    expect(['content-type', 'accept', 'x-request-id', 'x-sandbox-fault'].some(isCredentialHeader)).toBe(false);
    expect(maskCredential('Bearer abc.def')).toBe(`Bearer ${MASK}`);
    expect(maskCredential('abc')).toBe(MASK);
    expect(maskCredential('')).toBe('');
  });

  it('masks the catalog\'s secret body fields in the body it shows, not in the one it sends', () => {
    const op = getOperation('start-recording');
    const body = { cname: 'c', uid: '1', clientRequest: { storageConfig: { vendor: 1, accessKey: 'AKIA-real', secretKey: 'real-secret', bucket: 'b' } } };
    const text = JSON.stringify(body);
    const sent = sentRequestBuilder(op, { authorization: BASIC }, body, text)('https://api.agora.io/x');
    expect(sent.body).not.toContain('real-secret');
    expect(sent.body).not.toContain('AKIA-real');
    expect(JSON.parse(sent.body!).clientRequest.storageConfig).toMatchObject({ accessKey: MASK, secretKey: MASK, bucket: 'b' });
    expect(sent.bodyBytes).toBe(text.length);
    expect(body.clientRequest.storageConfig.secretKey).toBe('real-secret');
  });
});
