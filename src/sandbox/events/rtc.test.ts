/**
 * RTC channel events (productId 1) from the sandbox's shared channels: the
 * seeded channels were always there (no events), a kicking rule removes users
 * with reason 3, a guide channel's user leaves when its time is up.
 */
import { GUIDE_CHANNEL_TTL_MS } from '../../families/guide/sandbox';
import { APP, BASIC, paths, testSandbox } from '../testing';
import { kinds, snapshot } from './testing';

describe('RTC channel events', () => {
  it('sends nothing for the seeded channels', async () => {
    const t = testSandbox({ eventStream: { lifetimeMs: 0 } });
    expect((await t.call('GET', paths.channels)).status).toBe(200);
    expect((await snapshot(t.sandbox, BASIC)).notices).toEqual([]);
  });

  it('a kicking rule takes users out with reason 3 (permission), and the last one out destroys the channel', async () => {
    const t = testSandbox({ eventStream: { lifetimeMs: 0 } });
    await t.call('GET', paths.channels);
    t.advance(30_000);
    // `lobby` holds host 1001 and audience 1002, seeded ten minutes before the project's start.
    expect((await t.call('POST', paths.banRules, { body: { appid: APP, cname: 'lobby', privileges: ['join_channel'], time: 10 } })).status).toBe(200);
    const { notices } = await snapshot(t.sandbox, BASIC);
    expect(kinds(notices)).toEqual(['1/104', '1/106', '1/102']);
    expect(notices[0].body.payload).toMatchObject({ channelName: 'lobby', uid: 1001, platform: 8, reason: 3, duration: 630 });
    expect(notices[1].body.payload).toMatchObject({ channelName: 'lobby', uid: 1002, platform: 5, reason: 3 });
    expect(notices[2].body.payload).toEqual({ channelName: 'lobby', ts: Math.floor(t.now() / 1000), lastUid: 1002 });
    // Every channel event but 101/102 carries clientSeq, growing as events happen.
    expect(typeof notices[0].body.payload.clientSeq).toBe('number');
    expect(notices[1].body.payload.clientSeq as number).toBeGreaterThan(notices[0].body.payload.clientSeq as number);
    expect(notices[0].cause?.operationId).toBe('create-ban-rule');
  });

  it("a guide channel's user leaves when its hour is up, dated then", async () => {
    const t = testSandbox({ eventStream: { lifetimeMs: 0 } });
    await t.call('POST', paths.createChannel, { body: { channel: 'hourly', uid: '5' } });
    const joinedAt = t.now();
    t.advance(GUIDE_CHANNEL_TTL_MS + 1000);
    const channelEvents = (await snapshot(t.sandbox, BASIC)).notices.filter((notice) => notice.body.productId === 1);
    expect(kinds(channelEvents)).toEqual(['1/101', '1/103', '1/104', '1/102']);
    expect(channelEvents[2].body.payload).toMatchObject({ reason: 1, duration: GUIDE_CHANNEL_TTL_MS / 1000, ts: Math.floor((joinedAt + GUIDE_CHANNEL_TTL_MS) / 1000) });
  });
});
