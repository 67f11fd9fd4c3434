import { APP, paths, testSandbox } from '../../sandbox/testing';
import { BAN_SECONDS, SANDBOX_NCS_IPS, banSeconds } from './sandbox';
import { CAPS } from './state';

const hosts = (channel: string) => `${paths.users(channel)}/hosts_only`;
const NCS = '/v2/ncs/ip';

/** A rule's end time as list-ban-rules shows it. */
async function ruleEnds(t: ReturnType<typeof testSandbox>, id: number): Promise<string | undefined> {
  const list = await t.call('GET', paths.banRules, { query: { appid: APP } });
  return (list.body.rules as Array<{ id: number; ts: string }>).find((rule) => rule.id === id)?.ts;
}

const inMs = (t: ReturnType<typeof testSandbox>, ms: number) => new Date(t.now() + ms).toISOString();

describe('channel management: channel queries', () => {
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
  });

  it('answers a page past the last, or a negative one, with no channels (Agora sets no bound on page_no)', async () => {
    const t = testSandbox();
    for (const pageNo of ['9', '-1']) {
      const page = await t.call('GET', paths.channels, { query: { page_no: pageNo, page_size: '100' } });
      expect(page.status, pageNo).toBe(200);
      expect(page.body.data, pageNo).toEqual({ channels: [], total_size: 3 });
    }
  });

  it('refuses a page_size outside [1,500] in the `message` field', async () => {
    const t = testSandbox();
    for (const size of ['0', '501']) {
      const bad = await t.call('GET', paths.channels, { query: { page_size: size } });
      expect(bad.status, size).toBe(400);
      expect(bad.body.message, size).toContain('page_size: must be at ');
    }
  });

  it('lists a channel’s users, all of them or hosts only (query flag)', async () => {
    const t = testSandbox();
    const users = await t.call('GET', paths.users('demo'));
    expect(users.body).toEqual({ success: true, data: { channel_exist: true, mode: 2, broadcasters: [123], audience: [456, 789], audience_total: 2 } });
    // `hosts_only` counts when present, whatever its value.
    for (const value of ['1', '']) {
      const onlyHosts = await t.call('GET', paths.users('demo'), { query: { hosts_only: value } });
      expect(onlyHosts.body, value).toEqual({ success: true, data: { channel_exist: true, mode: 2, broadcasters: [123] } });
    }
    expect((await t.call('GET', paths.users('nobody'))).body).toEqual({ success: true, data: { channel_exist: false } });
  });

  it('lists a channel’s hosts on the hosts_only path', async () => {
    const t = testSandbox();
    const list = await t.call('GET', hosts('demo'));
    expect(list.status).toBe(200);
    expect(list.body).toEqual({ success: true, data: { channel_exist: true, mode: 2, broadcasters: [123] } });
    // A cloud player joins as a host, so it shows here at once.
    await t.call('POST', paths.players(), { body: { player: { streamUrl: 'rtmp://x/y', channelName: 'demo', uid: 77 } } });
    expect((await t.call('GET', hosts('demo'))).body.data.broadcasters).toEqual([123, 77]);
    expect((await t.call('GET', hosts('nobody'))).body).toEqual({ success: true, data: { channel_exist: false } });
    const other = await t.call('GET', `/dev/v1/channel/user/${'b'.repeat(32)}/demo/hosts_only`);
    expect(other.status).toBe(400);
    expect(other.body.message).toBe('invalid appid');
  });

  it('tells a user’s status; the uid is a number', async () => {
    const t = testSandbox();
    const status = await t.call('GET', paths.userStatus(123, 'demo'));
    expect(status.body).toEqual({ success: true, data: { join: expect.any(Number), uid: 123, in_channel: true, platform: 7, role: 2 } });
    expect((await t.call('GET', paths.userStatus(456, 'demo'))).body.data.role).toBe(3);
    expect((await t.call('GET', paths.userStatus(999, 'demo'))).body.data).toEqual({ in_channel: false });
    const word = await t.call('GET', paths.userStatus('abc', 'demo'));
    expect(word.status).toBe(400);
    expect(word.body.message).toContain('uid');
  });
});

describe('channel management: errors as Agora documents them', () => {
  it('answers 400 {"message": "invalid appid"} for an App ID that is not a project, wherever the App ID sits', async () => {
    const t = testSandbox();
    const other = 'b'.repeat(32);
    const inPath = await t.call('GET', `/dev/v1/channel/${other}`);
    expect(inPath.status).toBe(400);
    expect(inPath.body).toMatchObject({ message: 'invalid appid' });
    // Agora's App ID parameters are plain strings: a malformed one is the same unknown project.
    expect((await t.call('GET', '/dev/v1/channel/not-an-app-id')).body.message).toBe('invalid appid');
    expect((await t.call('GET', paths.banRules, { query: { appid: other } })).body.message).toBe('invalid appid');
    const inBody = await t.call('POST', paths.banRules, { body: { appid: other, uid: 1, privileges: ['join_channel'] } });
    expect(inBody.status).toBe(400);
    expect(inBody.body.message).toBe('invalid appid');
  });

  it('answers 401 without or with wrong credentials, 404 for an unknown path, 415 for a non-JSON body', async () => {
    const t = testSandbox();
    const none = await t.call('GET', paths.channels, { auth: null });
    expect(none.status).toBe(401);
    expect(none.body.message).toEqual(expect.any(String));
    expect((await t.call('GET', paths.channels, { auth: 'Basic d3Jvbmc6d3Jvbmc=' })).status).toBe(401);
    const unknown = await t.call('GET', `/dev/v1/channel/user/${APP}/demo/guests_only`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toEqual(expect.any(String));
    const form = await t.call('POST', paths.banRules, { body: 'appid=x', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(form.status).toBe(415);
    expect(form.body.message).toContain('Unsupported Media Type');
  });

  it('answers 429 with Retry-After past each API’s own limit: 20 a second for channel queries, 10 for the others', async () => {
    const t = testSandbox();
    for (let i = 0; i < 20; i += 1) expect((await t.call('GET', paths.channels)).status).toBe(200);
    const over = await t.call('GET', paths.channels);
    expect(over.status).toBe(429);
    expect(over.body).toEqual({ message: expect.any(String) });
    expect(over.headers.get('Retry-After')).toBeTruthy();
    // Each API counts on its own.
    expect((await t.call('GET', hosts('demo'))).status).toBe(200);
    for (let i = 0; i < 10; i += 1) expect((await t.call('GET', paths.banRules, { query: { appid: APP } })).status).toBe(200);
    expect((await t.call('GET', paths.banRules, { query: { appid: APP } })).status).toBe(429);
    t.advance(1000);
    expect((await t.call('GET', paths.channels)).status).toBe(200);
  });

  it('answers injected 500s in the family’s {message} shape', async () => {
    const t = testSandbox();
    const fault = await t.call('GET', paths.channels, { headers: { 'X-Sandbox-Fault': '500' } });
    expect(fault.status).toBe(500);
    expect(fault.body).toEqual({ message: expect.any(String) });
  });
});

describe('channel management: ban rule durations', () => {
  it('reads the duration as Agora documents it: neither is 60 minutes, seconds win over minutes, out of range is clamped, 0 is a kick', () => {
    expect(banSeconds({})).toBe(BAN_SECONDS.default);
    expect(banSeconds({ time: 5 })).toBe(300);
    expect(banSeconds({ time_in_seconds: 45 })).toBe(45);
    expect(banSeconds({ time: 5, time_in_seconds: 45 })).toBe(45);
    expect(banSeconds({ time: 5000 })).toBe(1440 * 60);
    expect(banSeconds({ time: -3 })).toBe(60);
    expect(banSeconds({ time_in_seconds: 3 })).toBe(10);
    expect(banSeconds({ time_in_seconds: 100_000 })).toBe(86_430);
    expect(banSeconds({ time: 0 })).toBe(0);
    expect(banSeconds({ time: 30, time_in_seconds: 0 })).toBe(0);
  });

  it('creates rules with either duration, neither or both, and clamps instead of refusing', async () => {
    const t = testSandbox();
    const create = async (extra: Record<string, number>) => {
      const answer = await t.call('POST', paths.banRules, { body: { appid: APP, ip: '10.0.0.1', privileges: ['publish_audio'], ...extra } });
      expect(answer.status, JSON.stringify(extra)).toBe(200);
      expect(answer.body).toEqual({ status: 'success', id: expect.any(Number) });
      return answer.body.id as number;
    };
    expect(await ruleEnds(t, await create({}))).toBe(inMs(t, 3_600_000));
    expect(await ruleEnds(t, await create({ time: 2 }))).toBe(inMs(t, 120_000));
    expect(await ruleEnds(t, await create({ time_in_seconds: 30 }))).toBe(inMs(t, 30_000));
    t.advance(1000); // stay under channel management's 10 queries per second
    expect(await ruleEnds(t, await create({ time: 2, time_in_seconds: 30 }))).toBe(inMs(t, 30_000));
    expect(await ruleEnds(t, await create({ time: 2000 }))).toBe(inMs(t, 1440 * 60_000));
    expect(await ruleEnds(t, await create({ time_in_seconds: 1 }))).toBe(inMs(t, 10_000));
  });

  it('kicks with a duration of 0: the users leave, no rule is kept, they may join again', async () => {
    const t = testSandbox();
    const kick = await t.call('POST', paths.banRules, { body: { appid: APP, cname: 'demo', uid: 456, time: 0, privileges: ['join_channel'] } });
    expect(kick.status).toBe(200);
    expect(kick.body).toEqual({ status: 'success', id: 1954 });
    expect((await t.call('GET', paths.users('demo'))).body.data.audience).toEqual([789]);
    expect(await ruleEnds(t, 1954)).toBeUndefined();
    // Nothing stops the user coming back: a cloud player joins the same uid.
    await t.call('POST', paths.players(), { body: { player: { streamUrl: 'rtmp://x/y', channelName: 'demo', uid: 456 } } });
    expect((await t.call('GET', paths.userStatus(456, 'demo'))).body.data.in_channel).toBe(true);
  });

  it('updates a rule with either duration, neither or both; 0 ends it after setting its users offline', async () => {
    const t = testSandbox();
    const update = (extra: Record<string, number>) => t.call('PUT', paths.banRules, { body: { appid: APP, id: 1953, ...extra } });
    expect((await update({ time: 120 })).body).toEqual({ status: 'success', result: { id: 1953, ts: inMs(t, 7_200_000) } });
    expect((await update({ time_in_seconds: 90 })).body.result.ts).toBe(inMs(t, 90_000));
    expect((await update({ time: 120, time_in_seconds: 90 })).body.result.ts).toBe(inMs(t, 90_000));
    expect((await update({})).body.result.ts).toBe(inMs(t, 3_600_000));
    expect((await update({ time_in_seconds: 999_999 })).body.result.ts).toBe(inMs(t, 86_430_000));
    t.advance(1000);
    // Rule 1953 covers uid 789 in demo.
    const ended = await update({ time: 0 });
    expect(ended.body).toEqual({ status: 'success', result: { id: 1953, ts: inMs(t, 0) } });
    expect(await ruleEnds(t, 1953)).toBeUndefined();
    expect((await t.call('GET', paths.userStatus(789, 'demo'))).body.data).toEqual({ in_channel: false });
    expect((await update({ time: 1 })).status).toBe(404);
  });
});

describe('channel management: ban rules', () => {
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
      {
        id: 1954,
        appid: APP,
        cname: 'demo',
        uid: 456,
        opid: 0,
        ip: '',
        privileges: ['join_channel'],
        ts: inMs(t, 3_600_000),
        createAt: inMs(t, 0),
        updateAt: inMs(t, 0),
      },
    ]);

    const deleted = await t.call('DELETE', paths.banRules, { body: { appid: APP, id: 1954 } });
    expect(deleted.body).toEqual({ status: 'success', id: 1954 });
    const again = await t.call('DELETE', paths.banRules, { body: { appid: APP, id: 1954 } });
    expect(again.status).toBe(404);
    expect(again.body.message).toContain('rule not found');
  });

  it('bans a whole channel with cname alone, and treats Agora’s empty values (uid 0, ip "") as not set', async () => {
    const t = testSandbox();
    const channelBan = await t.call('POST', paths.banRules, { body: { appid: APP, cname: 'lobby', uid: 0, ip: '', privileges: ['join_channel'] } });
    expect(channelBan.status).toBe(200);
    expect((await t.call('GET', paths.users('lobby'))).body.data).toEqual({ channel_exist: false });
    // A publish ban keeps everyone in the channel.
    await t.call('POST', paths.banRules, { body: { appid: APP, cname: 'demo', privileges: ['publish_audio', 'publish_video'] } });
    expect((await t.call('GET', paths.users('demo'))).body.data.audience_total).toBe(2);
  });

  it('refuses a rule that names no one, and a privilege Agora does not have', async () => {
    const t = testSandbox();
    const nobody = await t.call('POST', paths.banRules, { body: { appid: APP, uid: 0, ip: '', time: 1, privileges: ['join_channel'] } });
    expect(nobody.status).toBe(400);
    expect(nobody.body.message).toContain('at least one of cname, uid');
    const kick = await t.call('POST', paths.banRules, { body: { appid: APP, uid: 1, privileges: ['kick'] } });
    expect(kick.status).toBe(400);
    expect(kick.body.message).toContain('privileges');
    const missing = await t.call('PUT', paths.banRules, { body: { appid: APP, time: 1 } });
    expect(missing.status).toBe(400);
    expect(missing.body.message).toContain('id');
  });

  it('expires ban rules on time', async () => {
    const t = testSandbox();
    await t.call('POST', paths.banRules, { body: { appid: APP, ip: '10.0.0.1', time_in_seconds: 10, privileges: ['publish_audio'] } });
    t.advance(10_000);
    // Only the day-long seeded rule 1953 is left.
    const ids = (await t.call('GET', paths.banRules, { query: { appid: APP } })).body.rules.map((rule: { id: number }) => rule.id);
    expect(ids).toEqual([1953]);
  });

  it('caps ban rules per App ID with a 429 that says what to do; a kick keeps no rule and is not capped', async () => {
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
    const kick = await t.call('POST', paths.banRules, { body: { appid: APP, uid: 999, time: 0, privileges: ['join_channel'] } });
    expect(kick.status).toBe(200);
  });
});

describe('channel management: notification service IPs', () => {
  it('lists the notification servers’ addresses (documentation addresses in the sandbox)', async () => {
    const t = testSandbox();
    const answer = await t.call('GET', NCS, { headers: { Accept: 'application/json' } });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ data: { service: { hosts: SANDBOX_NCS_IPS.map((primaryIP) => ({ primaryIP })) } } });
    for (const ip of SANDBOX_NCS_IPS) expect(ip).toMatch(/^192\.0\.2\.\d+$/);
  });

  it('needs credentials but no App ID, as at Agora (a stray appid is ignored, not refused)', async () => {
    const t = testSandbox();
    expect((await t.call('GET', NCS, { auth: null })).status).toBe(401);
    expect((await t.call('GET', NCS)).status).toBe(200);
    expect((await t.call('GET', NCS, { query: { appid: 'c'.repeat(32) } })).status).toBe(200);
  });
});
