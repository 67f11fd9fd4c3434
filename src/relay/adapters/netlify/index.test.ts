import handle, { config } from './index';
import { post, SANDBOX_ACQUIRE } from '../testing';

describe('Netlify entry', () => {
  it('mounts on /api/relay and /sandbox, and relays a sandbox call given a Request', async () => {
    expect(config.path).toEqual(['/api/relay', '/sandbox', '/sandbox/*']);
    const response = await handle(post('https://docs.example.netlify.app/api/relay', SANDBOX_ACQUIRE, { 'x-nf-client-connection-ip': '203.0.113.8' }));
    const result = await response.json();
    expect(result.status).toBe(200);
    expect(typeof result.body.resourceId).toBe('string');
  });

  it('answers a bad envelope with a typed error', async () => {
    const response = await handle(post('https://docs.example.netlify.app/api/relay', { operationId: 'acquire' }));
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe('bad_envelope');
  });
});
