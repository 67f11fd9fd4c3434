import { APP, paths, testSandbox } from '../../sandbox/testing';
import { STOPPED_KEPT_MS } from './state';

const base = `/api/speech-to-text/v1/projects/${APP}`;
const stt = {
  join: `${base}/join`,
  list: (query = '') => `${base}/agents${query}`,
  agent: (id: string) => `${base}/agents/${id}`,
  update: (id: string, sequenceId: number | string, mask: string) => `${base}/agents/${id}/update?sequenceId=${sequenceId}&updateMask=${encodeURIComponent(mask)}`,
  leave: (id: string) => `${base}/agents/${id}/leave`,
};

const joinBody = (extra: Record<string, unknown> = {}, rtc: Record<string, unknown> = {}) => ({
  name: 'demo-stt',
  languages: ['en-US'],
  ...extra,
  rtcConfig: { channelName: 'demo', pubBotUid: '88222', ...rtc },
});

type T = ReturnType<typeof testSandbox>;

async function join(t: T, extra: Record<string, unknown> = {}, rtc: Record<string, unknown> = {}): Promise<string> {
  const answer = await t.call('POST', stt.join, { body: joinBody(extra, rtc) });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body.agent_id as string;
}

describe('Real-Time STT', () => {
  it('runs join -> query -> update -> list -> leave, with the bot in the channel while the agent runs', async () => {
    const t = testSandbox();
    const joined = await t.call('POST', stt.join, {
      body: joinBody({ translateConfig: { languages: [{ source: 'en-US', target: ['fr-FR', 'ja-JP'] }] } }),
    });
    expect(joined.status).toBe(200);
    expect(joined.body).toEqual({ agent_id: expect.stringMatching(/^[0-9A-Z]{26}$/), create_ts: Math.floor(t.now() / 1000), status: 'RUNNING' });
    const id = joined.body.agent_id as string;
    expect((await t.call('GET', paths.users('demo'))).body.data.broadcasters).toContain(88222);

    t.advance(1000);
    const queried = await t.call('GET', stt.agent(id));
    expect(queried.body).toEqual({ message: 'The agent is running.', agent_id: id, create_ts: joined.body.create_ts, status: 'RUNNING' });

    const updated = await t.call('POST', stt.update(id, 1, 'translateConfig.enable,translateConfig.languages'), {
      body: { translateConfig: { enable: true, languages: [{ source: 'en-US', target: ['ja-JP'] }] } },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toEqual(joined.body);

    const listed = await t.call('GET', stt.list('?channel=demo'));
    expect(listed.body).toEqual({ data: { count: 1, list: [{ agent_id: id, start_ts: joined.body.create_ts, status: 'RUNNING' }] }, meta: { cursor: '', total: 1 }, status: 'ok' });

    const left = await t.call('POST', stt.leave(id));
    expect(left.status).toBe(200);
    expect(left.body).toEqual({});
    expect((await t.call('GET', paths.users('demo'))).body.data.broadcasters).not.toContain(88222);
    expect((await t.call('GET', stt.agent(id))).body).toMatchObject({ status: 'STOPPED', message: 'The agent stopped: OK.' });
    expect((await t.call('GET', stt.list())).body.data.count).toBe(0);
    expect((await t.call('GET', stt.list('?state=4'))).body.data.list[0]).toMatchObject({ agent_id: id, status: 'STOPPED' });
  });

  it('answers 409 for a name already running in the channel, and allows it in another channel or after leave', async () => {
    const t = testSandbox();
    const id = await join(t);
    const again = await t.call('POST', stt.join, { body: joinBody({}, { pubBotUid: '88223' }) });
    expect(again.status).toBe(409);
    expect(again.body.reason).toBe('The task has already been started.');
    expect(again.body.detail).toContain(id);
    await join(t, {}, { channelName: 'lecture', pubBotUid: '88223' });
    await t.call('POST', stt.leave(id));
    await join(t, {}, { pubBotUid: '88224' });
  });

  it('refuses a pubBotUid that someone in the channel already has', async () => {
    const t = testSandbox();
    const taken = await t.call('POST', stt.join, { body: joinBody({}, { pubBotUid: '123' }) });
    expect(taken.status).toBe(400);
    expect(taken.body.detail).toMatch(/^rtcConfig\.pubBotUid: uid 123 is already in channel "demo"/);
    await join(t);
    const bot = await t.call('POST', stt.join, { body: joinBody({ name: 'second' }) });
    expect(bot.body.detail).toContain("another agent's bot");
  });

  it('checks the rules Agora states in prose, naming the field', async () => {
    const t = testSandbox();
    const cases: Array<[Record<string, unknown>, Record<string, unknown>, string]> = [
      [{ languages: [] }, {}, 'languages'],
      [{ translateConfig: { languages: [{ source: 'en-US', target: ['fr-FR', 'en-US'] }] } }, {}, 'translateConfig.languages.0.target.1'],
      [{ translateConfig: { languages: [{ source: 'en-US', target: ['fr-FR'] }, { source: 'en-US', target: ['ja-JP'] }] } }, {}, 'translateConfig.languages.1.source'],
      [{}, { subscribeAudioUids: ['123'], unSubscribeAudioUids: ['456'] }, 'rtcConfig.unSubscribeAudioUids'],
      [{}, { cryptionMode: 2 }, 'rtcConfig.secret'],
      [{}, { cryptionMode: 7, secret: 'key' }, 'rtcConfig.salt'],
      [{ captionConfig: { storage: { vendor: 11, region: 0, bucket: 'b', accesskey: 'a', secretkey: 's' } } }, {}, 'extensionParams.endpoint'],
      [{ captionConfig: { storage: { vendor: 1, region: 0, bucket: 'b', accesskey: 'a', secretkey: 's', fileNamePrefix: ['a_b'] } } }, {}, 'captionConfig.storage.fileNamePrefix.0'],
    ];
    for (const [extra, rtc, field] of cases) {
      const answer = await t.call('POST', stt.join, { body: joinBody(extra, rtc) });
      expect(answer.status, field).toBe(400);
      expect(answer.body.reason).toBe('body schema check fail');
      expect(answer.body.detail, field).toMatch(new RegExp(`^${field.replace(/\./g, '\\.')}: `));
    }
    // The schema's own limits: at most 4 languages, a name of at most 64 characters.
    expect((await t.call('POST', stt.join, { body: joinBody({ languages: ['a', 'b', 'c', 'd', 'e'] }) })).status).toBe(400);
    expect((await t.call('POST', stt.join, { body: joinBody({ name: 'n'.repeat(65) }) })).status).toBe(400);
    expect((await t.call('POST', stt.join, { body: joinBody({ maxIdleTime: 4 }) })).status).toBe(400);
    // S3-compatible storage with its endpoint, and a cryptionMode with its key and salt, are fine.
    await join(t, { captionConfig: { storage: { vendor: 11, region: 0, bucket: 'b', accesskey: 'a', secretkey: 's' } }, extensionParams: { endpoint: 'http://minio.example:9002' } });
    await join(t, { name: 'encrypted' }, { pubBotUid: '88223', cryptionMode: 8, secret: 'key', salt: 'c2FsdA==' });
  });

  it('keeps where captions go, never the storage keys or bot tokens', async () => {
    const t = testSandbox();
    const id = await join(t, { captionConfig: { storage: { vendor: 1, region: 0, bucket: 'demo-bucket', accesskey: 'AKIA-SECRET', secretkey: 'very-secret' } } }, { pubBotToken: 'rtc-token-secret' });
    const text = String(await t.sandbox.store.get(`proj:${APP}`));
    expect(text).toContain('demo-bucket');
    expect(text).not.toContain('very-secret');
    expect(text).not.toContain('AKIA-SECRET');
    expect(text).not.toContain('rtc-token-secret');
    expect((await t.call('GET', stt.agent(id))).status).toBe(200);
  });

  it('orders updates by sequenceId and applies only what updateMask names', async () => {
    const t = testSandbox();
    const id = await join(t);
    const unknown = await t.call('POST', stt.update(id, 0, 'languages,maxIdleTime'), { body: { languages: ['es-ES'] } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.detail).toMatch(/^updateMask: cannot name "maxIdleTime"/);
    const missing = await t.call('POST', stt.update(id, 0, 'languages'), { body: { keywords: ['Agora'] } });
    expect(missing.body.detail).toMatch(/^languages: is named in updateMask but missing/);
    const noPairs = await t.call('POST', stt.update(id, 0, 'translateConfig.enable'), { body: { translateConfig: { enable: true } } });
    expect(noPairs.status).toBe(400);
    expect(noPairs.body.detail).toMatch(/^translateConfig\.languages: /);
    expect((await t.call('POST', stt.update(id, 5, 'languages'), { body: { languages: ['es-ES'] } })).status).toBe(200);
    const stale = await t.call('POST', stt.update(id, 5, 'languages'), { body: { languages: ['fr-FR'] } });
    expect(stale.status).toBe(400);
    expect(stale.body.detail).toBe('sequenceId: must be greater than the last accepted sequence 5 (got 5). Send 6 or more.');
    expect((await t.call('POST', stt.update(id, 6, 'rtcConfig.subscribeAudioUids'), { body: { rtcConfig: { subscribeAudioUids: ['all'] } } })).status).toBe(200);
    const negative = await t.call('POST', stt.update(id, -1, 'languages'), { body: { languages: ['fr-FR'] } });
    expect(negative.status).toBe(400);
  });

  it('answers 404 for an agent that is not running, and query in its own shape', async () => {
    const t = testSandbox();
    const unknown = await t.call('GET', stt.agent('NOSUCHAGENT'));
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ agent_id: 'NOSUCHAGENT', status: 'FAILED' });
    const id = await join(t);
    await t.call('POST', stt.leave(id));
    const twice = await t.call('POST', stt.leave(id));
    expect(twice.status).toBe(404);
    expect(twice.body.reason).toBe('The agent is not found.');
    expect((await t.call('POST', stt.update(id, 1, 'languages'), { body: { languages: ['fr-FR'] } })).status).toBe(404);
    // A stopped agent is kept an hour, then forgotten.
    t.advance(STOPPED_KEPT_MS);
    expect((await t.call('GET', stt.agent(id))).status).toBe(404);
  });

  it('stops an agent after maxIdleTime seconds without a host, and not while a host is there', async () => {
    const t = testSandbox();
    const lonely = await join(t, { name: 'lonely', maxIdleTime: 5 }, { channelName: 'empty-room' });
    const hosted = await join(t, { maxIdleTime: 5 });
    t.advance(4999);
    expect((await t.call('GET', stt.agent(lonely))).body.status).toBe('RUNNING');
    t.advance(1);
    expect((await t.call('GET', stt.agent(lonely))).body).toMatchObject({ status: 'STOPPED', message: 'The agent stopped: Idle for too long.' });
    expect((await t.call('GET', paths.channels)).body.data.channels.map((c: { channel_name: string }) => c.channel_name)).not.toContain('empty-room');
    t.advance(60_000);
    expect((await t.call('GET', stt.agent(hosted))).body.status).toBe('RUNNING');
  });

  it('lists by state, channel and time, a page at a time with the last agent_id as cursor', async () => {
    const t = testSandbox();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push(await join(t, { name: `agent${i}` }, { pubBotUid: String(9000 + i) }));
      t.advance(1000);
    }
    const first = await t.call('GET', stt.list('?limit=2'));
    expect(first.body.data.list.map((a: { agent_id: string }) => a.agent_id)).toEqual(ids.slice(0, 2));
    expect(first.body.meta).toEqual({ cursor: ids[1], total: 3 });
    const second = await t.call('GET', stt.list(`?limit=2&cursor=${ids[1]}`));
    expect(second.body.data.list.map((a: { agent_id: string }) => a.agent_id)).toEqual([ids[2]]);
    expect(second.body.meta).toEqual({ cursor: '', total: 3 });
    expect((await t.call('GET', stt.list('?channel=other'))).body.data.count).toBe(0);
    expect((await t.call('GET', stt.list(`?to_time=${Math.floor(t.now() / 1000) - 10}`))).body.data.count).toBe(0);
    expect((await t.call('GET', stt.list('?state=7'))).status).toBe(400);
    expect((await t.call('GET', stt.list('?cursor=NOPE'))).body.detail).toMatch(/^cursor: /);
    expect((await t.call('GET', stt.list('?limit=0'))).status).toBe(400);
  });

  it('refuses another project’s App ID as invalid_appid', async () => {
    const t = testSandbox();
    const answer = await t.call('POST', `/api/speech-to-text/v1/projects/${'f'.repeat(32)}/join`, { body: joinBody() });
    expect(answer.status).toBe(400);
    expect(answer.body.reason).toBe('invalid_appid');
  });
});
