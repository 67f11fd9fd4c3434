/**
 * Real-Time STT's notifications, read back through the Events stream: agent joined
 * (101) and agent left (102) as Agora's 7.x callback page documents them, beside the
 * RTC channel events the bot's join and leave cause.
 */
import { kinds, snapshot } from '../../sandbox/events/testing';
import { APP, BASIC, testSandbox } from '../../sandbox/testing';
import { REAL_TIME_STT_NOTIFICATIONS } from './events';

const base = `/api/speech-to-text/v1/projects/${APP}`;
const body = (channelName: string, extra: Record<string, unknown> = {}) => ({ name: 'captions', languages: ['en-US'], rtcConfig: { channelName, pubBotUid: '88222' }, ...extra });

/** Streams that end at once, so each read is a snapshot of what has been sent so far. */
const sandbox = () => testSandbox({ eventStream: { lifetimeMs: 0 } });

describe('Real-Time STT notifications', () => {
  it('documents only the two events of Agora\'s 7.x table, under productId 20', () => {
    expect(REAL_TIME_STT_NOTIFICATIONS.productId).toBe(20);
    expect(REAL_TIME_STT_NOTIFICATIONS.events.map((event) => [event.eventType, event.name])).toEqual([[101, 'agent joined'], [102, 'agent left']]);
  });

  it('sends agent joined on join and agent left (OK) on leave, caused by those calls', async () => {
    const t = sandbox();
    const joined = await t.call('POST', `${base}/join`, { body: body('demo'), headers: { 'X-Request-ID': 'req-join' } });
    const id = joined.body.agent_id as string;
    const start = Math.floor(t.now() / 1000);
    let seen = await snapshot(t.sandbox, BASIC);
    // The bot joins the seeded channel as a host (RTC 103), then the agent's own notice.
    expect(kinds(seen.notices)).toEqual(['1/103', '20/101']);
    expect(seen.notices[1].name).toBe('agent joined');
    expect(seen.notices[1].body.payload).toEqual({ agent_id: id, channel: 'demo', start_ts: start });
    expect(seen.notices[1].cause).toMatchObject({ requestId: 'req-join', operationId: 'start-stt-agent' });

    t.advance(13_000);
    await t.call('POST', `${base}/agents/${id}/leave`, { headers: { 'X-Request-ID': 'req-leave' } });
    seen = await snapshot(t.sandbox, BASIC);
    expect(kinds(seen.notices)).toEqual(['1/103', '20/101', '1/104', '20/102']);
    const left = seen.notices[3];
    expect(left.body.payload).toEqual({ agent_id: id, channel: 'demo', message: 'OK', start_ts: start, status: 'STOPPED', stop_ts: start + 13 });
    expect(left.cause?.operationId).toBe('stop-stt-agent');
  });

  it('sends agent left with "Idle for too long" when the channel has no host for maxIdleTime, dated when it happened', async () => {
    const t = sandbox();
    await t.call('POST', `${base}/join`, { body: body('quiet-room', { maxIdleTime: 5 }) });
    const joinedAt = t.now();
    t.advance(60_000);
    const { notices } = await snapshot(t.sandbox, BASIC);
    const left = notices.find((notice) => notice.name === 'agent left')!;
    expect(left.body.payload).toMatchObject({ message: 'Idle for too long', status: 'STOPPED', stop_ts: Math.floor((joinedAt + 5000) / 1000) });
    expect(left.body.notifyMs).toBe(joinedAt + 5000);
    expect(left.cause).toBeUndefined();
    expect(left.origin).toMatch(/idle timeout \(5 s/);
  });
});
