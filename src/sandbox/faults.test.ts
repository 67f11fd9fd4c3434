import { parseFault } from './faults';
import { paths, testSandbox } from './testing';

describe('fault injection', () => {
  it.each([429, 500, 502, 503, 504])('injects %i, with Retry-After on 429 and 503', async (status) => {
    const t = testSandbox();
    const answer = await t.call('GET', paths.channels, { headers: { 'X-Sandbox-Fault': String(status) } });
    expect(answer.status).toBe(status);
    expect(answer.body.message).toBeTruthy();
    expect(answer.headers.get('x-sandbox-fault-injected')).toBe(String(status));
    expect(answer.headers.get('retry-after')).toBe(status === 429 || status === 503 ? '1' : null);
  });

  it('shapes the injected error like the family', async () => {
    const t = testSandbox();
    const recording = await t.call('GET', paths.task('r', 's', 'mix', 'query'), { headers: { 'X-Sandbox-Fault': '500' } });
    expect(recording.body).toEqual({ code: 500, reason: 'internal error' });
    const pull = await t.call('GET', paths.listPlayers, { headers: { 'X-Sandbox-Fault': '503' } });
    expect(pull.body.message).toContain('Service unavailable');
    expect(pull.headers.get('x-resource-id')).toBeTruthy();
    const guide = await t.call('GET', paths.getChannel('demo'), { headers: { 'X-Sandbox-Fault': '502' } });
    expect(guide.body).toMatchObject({ code: 502, message: 'Bad gateway' });
  });

  it('hits only the first N requests with the same X-Request-ID (times=N), default 1', async () => {
    const t = testSandbox();
    const send = (id: string, fault: string) => t.call('GET', paths.channels, { headers: { 'X-Request-ID': id, 'X-Sandbox-Fault': fault } });
    expect((await send('a', '503')).status).toBe(503);
    expect((await send('a', '503')).status).toBe(200);
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await send('b', '500;times=3')).status);
    expect(statuses).toEqual([500, 500, 500, 200]);
    // Without an X-Request-ID every request is new, so the fault always hits.
    expect((await t.call('GET', paths.channels, { headers: { 'X-Sandbox-Fault': '502' } })).status).toBe(502);
    expect((await t.call('GET', paths.channels, { headers: { 'X-Sandbox-Fault': '502' } })).status).toBe(502);
  });

  it('reads the fault from a query parameter too', async () => {
    const t = testSandbox();
    expect((await t.call('GET', paths.channels, { query: { 'X-Sandbox-Fault': '504' } })).status).toBe(504);
    expect((await t.call('GET', paths.channels, { query: { 'x-sandbox-fault': '429' } })).status).toBe(429);
  });

  it('refuses an unknown fault with a 400 that lists the valid ones', async () => {
    const t = testSandbox();
    const answer = await t.call('GET', paths.channels, { headers: { 'X-Sandbox-Fault': 'explode' } });
    expect(answer.status).toBe(400);
    expect(answer.body.message).toContain('429, 500, 502, 503, 504, timeout, reset, down');
    expect(parseFault('503;times=x')).toHaveProperty('error');
    expect(parseFault('503; times=2')).toMatchObject({ kind: '503', times: 2 });
  });

  it('reset throws like fetch does on a reset connection', async () => {
    const t = testSandbox();
    const error = await t.call('GET', paths.channels, { headers: { 'X-Sandbox-Fault': 'reset' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as TypeError).message).toBe('fetch failed');
    expect((error as TypeError).cause).toEqual({ code: 'ECONNRESET' });
  });

  it('down makes api.agora.io fail DNS; the alternate host still answers', async () => {
    const t = testSandbox();
    const headers = { 'X-Sandbox-Fault': 'down;times=5', 'X-Request-ID': 'failover-1' };
    const down = await t.call('GET', paths.channels, { headers }).catch((e: unknown) => e);
    expect((down as TypeError).cause).toEqual({ code: 'ENOTFOUND' });
    expect((await t.call('GET', paths.channels, { headers, host: 'api.sd-rtn.com' })).status).toBe(200);
  });

  it('X-Sandbox-Down takes a list of hosts that stay down', async () => {
    const t = testSandbox();
    const headers = { 'X-Sandbox-Down': 'api.agora.io, api.sd-rtn.com', 'X-Request-ID': 'same' };
    for (const host of ['api.agora.io', 'api.sd-rtn.com', 'api.agora.io']) {
      const error = await t.call('GET', paths.channels, { headers, host }).catch((e: unknown) => e);
      expect((error as TypeError).cause).toEqual({ code: 'ENOTFOUND' });
    }
    expect((await t.call('GET', paths.channels, { headers, host: 'api-eu-west-1.agora.io' })).status).toBe(200);
  });

  it('timeout holds the request until the caller aborts', async () => {
    const t = testSandbox();
    const controller = new AbortController();
    const pending = t.call('GET', paths.channels, { headers: { 'X-Sandbox-Fault': 'timeout' }, signal: controller.signal });
    setTimeout(() => controller.abort(new DOMException('gave up', 'TimeoutError')), 50);
    await expect(pending).rejects.toMatchObject({ name: 'TimeoutError' });
  });

  it('timeout answers 504 after faultTimeoutMs when nobody aborts', async () => {
    const t = testSandbox({ faultTimeoutMs: 30 });
    const answer = await t.call('GET', paths.channels, { headers: { 'X-Sandbox-Fault': 'timeout' } });
    expect(answer.status).toBe(504);
  });
});
