import { notMounted, route, RELAY_PATH, SANDBOX_BASE_PATH, type Route } from './routes';

describe('route', () => {
  it.each<[string, Route]>([
    ['/api/relay', 'relay'],
    ['/api/relay/', 'relay'],
    ['/sandbox', 'sandbox'],
    ['/sandbox/', 'sandbox'],
    ['/sandbox/v1/apps/0123456789abcdef0123456789abcdef/cloud_recording/acquire', 'sandbox'],
    ['/sandbox/__sandbox/reset', 'sandbox'],
    ['/', 'static'],
    ['/docs/video-calling/rest-api-guide', 'static'],
    ['/openapi.json', 'static'],
    // Prefixes match whole segments only.
    ['/api/relayx', 'static'],
    ['/api/relay/extra', 'static'],
    ['/api', 'static'],
    ['/sandboxes', 'static'],
    ['/docs/sandbox', 'static'],
    // Paths are case-sensitive, as the relay and the sandbox are.
    ['/API/RELAY', 'static'],
    ['/Sandbox/v1', 'static'],
  ])('%s -> %s', (pathname, expected) => {
    expect(route(pathname)).toBe(expected);
  });

  it('uses the documented mount points', () => {
    expect(RELAY_PATH).toBe('/api/relay');
    expect(SANDBOX_BASE_PATH).toBe('/sandbox');
  });
});

describe('notMounted', () => {
  it('answers a missing sandbox with 503 sandbox_unavailable, as the relay does', () => {
    const answer = notMounted('sandbox');
    expect(answer.status).toBe(503);
    expect(answer.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(answer.body).error.code).toBe('sandbox_unavailable');
  });

  it('answers missing pages with 404 not_found naming what is served', () => {
    const answer = notMounted('static');
    expect(answer.status).toBe(404);
    const { error } = JSON.parse(answer.body);
    expect(error.code).toBe('not_found');
    expect(error.message).toContain('/api/relay');
  });
});
