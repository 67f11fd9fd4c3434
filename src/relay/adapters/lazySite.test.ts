import { lazySite, MISCONFIGURED } from './lazySite';

describe('lazySite', () => {
  it('builds the site on the first request only', async () => {
    const create = vi.fn(() => async () => new Response('ok'));
    const site = lazySite(create);
    expect(create).not.toHaveBeenCalled();
    await site(new Request('https://docs.example/api/relay'));
    await site(new Request('https://docs.example/api/relay'));
    expect(create).toHaveBeenCalledTimes(1);
  });

  it('turns invalid settings into a JSON 500 for the client and the reason into one log line', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const create = vi.fn(() => {
      throw new Error('SITE_HSTS must be 1 (one year) or a max-age in seconds, not "abc".');
    });
    const site = lazySite(create);
    for (let i = 0; i < 2; i++) {
      const response = await site(new Request('https://docs.example/api/relay', { method: 'POST' }));
      expect(response.status).toBe(500);
      const body = await response.json();
      expect(body.error.code).toBe(MISCONFIGURED);
      // The client is told where the reason is, not the reason (settings are the operator's business).
      expect(body.error.message).not.toContain('SITE_HSTS');
    }
    expect(create).toHaveBeenCalledTimes(1);
    expect(error).toHaveBeenCalledTimes(1);
    expect(String(error.mock.calls[0][0])).toContain('SITE_HSTS');
    error.mockRestore();
  });
});
