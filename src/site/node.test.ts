/** The Node form of the site over a real port: routing, parts not mounted, `next()`, and the TRUST_PROXY rule. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SANDBOX_ACQUIRE } from '../relay/adapters/testing';
import { createNodeSite, type NodeSiteListener, type NodeSiteOptions } from './node';

const APP_ID = '0123456789abcdef0123456789abcdef';
const AUTH = `Basic ${btoa('demo-customer-id:demo-customer-secret')}`;
const quiet = { log: () => undefined };

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  })));
});

/** Serve a site listener; `next`, when given, plays the dev server behind the middleware. */
async function serve(site: NodeSiteListener, next?: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  const server = createServer((req, res) => site(req, res, next && (() => next(req, res))));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const site = (options: NodeSiteOptions = {}) => createNodeSite({ env: {}, ...options, relay: { logger: quiet, ...options.relay } });

const relay = (base: string, envelope: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base}/api/relay`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(envelope) });

const listChannels = (base: string) => fetch(`${base}/sandbox/dev/v1/channel/${APP_ID}`, { headers: { authorization: AUTH } });

describe('createNodeSite', () => {
  it('serves the relay and the sandbox, and sends other paths to the pages', async () => {
    const pages: string[] = [];
    const base = await serve(
      site({
        static: async (req, res) => {
          pages.push(req.url ?? '');
          res.writeHead(200, { 'content-type': 'text/html' });
          res.end('<title>page</title>');
        },
      }),
    );
    expect((await relay(base, SANDBOX_ACQUIRE)).status).toBe(200);
    expect((await listChannels(base)).status).toBe(200);
    expect(await (await fetch(`${base}/docs/intro?x=1`)).text()).toBe('<title>page</title>');
    expect(pages).toEqual(['/docs/intro?x=1']);
  });

  it('passes paths it has no part for to next(), and keeps the relay and sandbox for itself', async () => {
    const passed: Array<{ url?: string; clientIp?: string | string[] }> = [];
    const base = await serve(site(), (req, res) => {
      passed.push({ url: req.url, clientIp: req.headers['x-client-ip'] });
      res.writeHead(299);
      res.end('next');
    });
    const other = await fetch(`${base}/docs/intro`, { headers: { 'x-client-ip': '10.0.0.9' } });
    expect(other.status).toBe(299);
    expect((await relay(base, SANDBOX_ACQUIRE)).status).toBe(200);
    expect((await listChannels(base)).status).toBe(200);
    // A request passed on is the dev server's: its headers reach it untouched.
    expect(passed).toEqual([{ url: '/docs/intro', clientIp: '10.0.0.9' }]);
  });

  it('answers 404 for other paths when it has neither pages nor next()', async () => {
    const base = await serve(site());
    const response = await fetch(`${base}/docs/intro`);
    expect(response.status).toBe(404);
    expect((await response.json()).error.code).toBe('not_found');
  });

  it('answers 503 on /sandbox when no sandbox is mounted, even in front of a dev server', async () => {
    const base = await serve(site({ sandbox: null }), (_req, res) => res.end('next'));
    const direct = await listChannels(base);
    expect(direct.status).toBe(503);
    expect((await direct.json()).error.code).toBe('sandbox_unavailable');
    const relayed = await relay(base, SANDBOX_ACQUIRE);
    expect(relayed.status).toBe(503);
  });

  it('destroys the socket when the pages handler fails', async () => {
    const base = await serve(site({ static: async () => Promise.reject(new Error('disk gone')) }));
    await expect(fetch(`${base}/docs/intro`)).rejects.toThrow();
  });

  describe('rate-limit key (TRUST_PROXY)', () => {
    const limited = { rateLimit: { max: 1, windowMs: 60_000 } };
    const twoClients = async (base: string) => {
      const send = (ip: string) => relay(base, { operationId: 'nope', environment: 'live' }, { 'x-client-ip': ip });
      return [(await send('10.0.0.1')).status, (await send('10.0.0.2')).status];
    };

    it('ignores a client-sent x-client-ip by default: both calls share the socket address', async () => {
      expect(await twoClients(await serve(site({ relay: limited })))).toEqual([404, 429]);
    });

    it('ignores it in front of a dev server too', async () => {
      expect(await twoClients(await serve(site({ relay: limited }), (_req, res) => res.end()))).toEqual([404, 429]);
    });

    it('trusts it from a proxy with trustProxy or env TRUST_PROXY=1', async () => {
      expect(await twoClients(await serve(site({ relay: limited, trustProxy: true })))).toEqual([404, 404]);
      expect(await twoClients(await serve(site({ relay: limited, env: { TRUST_PROXY: '1' } })))).toEqual([404, 404]);
    });
  });
});
