/**
 * Conversational AI's notifications (productId 17), read back through the Events
 * stream: agent joined on join; agent left, agent history and turns finished on
 * leave and on an idle timeout, with Agora's payload fields.
 */
import { kinds, snapshot } from '../../sandbox/events/testing';
import { APP, BASIC, testSandbox } from '../../sandbox/testing';
import { CONVERSATIONAL_AI_NOTIFICATIONS } from './events';

const BASE = `/api/conversational-ai-agent/v2/projects/${APP}`;
const join = (name: string, channel: string, extra: Record<string, unknown> = {}) => ({
  name,
  properties: {
    channel,
    token: 't',
    agent_rtc_uid: '9001',
    remote_rtc_uids: ['1002'],
    llm: { url: 'https://llm.example/v1', greeting_message: 'Hello!' },
    tts: { vendor: 'microsoft', params: {} },
    labels: { campaign: 'spring' },
    ...extra,
  },
});

/** Streams that end at once, so each read is a snapshot of what has been sent so far. */
const sandbox = () => testSandbox({ eventStream: { lifetimeMs: 0 } });
const ours = <T extends { body: { productId: number } }>(notices: T[]) => notices.filter((notice) => notice.body.productId === 17);

describe('Conversational AI notifications', () => {
  it('sends agent joined, then agent left, agent history and turns finished on leave', async () => {
    const t = sandbox();
    const joined = await t.call('POST', `${BASE}/join`, { body: join('greeter', 'lobby'), headers: { 'X-Request-ID': 'req-join' } });
    const id = joined.body.agent_id as string;
    let notices = ours((await snapshot(t.sandbox, BASIC)).notices);
    expect(kinds(notices)).toEqual(['17/101']);
    expect(notices[0].name).toBe('agent joined');
    expect(notices[0].body.payload).toEqual({ agent_id: id, name: 'greeter', start_ts: joined.body.create_ts, channel: 'lobby', labels: { campaign: 'spring' } });
    expect(notices[0].cause?.requestId).toBe('req-join');

    await t.call('POST', `${BASE}/agents/${id}/speak`, { body: { text: 'Your order has shipped.' } });
    t.advance(5000);
    await t.call('POST', `${BASE}/agents/${id}/leave`);
    notices = ours((await snapshot(t.sandbox, BASIC)).notices);
    expect(kinds(notices)).toEqual(['17/101', '17/102', '17/103', '17/112']);
    const stopTs = joined.body.create_ts + 5;
    expect(notices[1].body.payload).toMatchObject({ agent_id: id, name: 'greeter', channel: 'lobby', status: 'STOPPED', message: 'OK', stop_ts: stopTs, labels: { campaign: 'spring' } });
    expect(notices[2].body.payload).toMatchObject({
      agent_id: id,
      stop_ts: stopTs,
      contents: [
        { role: 'assistant', content: 'Hello!' },
        { role: 'assistant', content: 'Your order has shipped.' },
      ],
    });
    expect(notices[3].body.payload).toMatchObject({ agent_id: id, total_turn_count: 2, is_truncated: false });
    expect((notices[3].body.payload.turns as unknown[]).length).toBe(2);
  });

  it('sends agent left with "Idle for too long" when its idle_timeout runs out, dated when it happened', async () => {
    const t = sandbox();
    const joined = await t.call('POST', `${BASE}/join`, { body: join('lonely', 'empty-room', { idle_timeout: 30 }) });
    t.advance(45_000);
    const notices = ours((await snapshot(t.sandbox, BASIC)).notices);
    expect(kinds(notices)).toEqual(['17/101', '17/102', '17/103', '17/112']);
    expect(notices[1].body.payload).toMatchObject({ agent_id: joined.body.agent_id, status: 'STOPPED', message: 'Idle for too long', stop_ts: joined.body.create_ts + 30 });
  });

  it('documents every event Agora lists, saying why the sandbox cannot send the rest', () => {
    expect(CONVERSATIONAL_AI_NOTIFICATIONS.events.map((event) => event.eventType)).toEqual([101, 102, 103, 104, 110, 111, 112, 201, 202]);
    for (const event of CONVERSATIONAL_AI_NOTIFICATIONS.events) expect(Boolean(event.sandbox) !== Boolean(event.whyNot), String(event.eventType)).toBe(true);
    expect(CONVERSATIONAL_AI_NOTIFICATIONS.summary({ agent_id: 'A1', name: 'greeter', status: 'STOPPED', channel: 'lobby' })).toContainEqual(['channel', 'lobby']);
  });
});
