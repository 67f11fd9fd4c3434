import { APP, paths, testSandbox } from '../../sandbox/testing';
import { CAPS } from './state';

describe('channel management', () => {
  it('lists seeded channels and channels made by other calls, with page_no/page_size', async () => {
    const t = testSandbox();
    const first = await t.call('GET', paths.channels);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      success: true,
      data: {
        channels: [
          { channel_name: 'demo', user_count: 3 },
          { channel_name: 'myvideochannel', user_count: 1 },
          { channel_name: 'lobby', user_count: 2 },
        ],
        total_size: 3,
      },
    });
    await t.call('POST', paths.players(), { body: { player: { streamUrl: 'rtmp://x/y', channelName: 'stage', uid: 5 } } });
    const page = await t.call('GET', paths.channels, { query: { page_no: '1', page_size: '2' } });
    expect(page.body.data).toEqual({ channels: [{ channel_name: 'lobby', user_count: 2 }, { channel_name: 'stage', user_count: 1 }], total_size: 4 });
    const bad = await t.call('GET', paths.channels, { query: { page_size: '501' } });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('page_size: must be at most 500');
  });

  it('lists a channel’s users and a user’s status', async () => {
    const t = testSandbox();
    const users = await t.call('GET', paths.users('demo'));
    expect(users.body).toEqual({ success: true, data: { channel_exist: true, mode: 2, broadcasters: [123], audience: [456, 789], audience_total: 2 } });
    expect((await t.call('GET', paths.users('nobody'))).body).toEqual({ success: true, data: { channel_exist: false } });
    const status = await t.call('GET', paths.userStatus(123, 'demo'));
    expect(status.body).toEqual({ success: true, data: { join: expect.any(Number), uid: 123, in_channel: true, platform: 7, role: 2 } });
    expect((await t.call('GET', paths.userStatus(999, 'demo'))).body.data).toEqual({ in_channel: false });
    expect((await t.call('GET', paths.userStatus('abc', 'demo'))).status).toBe(400);
  });

  it('answers invalid appid for another App ID', async () => {
    const t = testSandbox();
    const other = await t.call('GET', `/dev/v1/channel/${'b'.repeat(32)}`);
    expect(other.status).toBe(400);
    expect(other.body.message).toBe('invalid appid');
    const rules = await t.call('GET', paths.banRules, { query: { appid: 'c'.repeat(32) } });
    expect(rules.body.message).toBe('invalid appid');
  });

  it('creates, lists, updates and deletes ban rules; a join ban removes the user', async () => {
    const t = testSandbox();
    const created = await t.call('POST', paths.banRules, { body: { appid: APP, cname: 'demo', uid: 456, time: 60, privileges: ['join_channel'] } });
    expect(created.status).toBe(200);
    expect(created.body).toEqual({ status: 'success', id: 1954 });
    expect((await t.call('GET', paths.users('demo'))).body.data.audience).toEqual([789]);

    const list = await t.call('GET', paths.banRules, { query: { appid: APP } });
    expect(list.body.status).toBe('success');
    // Rule 1953 is the seeded demo rule the catalog's examples name.
    expect(list.body.rules).toEqual([
      expect.objectContaining({ id: 1953, uid: 789, privileges: ['join_channel'] }),
      expect.objectContaining({ id: 1954, appid: APP, cname: 'demo', uid: 456, privileges: ['join_channel'], ts: new Date(t.now() + 3_600_000).toISOString() }),
    ]);

    const updated = await t.call('PUT', paths.banRules, { body: { appid: APP, id: 1954, time: 120 } });
    expect(updated.body).toEqual({ status: 'success', result: { id: 1954, ts: new Date(t.now() + 7_200_000).toISOString() } });
    expect((await t.call('PUT', paths.banRules, { body: { appid: APP, id: 99, time: 1 } })).status).toBe(404);

    const deleted = await t.call('DELETE', paths.banRules, { body: { appid: APP, id: 1954 } });
    expect(deleted.body).toEqual({ status: 'success', id: 1954 });
    const again = await t.call('DELETE', paths.banRules, { body: { appid: APP, id: 1954 } });
    expect(again.status).toBe(404);
    expect(again.body.message).toContain('rule not found');
  });

  it('validates ban rules: exactly one of time and time_in_seconds, someone to ban, JSON only', async () => {
    const t = testSandbox();
    const both = await t.call('POST', paths.banRules, { body: { appid: APP, uid: 1, time: 1, time_in_seconds: 10, privileges: ['join_channel'] } });
    expect(both.status).toBe(400);
    expect(both.body.message).toContain('set only one of time and time_in_seconds');
    const nobody = await t.call('POST', paths.banRules, { body: { appid: APP, time: 1, privileges: ['join_channel'] } });
    expect(nobody.status).toBe(400);
    const form = await t.call('POST', paths.banRules, { body: 'appid=x', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(form.status).toBe(415);
  });

  it('expires ban rules on time', async () => {
    const t = testSandbox();
    await t.call('POST', paths.banRules, { body: { appid: APP, ip: '10.0.0.1', time_in_seconds: 10, privileges: ['publish_audio'] } });
    t.advance(10_000);
    // Only the day-long seeded rule 1953 is left.
    const ids = (await t.call('GET', paths.banRules, { query: { appid: APP } })).body.rules.map((rule: { id: number }) => rule.id);
    expect(ids).toEqual([1953]);
  });

  it('caps ban rules per App ID with a 429 that says what to do', async () => {
    const t = testSandbox({ planLimitPerMinute: 10_000 });
    // The demo project starts with one seeded rule, so CAPS.banRules - 1 more fit.
    for (let i = 1; i < CAPS.banRules; i += 1) {
      const created = await t.call('POST', paths.banRules, { body: { appid: APP, uid: i + 1, time: 10, privileges: ['publish_audio'] } });
      expect(created.status).toBe(200);
      if (i % 9 === 8) t.advance(1000); // stay under channel management's 10 per second
    }
    t.advance(1000);
    const over = await t.call('POST', paths.banRules, { body: { appid: APP, uid: 999, time: 10, privileges: ['publish_audio'] } });
    expect(over.status).toBe(429);
    expect(over.body.message).toContain(`at most ${CAPS.banRules} ban rules`);
  });
});
