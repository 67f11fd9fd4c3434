import { BEARER, paths, testSandbox } from '../../sandbox/testing';

describe('guide examples', () => {
  it('create-channel returns the guide shape with a fresh resourceId and sid, and the channel appears', async () => {
    const t = testSandbox();
    const body = { channel: 'freshchannel', uid: 'user_12345', clientRequest: { resourceExpiredHour: 24, recordingConfig: { channelType: 0, streamTypes: 2 } } };
    const one = await t.call('POST', paths.createChannel, { body });
    const two = await t.call('POST', paths.createChannel, { body: { channel: 'other', uid: '12345' } });
    expect(one.status).toBe(200);
    expect(one.body).toEqual({
      code: 200,
      message: 'success',
      data: { resourceId: expect.any(String), sid: expect.any(String), serverResponse: { status: 1, fileList: [] } },
    });
    expect(one.body.data.sid).not.toBe(two.body.data.sid);
    expect(one.headers.get('x-ratelimit-limit')).toBe('100');

    const got = await t.call('GET', paths.getChannel('freshchannel'), { auth: BEARER });
    expect(got.status).toBe(200);
    expect(got.body.data).toMatchObject({ channel: 'freshchannel', total: 1, participants: [{ uid: 'user_12345', role: 'broadcaster' }] });
    // The recording it started is a mix recording that query-recording knows.
    const query = await t.call('GET', paths.task(one.body.data.resourceId, one.body.data.sid, 'mix', 'query'));
    expect(query.status).toBe(200);
  });

  it('has the guide example channel from the start, so get-channel answers before create-channel', async () => {
    const t = testSandbox();
    const got = await t.call('GET', paths.getChannel('myvideochannel'), { auth: BEARER });
    expect(got.status).toBe(200);
    expect(got.body.data).toMatchObject({ channel: 'myvideochannel', total: 1 });
  });

  it('answers an invalid channel name with the guide 400 body', async () => {
    const t = testSandbox();
    const bad = await t.call('POST', paths.createChannel, { body: { channel: 'my-video-channel', uid: 'u1' } });
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({
      code: 400,
      message: 'Invalid channel name format',
      details: { field: 'channel', reason: 'Channel name must be alphanumeric and under 64 characters' },
    });
    const long = await t.call('POST', paths.createChannel, { body: { channel: 'a'.repeat(64), uid: 'u1' } });
    expect(long.body.details.field).toBe('channel');
    const other = await t.call('POST', paths.createChannel, { body: { channel: 'ok', uid: 'u1', clientRequest: { resourceExpiredHour: 0 } } });
    expect(other.body).toMatchObject({ code: 400, details: { field: 'clientRequest.resourceExpiredHour' } });
  });

  it('get-channel needs the Bearer token, 404s an unknown channel, 403s another project', async () => {
    const t = testSandbox();
    expect((await t.call('GET', paths.getChannel('demo'))).status).toBe(401);
    const seeded = await t.call('GET', paths.getChannel('demo'), { auth: BEARER });
    expect(seeded.body.data.total).toBe(3);
    const missing = await t.call('GET', paths.getChannel('nochannel'), { auth: BEARER });
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ code: 404, message: 'Channel not found', details: { field: 'channelName' } });
    const other = await t.call('GET', `/v1/projects/${'a'.repeat(32)}/channels/demo`, { auth: BEARER });
    expect(other.status).toBe(403);
    expect(other.body.details.field).toBe('appId');
  });

  it('plan limit: 100 requests per minute with X-RateLimit-* headers, then 429 with Retry-After', async () => {
    const t = testSandbox();
    let last;
    for (let i = 0; i < 100; i += 1) last = await t.call('GET', paths.getChannel('demo'), { auth: BEARER });
    expect(last!.status).toBe(200);
    expect(last!.headers.get('x-ratelimit-remaining')).toBe('0');
    const reset = Number(last!.headers.get('x-ratelimit-reset'));
    expect(reset).toBe(Math.ceil((t.now() + 60_000) / 1000));
    t.advance(15_000);
    const over = await t.call('GET', paths.getChannel('demo'), { auth: BEARER });
    expect(over.status).toBe(429);
    expect(over.headers.get('retry-after')).toBe('45');
    expect(over.body).toMatchObject({ code: 429, message: 'Rate limit exceeded' });
    // The plan is the guide's: Agora's own families keep only their documented QPS limits.
    const channels = await t.call('GET', paths.channels);
    expect(channels.status).toBe(200);
    expect(channels.headers.get('x-ratelimit-remaining')).toBeNull();
    t.advance(45_000);
    const fresh = await t.call('GET', paths.getChannel('demo'), { auth: BEARER });
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get('x-ratelimit-remaining')).toBe('99');
  });
});
