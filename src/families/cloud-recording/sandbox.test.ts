import { BASIC, paths, STORAGE, testSandbox } from '../../sandbox/testing';
import { base64 } from '../../request/apiRequest';
import { RECORDING_NCS_IPS } from './sandbox';
import { CAPS, TTL } from './state';

const who = { cname: 'demo', uid: '527841' };
const NCS = '/v1/ncs/ip';
const APP = paths.acquire.split('/')[3];

/** A web page recording's start body (Agora's web mode needs web_recorder_service and a page). */
const WEB = {
  extensionServiceConfig: {
    extensionServices: [
      {
        serviceName: 'web_recorder_service',
        serviceParam: { url: 'https://www.example.com/classroom', audioProfile: 0, videoWidth: 1280, videoHeight: 720, maxRecordingHour: 2 },
      },
    ],
  },
  storageConfig: STORAGE,
};

async function started(mode = 'mix', clientRequest: Record<string, unknown> = { storageConfig: STORAGE }) {
  const t = testSandbox();
  const acquired = await t.call('POST', paths.acquire, { body: { ...who, clientRequest: { scene: mode === 'web' ? 1 : 0 } } });
  const rid = acquired.body.resourceId as string;
  const start = await t.call('POST', paths.start(rid, mode), { body: { ...who, clientRequest } });
  return { ...t, rid, sid: start.body.sid as string, start };
}

describe('Cloud Recording', () => {
  it('runs acquire -> start -> query -> updateLayout -> update -> stop', async () => {
    const t = testSandbox();
    const acquired = await t.call('POST', paths.acquire, { body: { ...who, clientRequest: { scene: 0 } } });
    expect(acquired.status).toBe(200);
    expect(acquired.body).toMatchObject(who);
    const rid = acquired.body.resourceId as string;
    expect(rid).toMatch(/^[A-Za-z0-9_-]{100,}$/);

    const start = await t.call('POST', paths.start(rid), { body: { ...who, clientRequest: { storageConfig: STORAGE } } });
    expect(start.status).toBe(200);
    expect(start.body).toEqual({ ...who, resourceId: rid, sid: expect.stringMatching(/^[0-9a-f]{32}$/) });
    const sid = start.body.sid as string;

    const early = await t.call('GET', paths.task(rid, sid, 'mix', 'query'));
    expect(early.body.serverResponse).toEqual({ status: 1, fileListMode: 'string', fileList: '' });
    t.advance(5000);
    const query = await t.call('GET', paths.task(rid, sid, 'mix', 'query'));
    expect(query.status).toBe(200);
    // Composite mode with HLS only: one M3U8 name, and no sliceStartTime (individual mode only).
    expect(query.body.serverResponse).toEqual({ status: 5, fileListMode: 'string', fileList: `${sid}_demo.m3u8` });

    // The recorder is now a user of the channel.
    const users = await t.call('GET', paths.users('demo'));
    expect(users.body.data.audience).toContain(527841);

    const layout = await t.call('POST', paths.task(rid, sid, 'mix', 'updateLayout'), {
      body: { ...who, clientRequest: { mixedVideoLayout: 1, backgroundColor: '#000000' } },
    });
    expect(layout.status).toBe(200);
    expect(layout.body).toEqual({ ...who, resourceId: rid, sid });

    const update = await t.call('POST', paths.task(rid, sid, 'mix', 'update'), {
      body: { ...who, clientRequest: { streamSubscribe: { audioUidList: { subscribeAudioUids: ['123'] } } } },
    });
    expect(update.status).toBe(200);

    const stop = await t.call('POST', paths.task(rid, sid, 'mix', 'stop'), { body: { ...who, clientRequest: {} } });
    expect(stop.status).toBe(200);
    expect(stop.body.serverResponse).toEqual({ fileListMode: 'string', fileList: `${sid}_demo.m3u8`, uploadingStatus: 'uploaded' });

    const after = await t.call('GET', paths.task(rid, sid, 'mix', 'query'));
    expect(after.status).toBe(404);
    expect(after.body).toEqual({ code: 404, reason: 'failed to find worker' });
    expect((await t.call('GET', paths.users('demo'))).body.data.audience).not.toContain(527841);
  });

  describe('answers in the shape of each recording mode', () => {
    it('individual: one file per user, json, with sliceStartTime', async () => {
      const t = await started('individual');
      t.advance(3000);
      const query = await t.call('GET', paths.task(t.rid, t.sid, 'individual', 'query'));
      expect(query.body.serverResponse).toMatchObject({ status: 5, fileListMode: 'json', sliceStartTime: expect.any(Number) });
      const uids = (query.body.serverResponse.fileList as Array<{ uid: string }>).map((file) => file.uid);
      // The seeded users of "demo", never the recorder itself.
      expect(uids).toEqual(['123', '456', '789']);
      const stop = await t.call('POST', paths.task(t.rid, t.sid, 'individual', 'stop'), { body: { ...who, clientRequest: {} } });
      expect(stop.body.serverResponse.fileListMode).toBe('json');
      expect(stop.body.serverResponse.uploadingStatus).toBe('uploaded');
      expect(stop.body.serverResponse.fileList[0]).toMatchObject({ uid: '123', trackType: 'audio_and_video', mixedAllUser: false, isPlayable: true });
      expect(stop.body.serverResponse.fileList[0].fileName).toBe(`${t.sid}_demo__uid_s_123__uid_e_av.m3u8`);
    });

    it('mix with HLS and MP4: a json list of the composite files (uid "0")', async () => {
      const t = await started('mix', { storageConfig: STORAGE, recordingFileConfig: { avFileType: ['hls', 'mp4'] } });
      t.advance(3000);
      const query = await t.call('GET', paths.task(t.rid, t.sid, 'mix', 'query'));
      expect(query.body.serverResponse.fileListMode).toBe('json');
      expect(query.body.serverResponse.fileList.map((file: { fileName: string }) => file.fileName)).toEqual([`${t.sid}_demo.m3u8`, `${t.sid}_demo_0.mp4`]);
      expect(query.body.serverResponse.fileList[0]).toMatchObject({ uid: '0', mixedAllUser: true });
    });

    it('web: extensionServiceState, never fileList; onhold follows update; stop adds upload_service', async () => {
      const t = await started('web', WEB);
      expect(t.start.status).toBe(200);
      // A web page recording does not join the channel its cname names.
      expect((await t.call('GET', paths.users('demo'))).body.data.audience).not.toContain(527841);
      t.advance(3000);
      const query = await t.call('GET', paths.task(t.rid, t.sid, 'web', 'query'));
      expect(query.body.serverResponse).toEqual({
        status: 5,
        extensionServiceState: [
          {
            serviceName: 'web_recorder_service',
            payload: { fileList: [{ filename: `${t.sid}_demo_0.m3u8`, sliceStartTime: expect.any(Number) }], onhold: false, state: 'inProgress' },
          },
        ],
      });
      const pause = await t.call('POST', paths.task(t.rid, t.sid, 'web', 'update'), { body: { ...who, clientRequest: { webRecordingConfig: { onhold: true } } } });
      expect(pause.status).toBe(200);
      const paused = await t.call('GET', paths.task(t.rid, t.sid, 'web', 'query'));
      expect(paused.body.serverResponse.extensionServiceState[0].payload.onhold).toBe(true);
      const stop = await t.call('POST', paths.task(t.rid, t.sid, 'web', 'stop'), { body: { ...who, clientRequest: {} } });
      expect(stop.status).toBe(200);
      expect(stop.body.serverResponse.fileList).toBeUndefined();
      expect(stop.body.serverResponse.extensionServiceState.map((s: { serviceName: string }) => s.serviceName)).toEqual(['upload_service', 'web_recorder_service']);
      expect(stop.body.serverResponse.extensionServiceState[0].payload).toEqual({ uploadingStatus: 'uploaded' });
      expect(stop.body.serverResponse.extensionServiceState[1].payload).toMatchObject({ onhold: true, state: 'exit' });
    });

    it('web: reports the CDN push of rtmp_publish_service, and update changes its address', async () => {
      const push = { serviceName: 'rtmp_publish_service', serviceParam: { ...WEB.extensionServiceConfig.extensionServices[0].serviceParam, outputs: [{ rtmpUrl: 'rtmp://cdn.example.com/live/a' }] } };
      const t = await started('web', { ...WEB, extensionServiceConfig: { extensionServices: [...WEB.extensionServiceConfig.extensionServices, push] } });
      t.advance(3000);
      await t.call('POST', paths.task(t.rid, t.sid, 'web', 'update'), { body: { ...who, clientRequest: { rtmpPublishConfig: { outputs: [{ rtmpUrl: 'rtmp://cdn.example.com/live/b' }] } } } });
      const query = await t.call('GET', paths.task(t.rid, t.sid, 'web', 'query'));
      expect(query.body.serverResponse.extensionServiceState[1]).toEqual({
        serviceName: 'rtmp_publish_service',
        payload: { outputs: [{ rtmpUrl: 'rtmp://cdn.example.com/live/b', status: 'publishing' }] },
      });
    });
  });

  describe("Agora's documented status codes", () => {
    it('401: "Unauthorized" without an Authorization header, "Invalid authentication credentials" with wrong ones', async () => {
      const t = testSandbox();
      const body = { ...who, clientRequest: {} };
      const wrong = await t.call('POST', paths.acquire, { body, auth: `Basic ${base64('someone:wrong')}` });
      expect(wrong.status).toBe(401);
      expect(wrong.body).toEqual({ message: 'Invalid authentication credentials' });
      // Both wordings are the engine's gateway rule (src/sandbox/errors.ts); this family documents them.
      const missing = await t.call('POST', paths.acquire, { body, auth: null });
      expect(missing.status).toBe(401);
      expect(missing.body).toEqual({ message: 'Unauthorized' });
    });

    it('acquire with an App ID the service does not know: 400, code 400, invalid_appid', async () => {
      const t = testSandbox();
      const answer = await t.call('POST', `/v1/apps/${'a'.repeat(32)}/cloud_recording/acquire`, { body: { ...who, clientRequest: {} } });
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({ code: 400, reason: 'invalid_appid' });
    });

    it('acquire with unsupported characters in cname: 400, code 401, invalid_channel_name (web page labels may be longer)', async () => {
      const t = testSandbox();
      for (const cname of ['demo/channel', 'ünï', '', 'x'.repeat(65)]) {
        const answer = await t.call('POST', paths.acquire, { body: { cname, uid: '527841', clientRequest: {} } });
        expect(answer.status, cname).toBe(400);
        expect(answer.body, cname).toEqual({ code: 401, reason: 'invalid_channel_name' });
      }
      const web = await t.call('POST', paths.acquire, { body: { cname: 'x'.repeat(200), uid: '527841', clientRequest: { scene: 1 } } });
      expect(web.status).toBe(200);
    });

    it('acquire past the concurrent-task limit: 400, code 406, vendor_over_load', async () => {
      const t = testSandbox();
      for (let i = 0; i < CAPS.recordings; i += 1) {
        // Two calls per recording; stay under 10 requests per second.
        if (i % 5 === 4) t.advance(1000);
        const body = { cname: `room${i}`, uid: '527841' };
        const acquired = await t.call('POST', paths.acquire, { body: { ...body, clientRequest: {} } });
        expect((await t.call('POST', paths.start(acquired.body.resourceId), { body: { ...body, clientRequest: { storageConfig: STORAGE } } })).status).toBe(200);
      }
      t.advance(1000);
      const answer = await t.call('POST', paths.acquire, { body: { ...who, clientRequest: {} } });
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({ code: 406, reason: 'vendor_over_load' });
      // Web page recordings have their own, larger limit.
      const web = await t.call('POST', paths.acquire, { body: { ...who, clientRequest: { scene: 1 } } });
      expect(web.status).toBe(200);
    });

    it('start again with the same resourceId: 201, code 7, already started', async () => {
      const t = await started();
      const again = await t.call('POST', paths.start(t.rid), { body: { ...who, clientRequest: { storageConfig: STORAGE } } });
      expect(again.status).toBe(201);
      expect(again.body).toEqual({ code: 7, reason: 'already started' });
    });

    it('start while the same cname and uid record: 400, code 53, task conflict', async () => {
      const t = await started();
      const other = await t.call('POST', paths.acquire, { body: { ...who, clientRequest: {} } });
      const conflict = await t.call('POST', paths.start(other.body.resourceId), { body: { ...who, clientRequest: { storageConfig: STORAGE } } });
      expect(conflict.status).toBe(400);
      expect(conflict.body).toEqual({ code: 53, reason: 'task conflict' });
    });

    it('stop with nothing recorded: 206, code 435, no recorded data (and the task ends)', async () => {
      const t = await started();
      const stop = await t.call('POST', paths.task(t.rid, t.sid, 'mix', 'stop'), { body: { ...who, clientRequest: {} } });
      expect(stop.status).toBe(206);
      expect(stop.body).toEqual({ code: 435, reason: 'no recorded data' });
      expect((await t.call('GET', paths.task(t.rid, t.sid, 'mix', 'query'))).status).toBe(404);
    });

    it('stop of a channel nobody is in: 206, code 435', async () => {
      const t = testSandbox();
      const acquired = await t.call('POST', paths.acquire, { body: { cname: 'empty', uid: '5', clientRequest: {} } });
      const start = await t.call('POST', paths.start(acquired.body.resourceId), { body: { cname: 'empty', uid: '5', clientRequest: { storageConfig: STORAGE } } });
      t.advance(10_000);
      const stop = await t.call('POST', paths.task(acquired.body.resourceId, start.body.sid, 'mix', 'stop'), { body: { cname: 'empty', uid: '5', clientRequest: {} } });
      expect(stop.status).toBe(206);
      expect(stop.body.code).toBe(435);
    });

    it('a second stop while the task exits: 400, code 49, invalid operation; later 404', async () => {
      const t = await started();
      t.advance(3000);
      const stop = () => t.call('POST', paths.task(t.rid, t.sid, 'mix', 'stop'), { body: { ...who, clientRequest: {} } });
      expect((await stop()).status).toBe(200);
      const again = await stop();
      expect(again.status).toBe(400);
      expect(again.body).toEqual({ code: 49, reason: 'invalid operation' });
      t.advance(TTL.exiting);
      expect((await stop()).body).toEqual({ code: 404, reason: 'failed to find worker' });
    });

    it('an unknown task: 404, code 404, failed to find worker, on every call', async () => {
      const t = await started();
      const unknown = await t.call('POST', paths.task(t.rid, 'f'.repeat(32), 'mix', 'stop'), { body: { ...who, clientRequest: {} } });
      expect(unknown.status).toBe(404);
      expect(unknown.body).toEqual({ code: 404, reason: 'failed to find worker' });
      expect((await t.call('GET', paths.task('other', t.sid, 'mix', 'query'))).status).toBe(404);
      expect((await t.call('GET', paths.task(t.rid, t.sid, 'individual', 'query'))).status).toBe(404);
      const update = await t.call('POST', paths.task(t.rid, 'nope', 'mix', 'update'), { body: { ...who, clientRequest: {} } });
      expect(update.body).toEqual({ code: 404, reason: 'failed to find worker' });
      const layout = await t.call('POST', paths.task(t.rid, 'nope', 'mix', 'updateLayout'), { body: { ...who, clientRequest: {} } });
      expect(layout.status).toBe(404);
    });
  });

  describe('invalid parameters (code 2)', () => {
    it('expires a resourceId 5 minutes after acquire', async () => {
      const t = testSandbox();
      const { body } = await t.call('POST', paths.acquire, { body: { ...who, clientRequest: {} } });
      t.advance(5 * 60_000);
      const start = await t.call('POST', paths.start(body.resourceId), { body: { ...who, clientRequest: { storageConfig: STORAGE } } });
      expect(start.status).toBe(400);
      expect(start.body.code).toBe(2);
      expect(start.body.reason).toContain('5 minutes');
    });

    it('refuses a start whose cname or uid differ from acquire', async () => {
      const t = testSandbox();
      const acquired = await t.call('POST', paths.acquire, { body: { ...who, clientRequest: {} } });
      const mismatch = await t.call('POST', paths.start(acquired.body.resourceId), { body: { cname: 'lobby', uid: '527841', clientRequest: { storageConfig: STORAGE } } });
      expect(mismatch.status).toBe(400);
      expect(mismatch.body).toMatchObject({ code: 2, reason: expect.stringContaining('cname') });
    });

    it('checks the rules Agora states in prose: uid, scene, region, vendor, folders, colors, file types', async () => {
      const t = testSandbox();
      const acquire = (body: Record<string, unknown>) => t.call('POST', paths.acquire, { body: { ...who, clientRequest: {}, ...body } });
      for (const [body, field] of [
        [{ uid: '0' }, 'uid'],
        [{ uid: '4294967296' }, 'uid'],
        [{ uid: 'abc' }, 'uid'],
        [{ clientRequest: { scene: 9 } }, 'clientRequest.scene'],
        [{ clientRequest: { region: 'MARS' } }, 'clientRequest.region'],
        [{ clientRequest: { startParameter: { storageConfig: { ...STORAGE, vendor: 4 } } } }, 'clientRequest.startParameter.storageConfig.vendor'],
      ] as const) {
        t.advance(1000); // one second per case keeps the calls under 10 per second
        const answer = await acquire(body);
        expect(answer.status, field).toBe(400);
        expect(answer.body.code, field).toBe(2);
        expect(answer.body.reason, field).toContain(`${field}: `);
      }
      const rid = (await acquire({})).body.resourceId as string;
      for (const [clientRequest, field] of [
        [{ storageConfig: { ...STORAGE, fileNamePrefix: ['a-b'] } }, 'clientRequest.storageConfig.fileNamePrefix.0'],
        [{ storageConfig: { ...STORAGE, vendor: 11 } }, 'clientRequest.storageConfig.extensionParams.endpoint'],
        [{ storageConfig: STORAGE, recordingConfig: { channelType: 2 } }, 'clientRequest.recordingConfig.channelType'],
        [{ storageConfig: STORAGE, recordingConfig: { channelType: 0, subscribeAudioUids: ['1'], unsubscribeAudioUids: ['2'] } }, 'clientRequest.recordingConfig.unsubscribeAudioUids'],
        [{ storageConfig: STORAGE, recordingConfig: { channelType: 0, transcodingConfig: { backgroundColor: 'red' } } }, 'clientRequest.recordingConfig.transcodingConfig.backgroundColor'],
        [{ storageConfig: STORAGE, recordingConfig: { channelType: 0, transcodingConfig: { width: 3840, height: 2160 } } }, 'clientRequest.recordingConfig.transcodingConfig.width'],
        [{ storageConfig: STORAGE, recordingFileConfig: { avFileType: ['mp4'] } }, 'clientRequest.recordingFileConfig.avFileType'],
      ] as const) {
        t.advance(1000);
        const answer = await t.call('POST', paths.start(rid), { body: { ...who, clientRequest } });
        expect(answer.status, field).toBe(400);
        expect(answer.body.reason, field).toContain(`${field}: `);
      }
    });

    it('validates bodies against the catalog schema (required fields, types, ranges)', async () => {
      const t = testSandbox();
      const hours = await t.call('POST', paths.acquire, { body: { ...who, clientRequest: { resourceExpiredHour: 0 } } });
      expect(hours.body).toMatchObject({ code: 2, reason: expect.stringContaining('clientRequest.resourceExpiredHour') });
      const missing = await t.call('POST', paths.start('x'), { body: { ...who, clientRequest: {} } });
      expect(missing.body.reason).toContain('clientRequest.storageConfig: is required');
      const channelType = await t.call('POST', paths.start('x'), { body: { ...who, clientRequest: { storageConfig: STORAGE, recordingConfig: {} } } });
      expect(channelType.body.reason).toContain('clientRequest.recordingConfig.channelType: is required');
    });

    it('ties scene 1 to web mode, and web mode to web_recorder_service', async () => {
      const t = testSandbox();
      const web = await t.call('POST', paths.acquire, { body: { ...who, clientRequest: { scene: 1 } } });
      const asMix = await t.call('POST', paths.start(web.body.resourceId, 'mix'), { body: { ...who, clientRequest: { storageConfig: STORAGE } } });
      expect(asMix.body).toMatchObject({ code: 2, reason: expect.stringContaining('mode: ') });
      const noPage = await t.call('POST', paths.start(web.body.resourceId, 'web'), { body: { ...who, clientRequest: { storageConfig: STORAGE } } });
      expect(noPage.body).toMatchObject({ code: 2, reason: expect.stringContaining('clientRequest.extensionServiceConfig: ') });
      expect((await t.call('POST', paths.start(web.body.resourceId, 'web'), { body: { ...who, clientRequest: WEB } })).status).toBe(200);
    });

    it("refuses a start that disagrees with acquire's startParameter", async () => {
      const t = testSandbox();
      const startParameter = { storageConfig: STORAGE, recordingConfig: { channelType: 1 } };
      const acquired = await t.call('POST', paths.acquire, { body: { ...who, clientRequest: { startParameter } } });
      const differs = await t.call('POST', paths.start(acquired.body.resourceId), { body: { ...who, clientRequest: { storageConfig: STORAGE, recordingConfig: { channelType: 0 } } } });
      expect(differs.body).toMatchObject({ code: 2, reason: expect.stringContaining('clientRequest.recordingConfig.channelType: ') });
      expect((await t.call('POST', paths.start(acquired.body.resourceId), { body: { ...who, clientRequest: startParameter } })).status).toBe(200);
    });

    it('update: nothing is required; each part only in the modes it applies to; calls must name the recording', async () => {
      const t = await started('individual');
      expect((await t.call('POST', paths.task(t.rid, t.sid, 'individual', 'update'), { body: { ...who, clientRequest: {} } })).status).toBe(200);
      const sts = { storageConfig: { ...STORAGE, stsToken: 'token', stsExpiration: 1736946000 } };
      expect((await t.call('POST', paths.task(t.rid, t.sid, 'individual', 'update'), { body: { ...who, clientRequest: sts } })).status).toBe(200);
      const onhold = await t.call('POST', paths.task(t.rid, t.sid, 'individual', 'update'), { body: { ...who, clientRequest: { webRecordingConfig: { onhold: true } } } });
      expect(onhold.body).toMatchObject({ code: 2, reason: expect.stringContaining('clientRequest.webRecordingConfig: ') });
      const wrongUid = await t.call('POST', paths.task(t.rid, t.sid, 'individual', 'update'), { body: { cname: 'demo', uid: '1', clientRequest: {} } });
      expect(wrongUid.status).toBe(400);
      expect(wrongUid.body.code).toBe(2);
    });

    it('updateLayout: mix mode only (the path refuses another mode), and the vertical layout needs maxResolutionUid', async () => {
      const t = await started('individual');
      const layout = await t.call('POST', paths.task(t.rid, t.sid, 'individual', 'updateLayout'), { body: { ...who, clientRequest: {} } });
      expect(layout.status).toBe(400);
      expect(layout.body).toMatchObject({ code: 2, reason: expect.stringContaining('mode: ') });
      const mix = await started('mix');
      const vertical = await mix.call('POST', paths.task(mix.rid, mix.sid, 'mix', 'updateLayout'), { body: { ...who, clientRequest: { mixedVideoLayout: 2 } } });
      expect(vertical.body).toMatchObject({ code: 2, reason: expect.stringContaining('clientRequest.maxResolutionUid: ') });
    });
  });

  describe('GET /v1/ncs/ip', () => {
    it('lists documentation addresses as hosts[].primaryIP', async () => {
      const t = testSandbox();
      const answer = await t.call('GET', NCS);
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ data: { service: { hosts: RECORDING_NCS_IPS.map((primaryIP) => ({ primaryIP })) } } });
      for (const ip of RECORDING_NCS_IPS) expect(ip).toMatch(/^192\.0\.2\.\d+$/);
    });

    it('needs credentials but no App ID, as at Agora (a stray appid is ignored, not refused)', async () => {
      const t = testSandbox();
      expect((await t.call('GET', NCS, { auth: null })).status).toBe(401);
      expect((await t.call('GET', NCS, { auth: BASIC })).status).toBe(200);
      expect((await t.call('GET', NCS, { query: { appid: 'c'.repeat(32) } })).status).toBe(200);
    });
  });

  it('stops a recording nobody touched for an hour', async () => {
    const t = await started();
    t.advance(60 * 60_000);
    expect((await t.call('GET', paths.task(t.rid, t.sid, 'mix', 'query'))).status).toBe(404);
  });

  it('applies the catalog limit of 10 requests per second per App ID', async () => {
    const t = testSandbox();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i += 1) statuses.push((await t.call('GET', paths.task('r', 's', 'mix', 'query'))).status);
    expect(statuses.slice(0, 10).every((s) => s === 404)).toBe(true);
    expect(statuses[10]).toBe(429);
    t.advance(1000);
    expect((await t.call('GET', paths.task('r', 's', 'mix', 'query'))).status).toBe(404);
  });

  it('caps unused resourceIds, dropping the oldest', async () => {
    const t = testSandbox({ planLimitPerMinute: 10_000 });
    let first = '';
    for (let i = 0; i <= CAPS.resources; i += 1) {
      const { body } = await t.call('POST', paths.acquire, { body: { cname: 'demo', uid: String(i + 1), clientRequest: {} } });
      if (i === 0) first = body.resourceId;
      if (i % 9 === 8) t.advance(1000);
    }
    const start = await t.call('POST', paths.start(first), {
      body: { cname: 'demo', uid: '1', clientRequest: { storageConfig: { vendor: 1, region: 0, bucket: 'b', accessKey: 'a', secretKey: 's' } } },
    });
    expect(start.status).toBe(400);
  });
});
