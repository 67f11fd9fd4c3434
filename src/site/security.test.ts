/**
 * The site's security rules (src/site/security.ts) and their use by both forms
 * of the site: DNS rebinding refused by Host, the relay's Origin check not
 * trusting Host, and the headers on every answer.
 */
import { createHash } from 'node:crypto';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SANDBOX_ACQUIRE } from '../relay/adapters/testing';
import { isAllowedHost, isSiteOrigin, parseHostList } from '../relay/core/cors';
import { relayOptionsFromEnv } from '../relay/core/options';
import { createFetchSite } from './fetch';
import { createNodeSite, type NodeSiteOptions } from './node';
import {
  API_CSP,
  contentSecurityPolicyFor,
  hostRefusal,
  hstsHeader,
  inlineScripts,
  pageContentSecurityPolicy,
  scriptHash,
  securityHeaders,
} from './security';

const quiet = { log: () => undefined };
const APP_ID = '0123456789abcdef0123456789abcdef';
const AUTH = `Basic ${btoa('demo-customer-id:demo-customer-secret')}`;

describe('allowed hosts', () => {
  it('default to the loopback names on any port', () => {
    const list = parseHostList(undefined);
    for (const host of ['localhost', 'localhost:3000', '127.0.0.1:3100', '[::1]:8080', 'LOCALHOST.:3000']) expect(isAllowedHost(list, host)).toBe(true);
    for (const host of ['rebind.evil:3000', 'localhost.evil', '127.0.0.1.nip.io', '', null, undefined, 'a b']) expect(isAllowedHost(list, host)).toBe(false);
  });

  it('take host or host:port entries from SITE_ALLOWED_HOSTS, replacing the default', () => {
    const list = parseHostList(' docs.example.com , intranet:8443 ');
    expect(isAllowedHost(list, 'docs.example.com')).toBe(true);
    expect(isAllowedHost(list, 'docs.example.com:443')).toBe(true);
    expect(isAllowedHost(list, 'intranet:8443')).toBe(true);
    expect(isAllowedHost(list, 'intranet:8080')).toBe(false);
    expect(isAllowedHost(list, 'localhost:3000')).toBe(false);
    expect(isAllowedHost(parseHostList('*'), 'anything.example')).toBe(true);
  });

  it('refuse a malformed entry at start-up, naming it', () => {
    expect(() => parseHostList('docs.example.com,http://x')).toThrow(/SITE_ALLOWED_HOSTS has an entry "http:\/\/x"/);
  });

  it('decide which origins are the site, whatever Host a request names', () => {
    const loopback = parseHostList(undefined);
    expect(isSiteOrigin('http://127.0.0.1:3100', loopback)).toBe(true);
    expect(isSiteOrigin('http://rebind.evil:3100', loopback)).toBe(false);
    expect(isSiteOrigin('null', loopback)).toBe(false);
    expect(isSiteOrigin('file://localhost', loopback)).toBe(false);
    expect(isSiteOrigin('https://docs.example.com', parseHostList('docs.example.com'))).toBe(true);
    // `*` opens the Host check, not the relay: the site's origin must then be listed in RELAY_ALLOWED_ORIGINS.
    expect(isSiteOrigin('https://docs.example.com', parseHostList('*'))).toBe(false);
  });
});

describe('server-side credentials', () => {
  const creds = { AGORA_CUSTOMER_ID: 'id', AGORA_CUSTOMER_SECRET: 'secret', RELAY_SERVER_CREDENTIALS: '1' };

  it('refuse to start without RELAY_ALLOWED_ORIGINS, saying what to set', () => {
    expect(() => relayOptionsFromEnv(creds)).toThrow(/RELAY_SERVER_CREDENTIALS=1 needs RELAY_ALLOWED_ORIGINS/);
    expect(() => createNodeSite({ env: creds, relay: { logger: quiet } })).toThrow(/RELAY_ALLOWED_ORIGINS/);
  });

  it('are injected once the allowed origins are explicit', () => {
    expect(relayOptionsFromEnv({ ...creds, RELAY_ALLOWED_ORIGINS: 'http://localhost:3000' }).serverCredentials).toEqual({ customerId: 'id', customerSecret: 'secret' });
  });
});

describe('security headers', () => {
  it('are the same on every answer, with HSTS only when configured', () => {
    const headers = securityHeaders({});
    expect(headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'strict-origin-when-cross-origin',
    });
    expect(headers['permissions-policy']).toMatch(/camera=\(\), geolocation=\(\)/);
    expect(headers).not.toHaveProperty('strict-transport-security');
    expect(securityHeaders({ SITE_HSTS: '1' })['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(hstsHeader('600')).toBe('max-age=600; includeSubDomains');
    expect(hstsHeader('0')).toBeNull();
    expect(() => hstsHeader('yes')).toThrow(/SITE_HSTS must be 1/);
  });

  it('give pages a CSP that allows their own inline scripts by hash and nothing else inline', async () => {
    const inline = '!function(){document.documentElement.dataset.theme="dark"}()';
    const html = `<html><head><script src="/assets/js/main.js" defer></script><script>${inline}</script><script type="application/ld+json">{"a":1}</script></head></html>`;
    expect(inlineScripts(html)).toEqual([inline, '{"a":1}']);
    // Web Crypto's hash matches Node's, the form browsers compare against.
    expect(await scriptHash(inline)).toBe(createHash('sha256').update(inline).digest('base64'));
    const policy = await contentSecurityPolicyFor(html);
    expect(policy).toMatch(/script-src 'self' [^;]*'sha256-/);
    expect(policy).toContain(`'sha256-${await scriptHash(inline)}'`);
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    // Nothing builds code from strings: the request checks are compiled at build time (src/catalog/checks.ts).
    expect(policy).not.toMatch(/'unsafe-eval'/);
    expect(policy).toMatch(/frame-ancestors 'none'/);
    expect(policy).toMatch(/worker-src 'self' blob:/);
    expect(pageContentSecurityPolicy(['b', 'a', 'a'])).toContain(`'sha256-a' 'sha256-b';`);
  });
});

/** A raw HTTP request, so the test can name any Host (fetch may not set it). */
function raw(base: string, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  const url = new URL(base);
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  })));
});

async function serveSite(options: NodeSiteOptions = {}): Promise<string> {
  const site = createNodeSite({ env: {}, ...options, relay: { logger: quiet, ...options.relay } });
  const server = createServer((req, res) => site(req, res));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('the Node site', () => {
  const pages: NodeSiteOptions['static'] = (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<p>page</p>');
  };
  const envelope = JSON.stringify(SANDBOX_ACQUIRE);

  it('refuses the DNS-rebinding request (foreign Host and matching Origin) on every route with 421', async () => {
    const base = await serveSite({ static: pages });
    const port = new URL(base).port;
    const evil = { host: `rebind.evil:${port}`, origin: `http://rebind.evil:${port}` };
    const relayed = await raw(base, '/api/relay', { method: 'POST', headers: { ...evil, 'content-type': 'application/json' }, body: envelope });
    expect(relayed.status).toBe(421);
    expect(JSON.parse(relayed.body).error).toMatchObject({ code: 'host_not_allowed', message: expect.stringContaining('SITE_ALLOWED_HOSTS') });
    expect(relayed.body).not.toContain('rebind.evil');
    expect((await raw(base, `/sandbox/dev/v1/channel/${APP_ID}`, { headers: { ...evil, authorization: AUTH } })).status).toBe(421);
    expect((await raw(base, '/docs/intro', { headers: evil })).status).toBe(421);
    expect((await raw(base, '/sandbox/__sandbox/reset', { method: 'POST', headers: evil })).status).toBe(421);
  });

  it('serves loopback hosts by default and configured hosts instead when SITE_ALLOWED_HOSTS is set', async () => {
    const base = await serveSite({ static: pages });
    const port = new URL(base).port;
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]) {
      const answer = await raw(base, '/api/relay', { method: 'POST', headers: { host, origin: `http://${host}`, 'content-type': 'application/json' }, body: envelope });
      expect(answer.status, host).toBe(200);
    }
    const configured = await serveSite({ static: pages, env: { SITE_ALLOWED_HOSTS: 'docs.example.com' } });
    expect((await raw(configured, '/', { headers: { host: 'docs.example.com' } })).status).toBe(200);
    expect((await raw(configured, '/', { headers: { host: new URL(configured).host } })).status).toBe(421);
  });

  it("refuses a relay call whose Origin is not the site's even when Host matches it (Host is not trusted)", async () => {
    // `*` lets any Host through, which isolates the relay's own Origin check.
    const base = await serveSite({ env: { SITE_ALLOWED_HOSTS: '*' } });
    const answer = await raw(base, '/api/relay', {
      method: 'POST',
      headers: { host: 'rebind.evil', origin: 'http://rebind.evil', 'content-type': 'application/json' },
      body: envelope,
    });
    expect(answer.status).toBe(403);
    expect(JSON.parse(answer.body).error.code).toBe('origin_not_allowed');
  });

  it('sends the security headers on pages, relay and sandbox answers, and API_CSP on the latter', async () => {
    const base = await serveSite({ static: pages, env: { SITE_HSTS: '1' } });
    const answers = {
      page: await raw(base, '/docs/intro'),
      relay: await raw(base, '/api/relay', { method: 'POST', headers: { 'content-type': 'application/json' }, body: envelope }),
      sandbox: await raw(base, `/sandbox/dev/v1/channel/${APP_ID}`, { headers: { authorization: AUTH } }),
      refused: await raw(base, '/api/relay', { method: 'GET' }),
    };
    for (const [name, answer] of Object.entries(answers)) {
      expect(answer.headers['x-content-type-options'], name).toBe('nosniff');
      expect(answer.headers['x-frame-options'], name).toBe('DENY');
      expect(answer.headers['referrer-policy'], name).toBe('strict-origin-when-cross-origin');
      expect(answer.headers['strict-transport-security'], name).toMatch(/^max-age=31536000/);
    }
    expect(answers.relay.headers['content-security-policy']).toBe(API_CSP);
    expect(answers.sandbox.headers['content-security-policy']).toBe(API_CSP);
    expect(answers.page.headers['content-security-policy']).toBeUndefined(); // the static server sets each page's own
  });

  it('checks the Host before passing a request on to the dev server', async () => {
    const site = createNodeSite({ env: {}, relay: { logger: quiet } });
    const server = createServer((req, res) => site(req, res, () => res.end('dev')));
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    expect((await raw(base, '/docs/intro')).body).toBe('dev');
    expect((await raw(base, '/docs/intro', { headers: { host: 'rebind.evil' } })).status).toBe(421);
  });
});

describe('the Fetch site', () => {
  const post = (url: string, headers: Record<string, string> = {}) =>
    new Request(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(SANDBOX_ACQUIRE) });

  it('checks Host only when SITE_ALLOWED_HOSTS is set (platforms route by domain), and adds the headers', async () => {
    const open = createFetchSite({ relay: { logger: quiet } });
    const answer = await open(post('https://docs.example.com/api/relay'));
    expect(answer.status).toBe(200);
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(answer.headers.get('content-security-policy')).toBe(API_CSP);
    const pinned = createFetchSite({ env: { SITE_ALLOWED_HOSTS: 'docs.example.com' }, relay: { logger: quiet } });
    expect((await pinned(post('https://docs.example.com/api/relay', { origin: 'https://docs.example.com' }))).status).toBe(200);
    const refused = await pinned(post('https://rebind.evil/api/relay', { origin: 'https://rebind.evil' }));
    expect(refused.status).toBe(421);
    expect(refused.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it("refuses the site's own origin at the relay until SITE_ALLOWED_HOSTS or RELAY_ALLOWED_ORIGINS names it", async () => {
    const call = post('https://docs.example.com/api/relay', { origin: 'https://docs.example.com' });
    expect((await createFetchSite({ relay: { logger: quiet } })(call.clone())).status).toBe(403);
    expect((await createFetchSite({ env: { RELAY_ALLOWED_ORIGINS: 'https://docs.example.com' }, relay: { logger: quiet } })(call)).status).toBe(200);
  });

  it('answers a refused host with a message naming the variable to set', () => {
    const answer = hostRefusal(null);
    expect(answer.status).toBe(421);
    expect(JSON.parse(answer.body).error.message).toMatch(/none was sent.*SITE_ALLOWED_HOSTS/);
  });
});
