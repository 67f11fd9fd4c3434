import { paths, STORAGE, testSandbox } from '../../sandbox/testing';
import { CAPS } from './state';

const who = { cname: 'demo', uid: '527841' };

async function started(mode = 'mix') {
  const t = testSandbox();
  const acquired = await t.call('POST', paths.acquire, { body: { ...who, clientRequest: {} } });
  const rid = acquired.body.resourceId as string;
  const start = await t.call('POST', paths.start(rid, mode), { body: { ...who, clientRequest: { storageConfig: STORAGE } } });
  return { ...t, rid, sid: start.body.sid as string, start };
}

describe('Cloud Recording', () => {
  it('runs acquire -> start -> query -> updateLayout -> stop', async () => {
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
    expect(early.body.serverResponse).toMatchObject({ status: 1, fileListMode: 'string', fileList: '' });
    t.advance(5000);
    const query = await t.call('GET', paths.task(rid, sid, 'mix', 'query'));
    expect(query.status).toBe(200);
    expect(query.body.serverResponse).toMatchObject({ status: 5, fileListMode: 'string', fileList: `${sid}_demo.m3u8` });

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

  it('lists one file per user in individual mode', async () => {
    const t = await started('individual');
    t.advance(3000);
    const stop = await t.call('POST', paths.task(t.rid, t.sid, 'individual', 'stop'), { body: { ...who, clientRequest: {} } });
    expect(stop.body.serverResponse.fileListMode).toBe('json');
    expect(stop.body.serverResponse.fileList[0]).toMatchObject({ uid: '527841', trackType: 'audio_and_video', isPlayable: true });
  });

  it('answers a second start with HTTP 201 and code 7', async () => {
    const t = await started();
    const again = await t.call('POST', paths.start(t.rid), { body: { ...who, clientRequest: { storageConfig: STORAGE } } });
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ code: 7, sid: t.sid });
  });

  it('expires a resourceId 5 minutes after acquire', async () => {
    const t = testSandbox();
    const { body } = await t.call('POST', paths.acquire, { body: { ...who, clientRequest: {} } });
    t.advance(5 * 60_000);
    const start = await t.call('POST', paths.start(body.resourceId), { body: { ...who, clientRequest: { storageConfig: STORAGE } } });
    expect(start.status).toBe(400);
    expect(start.body.code).toBe(2);
    expect(start.body.reason).toContain('5 minutes');
  });

  it('refuses a start whose cname or uid differ from acquire, and a second recorder with the same uid (53)', async () => {
    const t = await started();
    const other = await t.call('POST', paths.acquire, { body: { ...who, clientRequest: {} } });
    const mismatch = await t.call('POST', paths.start(other.body.resourceId), {
      body: { cname: 'lobby', uid: '527841', clientRequest: { storageConfig: STORAGE } },
    });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body).toMatchObject({ code: 2 });
    const conflict = await t.call('POST', paths.start(other.body.resourceId), { body: { ...who, clientRequest: { storageConfig: STORAGE } } });
    expect(conflict.status).toBe(400);
    expect(conflict.body.code).toBe(53);
  });

  it('validates bodies against the catalog (uid must be a non-zero 32-bit integer string)', async () => {
    const t = testSandbox();
    const zero = await t.call('POST', paths.acquire, { body: { cname: 'demo', uid: '0', clientRequest: {} } });
    expect(zero.status).toBe(400);
    expect(zero.body.code).toBe(2);
    expect(zero.body.reason).toContain('uid');
    const scene = await t.call('POST', paths.acquire, { body: { ...who, clientRequest: { scene: 9 } } });
    expect(scene.body.reason).toContain('clientRequest.scene: must be one of 0, 1, 2');
    const missing = await t.call('POST', paths.start('x'), { body: { ...who, clientRequest: {} } });
    expect(missing.body.reason).toContain('clientRequest.storageConfig: is required');
  });

  it('gives 404 failed to find worker for an unknown sid, resourceId or mode', async () => {
    const t = await started();
    const unknown = await t.call('POST', paths.task(t.rid, 'f'.repeat(32), 'mix', 'stop'), { body: { ...who, clientRequest: {} } });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ code: 404, reason: 'failed to find worker' });
    expect((await t.call('GET', paths.task('other', t.sid, 'mix', 'query'))).status).toBe(404);
    expect((await t.call('GET', paths.task(t.rid, t.sid, 'individual', 'query'))).status).toBe(404);
    const update = await t.call('POST', paths.task(t.rid, 'nope', 'mix', 'update'), {
      body: { ...who, clientRequest: { streamSubscribe: {} } },
    });
    expect(update.status).toBe(404);
    const layout = await t.call('POST', paths.task(t.rid, 'nope', 'mix', 'updateLayout'), { body: { ...who, clientRequest: {} } });
    expect(layout.status).toBe(404);
  });

  it('refuses updateLayout outside mix mode (code 49) and calls naming another uid (code 2)', async () => {
    const t = await started('individual');
    const layout = await t.call('POST', paths.task(t.rid, t.sid, 'individual', 'updateLayout'), { body: { ...who, clientRequest: {} } });
    expect(layout.status).toBe(400);
    expect(layout.body.code).toBe(49);
    const wrongUid = await t.call('POST', paths.task(t.rid, t.sid, 'individual', 'update'), {
      body: { cname: 'demo', uid: '1', clientRequest: { streamSubscribe: {} } },
    });
    expect(wrongUid.status).toBe(400);
    expect(wrongUid.body.code).toBe(2);
  });

  it('reports no recorded data (404, code 435) when stopped while still starting', async () => {
    const t = await started();
    const stop = await t.call('POST', paths.task(t.rid, t.sid, 'mix', 'stop'), { body: { ...who, clientRequest: {} } });
    expect(stop.status).toBe(404);
    expect(stop.body.code).toBe(435);
    expect((await t.call('GET', paths.task(t.rid, t.sid, 'mix', 'query'))).status).toBe(404);
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
