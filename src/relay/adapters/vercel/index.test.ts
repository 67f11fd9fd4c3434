import { POST, OPTIONS } from './index';
import { post, SANDBOX_ACQUIRE } from '../testing';

describe('Vercel entry', () => {
  it('relays a sandbox call given a Request', async () => {
    const response = await POST(post('https://docs.example.vercel.app/api/relay', SANDBOX_ACQUIRE, { 'x-real-ip': '203.0.113.7' }));
    expect(response.status).toBe(200);
    const result = await response.json();
    expect(result.status).toBe(200);
    expect(typeof result.body.resourceId).toBe('string');
  });

  it('refuses a foreign origin at preflight', async () => {
    const response = await OPTIONS(new Request('https://docs.example.vercel.app/api/relay', { method: 'OPTIONS', headers: { origin: 'https://evil.example' } }));
    expect(response.status).toBe(403);
  });
});
