/**
 * Cloud Recording's notifications, read back through the Events stream: the
 * start -> stop sequence of Agora's workflow figure, with each payload's
 * cname, uid, sid, per-recording sequence, sendts, serviceType and details
 * (event-types/cloud-recording.mdx).
 */
import { kinds, snapshot } from '../../sandbox/events/testing';
import { BASIC, paths, STORAGE, testSandbox } from '../../sandbox/testing';
import { STOP_SEQUENCE_STEP_MS } from './events';
import { STARTING_MS } from './sandbox';
import { TTL } from './state';

const who = { cname: 'demo', uid: '527841' };

async function start(mode: 'mix' | 'individual' | 'web' = 'mix', clientRequest: Record<string, unknown> = { storageConfig: STORAGE }) {
  const t = testSandbox({ eventStream: { lifetimeMs: 0 } });
  const acquired = await t.call('POST', paths.acquire, { body: { ...who, clientRequest: { scene: mode === 'web' ? 1 : 0 } } });
  const rid = acquired.body.resourceId as string;
  const started = await t.call('POST', paths.start(rid, mode), { body: { ...who, clientRequest }, headers: { 'X-Request-ID': 'req-start' } });
  expect(started.status).toBe(200);
  return { ...t, rid, sid: started.body.sid as string, startedAt: t.now() };
}

const recordingNotices = async (t: Awaited<ReturnType<typeof start>>) => (await snapshot(t.sandbox, BASIC)).notices.filter((notice) => notice.body.productId === 3);

describe('Cloud Recording notifications', () => {
  it('sends recorder_started when recording begins, then recorder_leave, uploader_started, uploaded and session_exit on stop', async () => {
    const t = await start();
    // The recorder joins the channel as audience on Linux at once (RTC 105 with clientType 10).
    const joined = (await snapshot(t.sandbox, BASIC)).notices;
    expect(kinds(joined)).toEqual(['1/105']);
    expect(joined[0].body.payload).toMatchObject({ channelName: 'demo', uid: 527841, platform: 6, clientType: 10 });
    expect(await recordingNotices(t)).toEqual([]);

    t.advance(STARTING_MS);
    const [startedNotice] = await recordingNotices(t);
    expect(startedNotice.name).toBe('recorder_started');
    expect(startedNotice.body.payload).toEqual({ cname: 'demo', uid: '527841', sid: t.sid, sequence: 0, sendts: t.startedAt + STARTING_MS, serviceType: 1, details: { msgName: 'recorder_started', status: 0 } });
    expect(startedNotice.cause?.requestId).toBe('req-start');

    t.advance(10_000);
    const stopAt = t.now();
    const stop = await t.call('POST', paths.task(t.rid, t.sid, 'mix', 'stop'), { body: { ...who, clientRequest: {} }, headers: { 'X-Request-ID': 'req-stop' } });
    expect(stop.status).toBe(200);
    // recorder_leave at once; the rest follow at STOP_SEQUENCE_STEP_MS.
    expect((await recordingNotices(t)).map((notice) => notice.name)).toEqual(['recorder_started', 'recorder_leave']);
    t.advance(3 * STOP_SEQUENCE_STEP_MS);
    const notices = await recordingNotices(t);
    expect(notices.map((notice) => notice.name)).toEqual(['recorder_started', 'recorder_leave', 'uploader_started', 'uploaded', 'session_exit']);
    expect(notices.map((notice) => notice.body.payload.sequence)).toEqual([0, 1, 2, 3, 4]);
    expect(notices.map((notice) => notice.body.payload.serviceType)).toEqual([1, 1, 2, 2, 0]);
    expect(notices.map((notice) => notice.body.payload.sendts)).toEqual([t.startedAt + STARTING_MS, stopAt, stopAt + 300, stopAt + 600, stopAt + 900]);
    expect(notices[1].body.payload.details).toEqual({ msgName: 'recorder_leave', leaveCode: 2 });
    // The uploaded files are the ones stop answered with (composite, HLS only: one playlist), with ms start times.
    expect(notices[3].body.payload.details).toEqual({
      msgName: 'uploaded',
      status: 0,
      fileList: [{ fileName: stop.body.serverResponse.fileList, trackType: 'audio_and_video', uid: '0', mixedAllUser: true, isPlayable: true, sliceStartTime: t.startedAt + STARTING_MS }],
    });
    expect(notices[4].body.payload.details).toEqual({ msgName: 'session_exit', exitStatus: 0 });
    expect(notices.slice(1).every((notice) => notice.cause?.requestId === 'req-stop')).toBe(true);
    // And the recorder left the channel (106 as audience, reason 1).
    const all = (await snapshot(t.sandbox, BASIC)).notices;
    expect(all.find((notice) => notice.body.eventType === 106)?.body.payload).toMatchObject({ channelName: 'demo', uid: 527841, reason: 1, clientType: 10 });
  });

  it('individual mode lists one file per recorded user in uploaded', async () => {
    const t = await start('individual');
    t.advance(5000);
    const stop = await t.call('POST', paths.task(t.rid, t.sid, 'individual', 'stop'), { body: { ...who, clientRequest: {} } });
    t.advance(2000);
    const uploaded = (await recordingNotices(t)).find((notice) => notice.name === 'uploaded')!;
    const files = (uploaded.body.payload.details as { fileList: Array<{ fileName: string; uid: string }> }).fileList;
    expect(files.map((file) => file.fileName)).toEqual((stop.body.serverResponse.fileList as Array<{ fileName: string }>).map((file) => file.fileName));
    expect(files.length).toBeGreaterThan(0);
  });

  it('a recording stopped before it began sends no recorder_started and no upload, only leave and exit', async () => {
    const t = await start();
    t.advance(STARTING_MS - 500);
    const stop = await t.call('POST', paths.task(t.rid, t.sid, 'mix', 'stop'), { body: { ...who, clientRequest: {} } });
    expect(stop.body.code).toBe(435);
    t.advance(STARTING_MS * 2);
    expect((await recordingNotices(t)).map((notice) => notice.name)).toEqual(['recorder_leave', 'session_exit']);
  });

  it('web page recording sends web_recorder_started and web_recorder_stopped instead of the recorder events', async () => {
    const web = {
      extensionServiceConfig: { extensionServices: [{ serviceName: 'web_recorder_service', serviceParam: { url: 'https://www.example.com/classroom', audioProfile: 0, videoWidth: 1280, videoHeight: 720, maxRecordingHour: 2 } }] },
      storageConfig: STORAGE,
    };
    const t = await start('web', web);
    t.advance(5000);
    await t.call('POST', paths.task(t.rid, t.sid, 'web', 'stop'), { body: { ...who, clientRequest: {} } });
    t.advance(2000);
    const notices = await recordingNotices(t);
    expect(notices.map((notice) => notice.name)).toEqual(['web_recorder_started', 'web_recorder_stopped', 'uploader_started', 'uploaded', 'session_exit']);
    expect(notices[0].body.payload).toMatchObject({ serviceType: 6, details: { msgName: 'web_recorder_started', recorderStartTime: t.startedAt + STARTING_MS } });
    expect(notices[1].body.payload.details).toMatchObject({ code: 0, message: 'ok' });
    expect(notices[3].body.payload.details).toEqual({ msgName: 'uploaded', status: 0 });
    // A web page recording joins no channel, so no channel events.
    expect((await snapshot(t.sandbox, BASIC)).notices.every((notice) => notice.body.productId === 3)).toBe(true);
  });

  it('a recording left untouched for an hour exits, dated when it happened and said why', async () => {
    const t = await start();
    t.advance(TTL.recording + 60_000);
    const notices = await recordingNotices(t);
    expect(notices.map((notice) => notice.name)).toEqual(['recorder_started', 'recorder_leave', 'session_exit']);
    expect(notices[1].body.payload.sendts).toBe(t.startedAt + TTL.recording);
    expect(notices[1].origin).toMatch(/an hour without a call/);
    expect(notices[1].cause).toBeUndefined();
  });

  it("the guide's create-channel starts a recording that sends recorder_started too", async () => {
    const t = testSandbox({ eventStream: { lifetimeMs: 0 } });
    expect((await t.call('POST', paths.createChannel, { body: { channel: 'guide1', uid: '42' } })).status).toBe(200);
    t.advance(STARTING_MS);
    const { notices } = await snapshot(t.sandbox, BASIC);
    expect(notices.map((notice) => notice.name)).toEqual(['channel create', 'broadcaster join channel', 'recorder_started']);
    expect(notices[2].body.payload).toMatchObject({ cname: 'guide1', uid: '42', sequence: 0 });
  });
});
