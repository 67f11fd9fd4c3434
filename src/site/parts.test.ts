/**
 * Webhook settings reach the site's sandbox: SANDBOX_WEBHOOK_URL on the Node
 * server (npm run serve, npm start) delivers every notice, a call through
 * the relay included; serverless runtimes ignore the settings and say so;
 * a malformed allow list stops start-up with a sentence.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startReceiver, until, signedBy } from '../sandbox/events/testing';
import { createNodeSite } from './node';
import { mountSandbox, webhooksFromEnv } from './parts';

const APP_ID = '0123456789abcdef0123456789abcdef';
const AUTH = `Basic ${btoa('demo-customer-id:demo-customer-secret')}`;

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
  vi.restoreAllMocks();
});

describe('webhook settings', () => {
  it('SANDBOX_WEBHOOK_URL makes the Node site POST every notice, for calls on /sandbox and through the relay', async () => {
    const receiver = await startReceiver();
    closers.push(receiver.close);
    const site = createNodeSite({ env: { SANDBOX_WEBHOOK_URL: receiver.url }, relay: { logger: { log: () => undefined } } });
    const server: Server = createServer((req, res) => site(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    closers.push(() => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    const direct = await fetch(`${base}/sandbox/na/v1/projects/${APP_ID}/cloud-player/players`, {
      method: 'POST',
      headers: { Authorization: AUTH, 'Content-Type': 'application/json' },
      body: JSON.stringify({ player: { streamUrl: 'rtmp://example.agora.io/live/site', channelName: 'site', uid: 4 } }),
    });
    expect(direct.status).toBe(200);
    await until(() => receiver.received.some((entry) => entry.body.productId === 4), 'Player Created from /sandbox');

    // Through the relay (how the testers call the sandbox): a kicking rule removes the player's user.
    const relayed = await fetch(`${base}/api/relay`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        operationId: 'create-ban-rule',
        environment: 'sandbox',
        headers: { Authorization: AUTH },
        body: { appid: APP_ID, cname: 'site', uid: 4, privileges: ['join_channel'] },
      }),
    });
    expect(relayed.status).toBe(200);
    await until(() => receiver.received.some((entry) => entry.body.eventType === 104), 'the kicked host');
    expect(receiver.received.every((entry) => signedBy(entry, 'demo-ncs-secret'))).toBe(true);
  });

  it('are ignored, with a warning, where no process outlives a request', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(webhooksFromEnv({ SANDBOX_WEBHOOK_URL: 'https://hooks.example.com/a' }, 'serverless')).toBeUndefined();
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/long-running server/));
    expect(webhooksFromEnv({}, 'server')).toBeUndefined();
    expect(webhooksFromEnv({ SANDBOX_WEBHOOK_ALLOW: 'https://hooks.example.com/agora/' }, 'server')).toEqual({ url: undefined, allow: ['https://hooks.example.com/agora/'] });
  });

  it('refuse to start with an allow list that is not http(s) URL prefixes', () => {
    expect(() => mountSandbox(undefined, { SANDBOX_WEBHOOK_ALLOW: 'hooks.example.com' }, undefined, 'server')).toThrow(/SANDBOX_WEBHOOK_ALLOW: "hooks.example.com" is not an http\(s\) URL prefix/);
  });
});
