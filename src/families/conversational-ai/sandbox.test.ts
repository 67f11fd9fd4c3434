import { DEMO } from '../../sandbox/demo';
import { APP, BASIC, issueProject, testSandbox } from '../../sandbox/testing';
import { SPEAK_MAX_BYTES } from './sandbox';

const BASE = `/api/conversational-ai-agent/v2/projects/${APP}`;
const at = {
  join: `${BASE}/join`,
  list: `${BASE}/agents`,
  agent: (id: string, action = '') => `${BASE}/agents/${id}${action ? `/${action}` : ''}`,
  users: (channel: string) => `/dev/v1/channel/user/${APP}/${channel}`,
};
const TOKEN = `agora token=${DEMO.token}`;

/** A join body; `lobby` holds users 1001 and 1002 from the start (src/sandbox/demo.ts). */
const join = (name = 'support-agent-1', properties: Record<string, unknown> = {}) => ({
  name,
  properties: {
    channel: 'lobby',
    token: 'demo-rtc-token',
    agent_rtc_uid: '9001',
    remote_rtc_uids: ['1002'],
    llm: { url: 'https://api.openai.com/v1/chat/completions', api_key: 'k', greeting_message: 'Hello!', max_history: 3 },
    tts: { vendor: 'microsoft', params: { key: 'k' } },
    ...properties,
  },
});

describe('Conversational AI', () => {
  it('runs the lifecycle: join, query, update, speak, interrupt, think, history, list, leave', async () => {
    const t = testSandbox();
    const joined = await t.call('POST', at.join, { body: join() });
    expect(joined.status).toBe(200);
    expect(joined.body).toMatchObject({ status: 'RUNNING', create_ts: Math.floor(t.now() / 1000) });
    const id = joined.body.agent_id as string;
    expect(id).toMatch(/^[0-9A-F]{24}$/);
    // The agent is in the channel, where channel management sees it.
    expect((await t.call('GET', at.users('lobby'))).body.data.broadcasters).toContain(9001);

    const query = await t.call('GET', at.agent(id));
    expect(query.body).toEqual({ agent_id: id, name: 'support-agent-1', start_ts: joined.body.create_ts, status: 'RUNNING', message: '' });

    const updated = await t.call('POST', at.agent(id, 'update'), { body: { properties: { token: 'new', llm: { params: { model: 'gpt-4o' } } } } });
    expect(updated.body).toEqual({ agent_id: id, create_ts: joined.body.create_ts, status: 'RUNNING' });

    const spoke = await t.call('POST', at.agent(id, 'speak'), { body: { text: 'Your order has shipped.' } });
    expect(spoke.body).toEqual({ agent_id: id, channel: 'lobby', start_ts: joined.body.create_ts });
    t.advance(100);
    expect((await t.call('POST', at.agent(id, 'interrupt'))).status).toBe(200);
    await t.call('POST', at.agent(id, 'think'), { body: { text: 'The user opened billing.' } });
    await t.call('POST', at.agent(id, 'speak'), { body: { text: 'One more thing.' } });

    // max_history 3: the greeting has gone, the newest three stay, oldest first.
    const history = await t.call('GET', at.agent(id, 'history'));
    expect(history.body).toMatchObject({ agent_id: id, status: 'RUNNING' });
    expect(history.body.contents).toEqual([
      { role: 'assistant', content: 'Your order has shipped.' },
      { role: 'user', content: 'The user opened billing.' },
      { role: 'assistant', content: 'One more thing.' },
    ]);

    const turns = await t.call('GET', at.agent(id, 'turns'));
    expect(turns.body).toMatchObject({ agent_id: id, name: 'support-agent-1', channel: 'lobby', total_turn_count: 3, pagination: { page_index: 1, total_pages: 1, is_last_page: true } });
    expect(turns.body.turns.map((turn: { start: { type: string }; end: { type: string } }) => `${turn.start.type}:${turn.end.type}`)).toEqual(['greeting:ok', 'api_speak:interrupted', 'api_speak:ok']);
    expect(turns.body.turns[1].end.metadata).toEqual({ caused_by: 'api_interrupt', transport: 'http' });

    const list = await t.call('GET', at.list);
    expect(list.body).toEqual({ data: { count: 1, list: [{ agent_id: id, start_ts: joined.body.create_ts, status: 'RUNNING' }] }, meta: { cursor: '', total: 1 }, status: 'ok' });

    t.advance(1000);
    const left = await t.call('POST', at.agent(id, 'leave'));
    expect(left).toMatchObject({ status: 200, body: {} });
    const stopped = await t.call('GET', at.agent(id));
    expect(stopped.body).toMatchObject({ status: 'STOPPED', message: 'OK', stop_ts: Math.floor(t.now() / 1000) });
    expect((await t.call('GET', at.users('lobby'))).body.data.broadcasters).not.toContain(9001);
    // Running agents only by default; state=4 finds the stopped one.
    expect((await t.call('GET', at.list)).body.data.count).toBe(0);
    expect((await t.call('GET', at.list, { query: { state: '4' } })).body.data.list[0].agent_id).toBe(id);
    // Turns outlive the agent; the running-only calls answer 404 TaskNotFound.
    expect((await t.call('GET', at.agent(id, 'turns'))).status).toBe(200);
    for (const [method, action, body] of [['POST', 'leave'], ['POST', 'update', {}], ['POST', 'speak', { text: 'x' }], ['POST', 'interrupt'], ['POST', 'think', { text: 'x' }], ['GET', 'history']] as const) {
      const answer = await t.call(method, at.agent(id, action), { body });
      expect(answer.status, action).toBe(404);
      expect(answer.body.reason, action).toBe('TaskNotFound');
    }
    expect((await t.call('GET', at.agent('NOSUCHAGENT'))).body).toMatchObject({ reason: 'TaskNotFound' });
  });

  it('accepts Basic and the agora token scheme (demo token and an issued project token), and refuses the rest with 401', async () => {
    const t = testSandbox();
    expect((await t.call('GET', at.list, { auth: TOKEN })).status).toBe(200);
    expect((await t.call('GET', at.list, { auth: BASIC })).status).toBe(200);
    expect((await t.call('GET', at.list, { auth: 'agora token=wrong' })).body).toEqual({ message: 'Invalid authentication credentials' });
    expect((await t.call('GET', at.list, { auth: 'agora demo-token' })).status).toBe(401);
    expect((await t.call('GET', at.list, { auth: `Bearer ${DEMO.token}` })).status).toBe(401);
    expect((await t.call('GET', at.list, { auth: null })).body).toEqual({ message: 'Unauthorized' });
    const own = await issueProject(t.sandbox);
    const path = `/api/conversational-ai-agent/v2/projects/${own.appId}/agents`;
    expect((await t.call('GET', path, { auth: `agora token=${own.token}` })).status).toBe(200);
    // The demo token opens the demo project only: another App ID is not enabled for it.
    const other = await t.call('GET', path, { auth: TOKEN });
    expect(other).toMatchObject({ status: 403, body: { reason: 'ServiceNotEnabled' } });
  });

  it('answers 409 TaskConflict naming the running agent, and frees the name when it stops', async () => {
    const t = testSandbox();
    const first = await t.call('POST', at.join, { body: join() });
    const again = await t.call('POST', at.join, { body: join('support-agent-1', { agent_rtc_uid: '9002' }) });
    expect(again.status).toBe(409);
    expect(again.body.reason).toBe('TaskConflict');
    expect(again.body.detail).toContain(first.body.agent_id);
    await t.call('POST', at.agent(first.body.agent_id, 'leave'));
    expect((await t.call('POST', at.join, { body: join('support-agent-1', { agent_rtc_uid: '9002' }) })).status).toBe(200);
  });

  it('runs at most 20 agents at once (422 ConcurrencyLimitExceeded)', async () => {
    const t = testSandbox();
    for (let i = 0; i < 20; i += 1) {
      expect((await t.call('POST', at.join, { body: join(`agent-${i}`, { agent_rtc_uid: String(9100 + i) }) })).status).toBe(200);
    }
    const over = await t.call('POST', at.join, { body: join('agent-20', { agent_rtc_uid: '9200' }) });
    expect(over).toMatchObject({ status: 422, body: { reason: 'ConcurrencyLimitExceeded' } });
  });

  it('refuses what Agora refuses, with its reason names', async () => {
    const t = testSandbox();
    const cases: Array<[unknown, string, string]> = [
      [{ properties: join().properties }, 'MissingRequiredField', 'name'],
      [join('a', { channel: undefined }), 'MissingRequiredField', 'properties.channel'],
      [join('a', { agent_rtc_uid: 'bot' }), 'InvalidFieldValue', 'properties.agent_rtc_uid'],
      [join('a', { remote_rtc_uids: ['1002', '1001'] }), 'InvalidFieldValue', 'properties.remote_rtc_uids'],
      [join('a', { agent_rtc_uid: '1001' }), 'InvalidFieldValue', 'already in channel lobby'],
      [join('a', { idle_timeout: 259201 }), 'InvalidFieldValue', 'properties.idle_timeout'],
      [join('a', { llm: { url: 'u', greeting_audio_url: 'https://example.com/hi.mp3' } }), 'MissingRequiredField', 'greeting_message'],
      [join('a', { llm: { url: 'u', greeting_message: 'Hi', greeting_audio_url: 'ftp://example.com/hi.mp3' } }), 'InvalidFieldValue', 'greeting_audio_url'],
    ];
    for (const [body, reason, detail] of cases) {
      const answer = await t.call('POST', at.join, { body });
      expect(answer.status, detail).toBe(400);
      expect(answer.body.reason, detail).toBe(reason);
      expect(answer.body.detail, detail).toContain(detail);
    }
    const notJson = await t.call('POST', at.join, { body: '{"name": nope' });
    expect(notJson.body.reason).toBe('InvalidRequestBody');
    // String uids with enable_string_uid.
    expect((await t.call('POST', at.join, { body: join('s', { agent_rtc_uid: 'bot', remote_rtc_uids: ['guest'], enable_string_uid: true }) })).status).toBe(200);

    const id = (await t.call('POST', at.join, { body: join('b', { agent_rtc_uid: '9003' }) })).body.agent_id as string;
    const long = await t.call('POST', at.agent(id, 'speak'), { body: { text: 'é'.repeat(SPEAK_MAX_BYTES / 2 + 1) } });
    expect(long).toMatchObject({ status: 400, body: { reason: 'InvalidFieldValue' } });
    expect((await t.call('POST', at.agent(id, 'speak'), { body: { text: 'x', priority: 'LATER' } })).status).toBe(400);
    const mllm = (await t.call('POST', at.join, { body: join('m', { agent_rtc_uid: '9004', mllm: { enable: true, api_key: 'k' } }) })).body.agent_id as string;
    expect((await t.call('POST', at.agent(mllm, 'speak'), { body: { text: 'hi' } })).body.detail).toContain('mllm');
    expect((await t.call('GET', at.list, { query: { state: '5' } })).status).toBe(400);
    expect((await t.call('GET', at.list, { query: { cursor: 'nope' } })).body.reason).toBe('InvalidFieldValue');
    expect((await t.call('GET', at.agent(id, 'turns'), { query: { page_size: '0' } })).status).toBe(400);
  });

  it('pages the list newest first with a cursor, and filters by channel and start time', async () => {
    const t = testSandbox();
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      ids.push((await t.call('POST', at.join, { body: join(`agent-${i}`, { agent_rtc_uid: String(9100 + i), channel: i < 3 ? 'lobby' : 'demo', remote_rtc_uids: [i < 3 ? '1002' : '123'] }) })).body.agent_id);
      t.advance(1000);
    }
    const first = await t.call('GET', at.list, { query: { limit: '2' } });
    expect(first.body.data.list.map((a: { agent_id: string }) => a.agent_id)).toEqual([ids[4], ids[3]]);
    expect(first.body.meta).toEqual({ cursor: ids[2], total: 5 });
    const second = await t.call('GET', at.list, { query: { limit: '2', cursor: first.body.meta.cursor } });
    expect(second.body.data.list.map((a: { agent_id: string }) => a.agent_id)).toEqual([ids[2], ids[1]]);
    const last = await t.call('GET', at.list, { query: { limit: '2', cursor: second.body.meta.cursor } });
    expect(last.body.data.list.map((a: { agent_id: string }) => a.agent_id)).toEqual([ids[0]]);
    expect(last.body.meta.cursor).toBe('');
    expect((await t.call('GET', at.list, { query: { channel: 'demo' } })).body.meta.total).toBe(2);
    const startTs = Math.floor(t.now() / 1000) - 5;
    expect((await t.call('GET', at.list, { query: { from_time: String(startTs + 3) } })).body.meta.total).toBe(2);
    t.advance(3 * 60 * 60_000);
    // Two hours back by default.
    expect((await t.call('GET', at.list)).body.meta.total).toBe(0);
  });

  it('leaves after idle_timeout with no remote user in the channel, and never with idle_timeout 0', async () => {
    const t = testSandbox();
    const lonely = (await t.call('POST', at.join, { body: join('lonely', { channel: 'empty-room', idle_timeout: 60 }) })).body.agent_id as string;
    const patient = (await t.call('POST', at.join, { body: join('patient', { channel: 'empty-room', agent_rtc_uid: '9002', idle_timeout: 0 }) })).body.agent_id as string;
    const present = (await t.call('POST', at.join, { body: join('present', { idle_timeout: 60 }) })).body.agent_id as string;
    t.advance(59_000);
    expect((await t.call('GET', at.agent(lonely))).body.status).toBe('RUNNING');
    t.advance(1000);
    expect((await t.call('GET', at.agent(lonely))).body).toMatchObject({ status: 'STOPPED', message: 'Idle for too long' });
    expect((await t.call('GET', at.agent(patient))).body.status).toBe('RUNNING');
    expect((await t.call('GET', at.agent(present))).body.status).toBe('RUNNING');
    // A greeting only plays when the user is there.
    expect((await t.call('GET', at.agent(patient, 'history'))).body.contents).toEqual([]);
    expect((await t.call('GET', at.agent(present, 'history'))).body.contents).toEqual([{ role: 'assistant', content: 'Hello!' }]);
  });
});
