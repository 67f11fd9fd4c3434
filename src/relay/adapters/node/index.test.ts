import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createNodeRelay, createNodeRelayHandler } from './index';
import { splitUpstreamUrl } from './upstream';
import { post, SANDBOX_ACQUIRE } from '../testing';
import { createSandbox } from '../../../sandbox/index';

const quiet = { log: () => undefined };

describe('Node entry', () => {
  it('relays a sandbox call given a Request', async () => {
    const handler = createNodeRelayHandler({ env: {}, sandbox: createSandbox().handler, logger: quiet });
    const result = await (await handler(post('http://localhost/api/relay', SANDBOX_ACQUIRE))).json();
    expect(result.status).toBe(200);
    expect(typeof result.body.resourceId).toBe('string');
  });

  it('reads server-side credentials from env only when RELAY_SERVER_CREDENTIALS=1', async () => {
    const seen: Array<string | null> = [];
    const fetch = async (req: Request) => {
      seen.push(req.headers.get('authorization'));
      return Response.json({});
    };
    const envelope = { operationId: 'list-channels', environment: 'live', path: { appid: '0123456789abcdef0123456789abcdef' } };
    const creds = { AGORA_CUSTOMER_ID: 'id', AGORA_CUSTOMER_SECRET: 'secret' };
    await createNodeRelayHandler({ env: creds, fetch, logger: quiet })(post('http://localhost/api/relay', envelope));
    const origins = { RELAY_ALLOWED_ORIGINS: 'http://localhost:3000' }; // required with server credentials
    await createNodeRelayHandler({ env: { ...creds, ...origins, RELAY_SERVER_CREDENTIALS: '1' }, fetch, logger: quiet })(post('http://localhost/api/relay', envelope));
    expect(seen).toEqual([null, `Basic ${btoa('id:secret')}`]);
  });

  it('refuses an oversized envelope over node:http with 413, without reading it all', async () => {
    const server = createServer(createNodeRelay({ env: {}, logger: quiet }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const big = JSON.stringify({ ...SANDBOX_ACQUIRE, body: { blob: 'x'.repeat(2 * 1024 * 1024) } });
      const response = await fetch(`http://127.0.0.1:${port}/api/relay`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: big });
      expect(response.status).toBe(413);
      expect((await response.json()).error.code).toBe('body_too_large');
    } finally {
      server.close();
    }
  });

  it('serves the relay from node:http', async () => {
    const server = createServer(createNodeRelay({ env: {}, sandbox: createSandbox().handler, logger: quiet }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/api/relay`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(SANDBOX_ACQUIRE) });
      expect((await response.json()).status).toBe(200);
    } finally {
      server.close();
    }
  });
});

describe('splitUpstreamUrl', () => {
  it('splits the URLs the relay builds into origin and path, as a URL parse would', () => {
    for (const url of ['https://api.agora.io/v1/apps/abc/cloud_recording/acquire', 'http://127.0.0.1:3124/dev/v1/channel/x?page_no=0&page_size=100', 'https://api.sd-rtn.com/v1/a%2Fb']) {
      const parsed = new URL(url);
      expect(splitUpstreamUrl(url)).toEqual({ origin: parsed.origin, path: `${parsed.pathname}${parsed.search}` });
    }
  });

  it('leaves anything a URL parse would change (or that is not that shape) to a URL parse', () => {
    for (const url of ['https://API.agora.io/v1', 'https://user@api.agora.io/v1', 'https://api.agora.io/v1/../x', 'https://api.agora.io/a\\b', 'https://api.agora.io/a#b', 'https://api.agora.io', 'ftp://x/y', 'https://api.agora.io/a b', 'https://[::1]/x']) {
      expect(splitUpstreamUrl(url)).toBeNull();
    }
  });
});
