/** The Fetch form of the site, driven with `new Request(...)`, no server. */
import { post, SANDBOX_ACQUIRE } from '../relay/adapters/testing';
import { createSandbox } from '../sandbox/index';
import { createFetchSite } from './fetch';

const APP_ID = '0123456789abcdef0123456789abcdef';
const AUTH = `Basic ${btoa('demo-customer-id:demo-customer-secret')}`;
const ORIGIN = 'https://docs.example.com';
const quiet = { log: () => undefined };
const START_REQUEST = { recordingConfig: { channelType: 0 }, storageConfig: { vendor: 1, region: 0, bucket: 'b', accessKey: 'a', secretKey: 's' } };

const acquireDirect = (channel: string) =>
  new Request(`${ORIGIN}/sandbox/v1/apps/${APP_ID}/cloud_recording/acquire`, {
    method: 'POST',
    headers: { authorization: AUTH, 'content-type': 'application/json' },
    body: JSON.stringify({ cname: channel, uid: '42', clientRequest: {} }),
  });

describe('createFetchSite', () => {
  it('sends /api/relay to the relay and /sandbox to the sandbox, sharing one sandbox state', async () => {
    const site = createFetchSite({ relay: { logger: quiet } });
    const direct = await site(acquireDirect('fetchsite'));
    expect(direct.status).toBe(200);
    const { resourceId } = await direct.json();
    const started = await site(
      post(`${ORIGIN}/api/relay`, {
        operationId: 'start-recording',
        environment: 'sandbox',
        path: { appid: APP_ID, resourceid: resourceId, mode: 'mix' },
        headers: { Authorization: AUTH },
        body: { cname: 'fetchsite', uid: '42', clientRequest: START_REQUEST },
      }),
    );
    const result = await started.json();
    expect(result.status).toBe(200);
    expect(result.body.resourceId).toBe(resourceId);
  });

  it('ignores the query string when routing', async () => {
    const site = createFetchSite({ relay: { logger: quiet } });
    const response = await site(post(`${ORIGIN}/api/relay?via=test`, SANDBOX_ACQUIRE));
    expect((await response.json()).status).toBe(200);
  });

  it('mounts the sandbox it is given, for /sandbox and the relay alike', async () => {
    const sandbox = createSandbox({ basePath: '/sandbox' });
    const site = createFetchSite({ sandbox, relay: { logger: quiet } });
    // Acquired outside the site: only a shared sandbox knows these resources.
    const acquired = async (channel: string): Promise<string> => (await (await sandbox.handler(acquireDirect(channel))).json()).resourceId;
    const direct = await site(
      new Request(`${ORIGIN}/sandbox/v1/apps/${APP_ID}/cloud_recording/resourceid/${await acquired('given1')}/mode/mix/start`, {
        method: 'POST',
        headers: { authorization: AUTH, 'content-type': 'application/json' },
        body: JSON.stringify({ cname: 'given1', uid: '42', clientRequest: START_REQUEST }),
      }),
    );
    expect(direct.status).toBe(200);
    const relayed = await site(
      post(`${ORIGIN}/api/relay`, {
        operationId: 'start-recording',
        environment: 'sandbox',
        path: { appid: APP_ID, resourceid: await acquired('given2'), mode: 'mix' },
        headers: { Authorization: AUTH },
        body: { cname: 'given2', uid: '42', clientRequest: START_REQUEST },
      }),
    );
    expect((await relayed.json()).status).toBe(200);
  });

  it('answers 503 on /sandbox, and the relay 503 for environment "sandbox", when no sandbox is mounted', async () => {
    const site = createFetchSite({ sandbox: null, relay: { logger: quiet } });
    const direct = await site(acquireDirect('none'));
    expect(direct.status).toBe(503);
    expect((await direct.json()).error.code).toBe('sandbox_unavailable');
    const relayed = await site(post(`${ORIGIN}/api/relay`, SANDBOX_ACQUIRE));
    expect(relayed.status).toBe(503);
    expect((await relayed.json()).error.code).toBe('sandbox_unavailable');
  });

  it('answers other paths with 404 unless pages are mounted', async () => {
    const bare = createFetchSite({ relay: { logger: quiet } });
    const missing = await bare(new Request(`${ORIGIN}/docs/intro`));
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe('not_found');

    const paths: string[] = [];
    const withPages = createFetchSite({
      relay: { logger: quiet },
      static: async (request) => {
        paths.push(new URL(request.url).pathname);
        return new Response('page');
      },
    });
    expect(await (await withPages(new Request(`${ORIGIN}/docs/intro`))).text()).toBe('page');
    await withPages(post(`${ORIGIN}/api/relay`, SANDBOX_ACQUIRE));
    expect(paths).toEqual(['/docs/intro']);
  });

  it('reads relay settings from env: RELAY_LIVE=0 refuses live calls', async () => {
    const site = createFetchSite({ env: { RELAY_LIVE: '0' }, relay: { logger: quiet } });
    const response = await site(post(`${ORIGIN}/api/relay`, { ...SANDBOX_ACQUIRE, environment: 'live' }));
    expect(response.status).toBe(403);
    expect((await response.json()).error.code).toBe('live_disabled');
  });

  it('keys the rate limit on the platform header given in clientIpHeaders, not x-client-ip', async () => {
    const site = createFetchSite({ relay: { logger: quiet, clientIpHeaders: ['cf-connecting-ip'], rateLimit: { max: 1, windowMs: 60_000 } } });
    const send = (platformIp: string, clientIp: string) =>
      site(post(`${ORIGIN}/api/relay`, { operationId: 'nope', environment: 'live' }, { 'cf-connecting-ip': platformIp, 'x-client-ip': clientIp }));
    expect((await send('203.0.113.1', '10.0.0.1')).status).toBe(404);
    expect((await send('203.0.113.1', '10.0.0.2')).status).toBe(429);
    expect((await send('203.0.113.2', '10.0.0.2')).status).toBe(404);
  });
});
