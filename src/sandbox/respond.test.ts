/** The sandbox's CORS rule: reads and credentialed calls only, never administrative paths. */
import { createSandbox } from './index';
import { corsAllowed, preflight, refuseCrossSite } from './respond';

const BASE = 'http://127.0.0.1:4010';
const APP_ID = '0123456789abcdef0123456789abcdef';
const AUTH = `Basic ${btoa('demo-customer-id:demo-customer-secret')}`;
const channels = `/dev/v1/channel/${APP_ID}`;

const ask = (path: string, method: string, headers = '') =>
  preflight(new Request(`${BASE}${path}`, {
    method: 'OPTIONS',
    headers: { origin: 'https://app.example', 'access-control-request-method': method, ...(headers ? { 'access-control-request-headers': headers } : {}) },
  }));

describe('sandbox CORS', () => {
  it('is allowed for reads and for calls carrying credentials, never for administrative paths', () => {
    expect(corsAllowed(channels, 'GET', false)).toBe(true);
    expect(corsAllowed(channels, 'HEAD', false)).toBe(true);
    expect(corsAllowed('/v1/apps/x/cloud_recording/acquire', 'POST', true)).toBe(true);
    expect(corsAllowed('/v1/apps/x/cloud_recording/acquire', 'POST', false)).toBe(false);
    expect(corsAllowed('/v1/x', 'DELETE', false)).toBe(false);
    expect(corsAllowed('/__sandbox/reset', 'POST', true)).toBe(false);
    expect(corsAllowed('/sandbox/__sandbox/reset', 'GET', true)).toBe(false);
  });

  it('answers preflights the way it answers the calls they announce', () => {
    const read = ask(channels, 'GET');
    expect(read.headers.get('access-control-allow-origin')).toBe('*');
    expect(read.headers.get('access-control-allow-methods')).toBe('GET, HEAD, OPTIONS');
    const credentialed = ask('/v1/apps/x/cloud_recording/acquire', 'POST', 'authorization, content-type');
    expect(credentialed.headers.get('access-control-allow-origin')).toBe('*');
    expect(credentialed.headers.get('access-control-allow-methods')).toContain('POST');
    for (const refused of [ask('/v1/apps/x/cloud_recording/acquire', 'POST', 'content-type'), ask('/__sandbox/reset', 'POST', 'authorization')]) {
      expect(refused.status).toBe(204);
      expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it('adds CORS to answers only where allowed, on the real handler', async () => {
    const { handler } = createSandbox();
    const read = await handler(new Request(`${BASE}${channels}`, { headers: { authorization: AUTH } }));
    expect(read.headers.get('access-control-allow-origin')).toBe('*');
    expect(read.headers.get('access-control-expose-headers')).toContain('X-Request-ID');
    const anonymousWrite = await handler(new Request(`${BASE}/v1/apps/${APP_ID}/cloud_recording/acquire`, { method: 'POST', body: '{}' }));
    expect(anonymousWrite.headers.get('access-control-allow-origin')).toBeNull();
    const issued = await handler(new Request(`${BASE}/__sandbox/projects`, { method: 'POST' }));
    expect(issued.status).toBe(201); // curl and same-origin callers create projects
    expect(issued.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses an administrative call from another site outright (a form post needs no preflight)', async () => {
    const { handler } = createSandbox();
    const fromElsewhere = await handler(new Request(`${BASE}/__sandbox/reset`, { method: 'POST', headers: { origin: 'https://evil.example' } }));
    expect(fromElsewhere.status).toBe(403);
    expect((await fromElsewhere.json()).error.code).toBe('cross_site_refused');
    expect(refuseCrossSite(new Request(`${BASE}/__sandbox/reset`, { method: 'POST', headers: { 'sec-fetch-site': 'cross-site' } }))?.status).toBe(403);
    expect(refuseCrossSite(new Request(`${BASE}/__sandbox/reset`, { method: 'POST', headers: { origin: 'null' } }))?.status).toBe(403);
    expect(refuseCrossSite(new Request(`${BASE}/__sandbox/reset`, { method: 'POST', headers: { origin: BASE, 'sec-fetch-site': 'same-origin' } }))).toBeNull();
    expect(refuseCrossSite(new Request(`${BASE}${channels}`, { headers: { origin: 'https://evil.example' } }))).toBeNull();
  });
});
