import worker from './index';
import { post, SANDBOX_ACQUIRE } from '../testing';

describe('Cloudflare Workers entry', () => {
  it('relays a sandbox call given a Request and an env', async () => {
    const response = await worker.fetch(post('https://docs.example.workers.dev/api/relay', SANDBOX_ACQUIRE, { 'cf-connecting-ip': '203.0.113.9' }), {});
    const result = await response.json();
    expect(result.status).toBe(200);
    expect(typeof result.body.resourceId).toBe('string');
  });

  it('reads settings from the Worker env (RELAY_LIVE=0 disables live calls)', async () => {
    const response = await worker.fetch(post('https://docs.example.workers.dev/api/relay', { ...SANDBOX_ACQUIRE, environment: 'live' }), { RELAY_LIVE: '0' });
    expect(response.status).toBe(403);
    expect((await response.json()).error.code).toBe('live_disabled');
  });

  it('serves the sandbox on a /sandbox route and answers 404 elsewhere, through the same site', async () => {
    const auth = `Basic ${btoa('demo-customer-id:demo-customer-secret')}`;
    const direct = await worker.fetch(new Request('https://docs.example.workers.dev/sandbox/dev/v1/channel/0123456789abcdef0123456789abcdef', { headers: { authorization: auth } }), {});
    expect(direct.status).toBe(200);
    const elsewhere = await worker.fetch(new Request('https://docs.example.workers.dev/docs/intro'), {});
    expect(elsewhere.status).toBe(404);
    expect((await elsewhere.json()).error.code).toBe('not_found');
  });
});
