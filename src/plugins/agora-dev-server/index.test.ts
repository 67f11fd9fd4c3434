import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { merge } from 'webpack-merge';
import agoraDevServer, { createDevMiddleware, setupMiddlewares } from './index';

describe('agora-dev-server plugin', () => {
  it('adds a devServer only for the client bundle in development', () => {
    const plugin = agoraDevServer();
    const configure = plugin.configureWebpack as unknown as (config: object, isServer: boolean) => Record<string, unknown>;
    expect(configure({}, true)).toEqual({});
    expect(configure({}, false)).toHaveProperty('devServer.setupMiddlewares');
  });

  it('composes with Docusaurus setupMiddlewares under webpack-merge: first, and nothing duplicated', () => {
    const docusaurus = {
      setupMiddlewares: (middlewares: unknown[]) => {
        middlewares.unshift('eval-source-map');
        return middlewares;
      },
    };
    const merged = merge([docusaurus, { setupMiddlewares }]) as { setupMiddlewares: (m: unknown[], d: unknown) => unknown[] };
    const result = merged.setupMiddlewares(['dev-middleware', 'static'], {});
    expect(result).toHaveLength(4);
    expect((result[0] as { name: string }).name).toBe('agora-relay-and-sandbox');
    expect(result.slice(1)).toEqual(['eval-source-map', 'dev-middleware', 'static']);
  });

  it('routes /api/relay and /sandbox and passes other paths on', async () => {
    const middleware = createDevMiddleware();
    const server = createServer((req, res) =>
      middleware(req, res, () => {
        res.writeHead(299);
        res.end('next');
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      expect((await fetch(`${base}/docs/intro`)).status).toBe(299);
      const auth = `Basic ${btoa('demo-customer-id:demo-customer-secret')}`;
      const direct = await fetch(`${base}/sandbox/dev/v1/channel/0123456789abcdef0123456789abcdef`, { headers: { authorization: auth } });
      expect(direct.status).toBe(200);
      const relayed = await fetch(`${base}/api/relay`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ operationId: 'list-channels', environment: 'sandbox', path: { appid: '0123456789abcdef0123456789abcdef' }, headers: { Authorization: auth } }),
      });
      expect((await relayed.json()).status).toBe(200);
    } finally {
      server.close();
    }
  });
});
