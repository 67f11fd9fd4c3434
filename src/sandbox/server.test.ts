import { request as httpRequest } from 'node:http';
import { parseArgs, startSandboxServer } from './cli';
import { APP, BASIC, STORAGE } from './testing';
import type { SandboxServer } from './serve';

describe('sandbox over a real port', () => {
  let running: SandboxServer;
  beforeAll(async () => {
    running = await startSandboxServer({ port: 0 });
  });
  afterAll(() => running.close());

  it('runs the Cloud Recording flow with fetch, and 401s without credentials', async () => {
    const base = `${running.url}/v1/apps/${APP}/cloud_recording`;
    const who = { cname: 'demo', uid: '4242' };
    const post = (url: string, body: unknown) =>
      fetch(url, { method: 'POST', headers: { Authorization: BASIC, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

    const unauthorized = await fetch(`${base}/acquire`, { method: 'POST', body: '{}' });
    expect(unauthorized.status).toBe(401);
    expect(unauthorized.statusText).toBe('Unauthorized');
    // No Authorization header at all: the gateway's bare 401 (a wrong one says "Invalid authentication credentials").
    expect(await unauthorized.json()).toEqual({ message: 'Unauthorized' });

    const acquired = await post(`${base}/acquire`, { ...who, clientRequest: {} });
    expect(acquired.status).toBe(200);
    // Cloud Recording documents QPS limits but no X-RateLimit-* headers (those are the guide's).
    expect(acquired.headers.get('x-ratelimit-limit')).toBeNull();
    const { resourceId } = await acquired.json();
    const started = await post(`${base}/resourceid/${resourceId}/mode/mix/start`, { ...who, clientRequest: { storageConfig: STORAGE } });
    const { sid } = await started.json();
    expect(sid).toMatch(/^[0-9a-f]{32}$/);
    const query = await fetch(`${base}/resourceid/${resourceId}/sid/${sid}/mode/mix/query`, { headers: { Authorization: BASIC } });
    expect(query.status).toBe(200);
    const stop = await post(`${base}/resourceid/${resourceId}/sid/${sid}/mode/mix/stop`, { ...who, clientRequest: {} });
    // Stopped within 2 s of start: the task ends with "no recorded data", which Agora answers with 206.
    expect(stop.status).toBe(206);
    expect((await stop.json()).code).toBe(435);
  });

  it('destroys the socket for an injected reset', async () => {
    const url = new URL(`${running.url}/dev/v1/channel/${APP}`);
    const error = await new Promise<NodeJS.ErrnoException>((resolve, reject) => {
      const req = httpRequest(url, { headers: { Authorization: BASIC, 'X-Sandbox-Fault': 'reset' } }, () => reject(new Error('got a response')));
      req.on('error', resolve);
      req.end();
    });
    expect(error.code).toBe('ECONNRESET');
    await expect(fetch(url, { headers: { 'X-Sandbox-Fault': 'reset' } })).rejects.toThrow('fetch failed');
  });

  it('parses the CLI options', () => {
    expect(parseArgs(['--port', '4011', '--host=0.0.0.0'])).toEqual({ port: 4011, host: '0.0.0.0' });
    expect(parseArgs([])).toEqual({ port: 4010, host: '127.0.0.1' });
    expect(() => parseArgs(['--port', 'abc'])).toThrow('--port needs a number');
    expect(() => parseArgs(['--verbose'])).toThrow('Unknown option');
    expect(parseArgs(['--webhook', 'http://127.0.0.1:8080/agora/notifications'])).toEqual({ port: 4010, host: '127.0.0.1', webhook: 'http://127.0.0.1:8080/agora/notifications' });
    expect(() => parseArgs(['--webhook', 'localhost:8080'])).toThrow('--webhook needs an http(s) URL');
    expect(() => parseArgs(['--webhook'])).toThrow('--webhook needs an http(s) URL');
  });
});
