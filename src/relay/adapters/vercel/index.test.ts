import { DELETE, GET, OPTIONS, POST, PUT, PATCH, HEAD } from './index';
import listener from './index';
import { post, SANDBOX_ACQUIRE } from '../testing';

const AUTH = `Basic ${btoa('demo-customer-id:demo-customer-secret')}`;

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

  it('serves every method of the sandbox from one handler, and a Node listener for the bundled function', async () => {
    expect(new Set([GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS]).size).toBe(1);
    const channels = await GET(new Request('https://docs.example.vercel.app/sandbox/dev/v1/channel/0123456789abcdef0123456789abcdef', { headers: { authorization: AUTH } }));
    expect(channels.status).toBe(200);
    const demoDelete = await DELETE(new Request('https://docs.example.vercel.app/sandbox/__sandbox/project', { method: 'DELETE', headers: { authorization: AUTH } }));
    expect(demoDelete.status).toBe(403);
    expect(typeof listener).toBe('function');
    expect(listener.length).toBe(2);
  });
});
