import { APP, paths as shared, testSandbox } from '../../sandbox/testing';
import type { Converter } from './state';
import { effectiveIdleTimeout, effectiveJitter, sizeClass, streamQuotaProblem } from './sandbox';

const paths = {
  create: (region = 'na') => `/${region}/v1/projects/${APP}/rtmp-converters`,
  one: (id: string, region = 'na') => `/${region}/v1/projects/${APP}/rtmp-converters/${id}`,
  list: `/v1/projects/${APP}/rtmp-converters`,
  channel: (name: string) => `/v1/projects/${APP}/channels/${encodeURIComponent(name)}/rtmp-converters`,
};

const transcoded = (extra: Record<string, unknown> = {}, options: Record<string, unknown> = {}) => ({
  converter: {
    name: 'demo_vertical',
    transcodeOptions: {
      rtcChannel: 'demo',
      audioOptions: { rtcStreamUids: [123, 456], volumes: [{ rtcStreamUid: 456, volume: 150 }] },
      videoOptions: {
        canvas: { width: 360, height: 640 },
        layout: [
          { rtcStreamUid: 123, region: { xPos: 0, yPos: 0, zIndex: 1, width: 360, height: 320 } },
          { rtcStreamUid: 456, region: { xPos: 0, yPos: 320, zIndex: 1, width: 360, height: 320 } },
        ],
        bitrate: 400,
      },
      ...options,
    },
    rtmpUrl: 'rtmp://example.agora.io/live/demo',
    ...extra,
  },
});

const raw = (extra: Record<string, unknown> = {}, uid = 123, channel = 'demo') => ({
  converter: { rawOptions: { rtcChannel: channel, rtcStreamUid: uid }, rtmpUrl: 'rtmp://example.agora.io/live/raw', ...extra },
});

const json = { 'Content-Type': 'application/json' };

describe('Media Push', () => {
  it('creates a converter that connects, then runs; query, update, list and delete it', async () => {
    const t = testSandbox();
    const created = await t.call('POST', paths.create(), { body: transcoded(), headers: { 'X-Request-ID': 'req-1' } });
    expect(created.status).toBe(200);
    const id = created.body.converter.id as string;
    expect(created.headers.get('x-request-id')).toBe('req-1');
    expect(created.headers.get('x-resource-id')).toBe(id);
    const createTs = Math.floor(t.now() / 1000);
    expect(created.body).toEqual({ converter: { id, createTs, updateTs: createTs, state: 'connecting' }, fields: 'id,createTs,updateTs,state' });

    t.advance(3000);
    const query = await t.call('GET', paths.one(id), { headers: json });
    expect(query.status).toBe(200);
    expect(query.headers.get('x-resource-id')).toBe(id);
    expect(query.body.converter).toMatchObject({ id, name: 'demo_vertical', rtmpUrl: 'rtmp://example.agora.io/live/demo', idleTimeout: 300, jitterBufferSizeMs: 1000, state: 'running' });
    expect(query.body.converter.transcodeOptions.rtcChannel).toBe('demo');
    expect(query.body.fields).toBe('id,name,transcodeOptions,rtmpUrl,idleTimeout,jitterBufferSizeMs,createTs,updateTs,state');

    t.advance(2000);
    const update = await t.call('PATCH', paths.one(id), { body: { converter: { rtmpUrl: 'rtmp://example.agora.io/live/backup' }, fields: 'rtmpUrl' }, query: { sequence: '0' } });
    expect(update.status).toBe(200);
    expect(update.body.converter).toEqual({ id, createTs, updateTs: createTs + 5, state: 'running' });

    const list = await t.call('GET', paths.list, { headers: json });
    expect(list.body).toEqual({
      success: true,
      data: {
        total_count: 1,
        cursor: 0,
        members: [
          { rtcChannel: 'demo', status: '200', converterName: 'demo_vertical', updateTs: String(createTs + 5), appId: APP, rtmpUrl: 'rtmp://example.agora.io/live/backup', converterId: id, create: String(createTs), idleTimeout: '300', state: 'running' },
        ],
      },
    });
    expect((await t.call('GET', paths.channel('demo'), { headers: json })).body.data.members.map((m: { converterId: string }) => m.converterId)).toEqual([id]);
    expect((await t.call('GET', paths.channel('lobby'), { headers: json })).body.data).toEqual({ total_count: 0, cursor: 0, members: [] });

    const deleted = await t.call('DELETE', paths.one(id));
    expect(deleted.status).toBe(200);
    expect(deleted.headers.get('x-resource-id')).toBe(id);
    const again = await t.call('DELETE', paths.one(id));
    expect(again.status).toBe(404);
    expect(again.body.message).toBe('Resource is not found or destroyed.');
    expect((await t.call('GET', paths.one(id), { headers: json })).status).toBe(404);
  });

  it('finds a converter only in the region it was created in', async () => {
    const t = testSandbox();
    const id = (await t.call('POST', paths.create('eu'), { body: raw() })).body.converter.id as string;
    expect((await t.call('GET', paths.one(id, 'na'), { headers: json })).status).toBe(404);
    expect((await t.call('GET', paths.one(id, 'eu'), { headers: json })).body.converter.rawOptions).toEqual({ rtcChannel: 'demo', rtcStreamUid: 123 });
  });

  it('answers 409 with the existing converter id in X-Resource-ID for a taken name', async () => {
    const t = testSandbox();
    const first = await t.call('POST', paths.create(), { body: transcoded() });
    const again = await t.call('POST', paths.create('eu'), { body: raw({ name: 'demo_vertical' }) });
    expect(again.status).toBe(409);
    expect(again.body.message).toBe('Resource with the same name already exists.');
    expect(again.body.reason).toContain(first.body.converter.id);
    expect(again.headers.get('x-resource-id')).toBe(first.body.converter.id);
    // Unnamed converters may be many.
    expect((await t.call('POST', paths.create(), { body: raw() })).status).toBe(200);
    expect((await t.call('POST', paths.create(), { body: raw() })).status).toBe(200);
  });

  it('checks region case, the converter kind, rtmpUrl, volumes and the codec profile', async () => {
    const t = testSandbox();
    const upper = await t.call('POST', paths.create('NA'), { body: raw() });
    expect(upper.status).toBe(400);
    expect(upper.body.reason).toBe('region: must be lowercase: use "na" (got "NA").');
    const both = await t.call('POST', paths.create(), { body: { converter: { ...raw().converter, transcodeOptions: { rtcChannel: 'demo' } } } });
    expect(both.status).toBe(400);
    const neither = await t.call('POST', paths.create(), { body: { converter: { rtmpUrl: 'rtmp://example.agora.io/live/x' } } });
    expect(neither.status).toBe(400);
    const url = await t.call('POST', paths.create(), { body: raw({ rtmpUrl: 'http://example.agora.io/live' }) });
    expect(url.status).toBe(400);
    expect(url.body.message).toBe('Invalid parameter: rtmpUrl. Replace it and retry.');
    const stray = await t.call('POST', paths.create(), { body: transcoded({}, { audioOptions: { rtcStreamUids: [123], volumes: [{ rtcStreamUid: 456, volume: 10 }] } }) });
    expect(stray.status).toBe(400);
    expect(stray.body.reason).toContain('uid 456 is not one of rtcStreamUids (123)');
    const h265 = await t.call('POST', paths.create(), { body: transcoded({}, { videoOptions: { canvas: { width: 640, height: 360 }, bitrate: 800, codec: 'H.265', codecProfile: 'high' } }) });
    expect(h265.status).toBe(400);
    expect(h265.body.reason).toBe('converter.transcodeOptions.videoOptions.codecProfile: H.265 takes only "main" (got "high").');
  });

  it('brings idleTimeout into 5-86400 s and rounds the jitter buffer up to 100 ms', async () => {
    expect(effectiveIdleTimeout(undefined)).toBe(300);
    expect(effectiveIdleTimeout(1)).toBe(5);
    expect(effectiveIdleTimeout(100_000)).toBe(86_400);
    expect(effectiveJitter(undefined)).toBe(1000);
    expect(effectiveJitter(0)).toBe(0);
    expect(effectiveJitter(101)).toBe(200);
    const t = testSandbox();
    const id = (await t.call('POST', paths.create(), { body: raw({ idleTimeout: 1, jitterBufferSizeMs: 250 }) })).body.converter.id;
    expect((await t.call('GET', paths.one(id), { headers: json })).body.converter).toMatchObject({ idleTimeout: 5, jitterBufferSizeMs: 300 });
  });

  it('destroys a converter once none of its users has been in the channel for idleTimeout', async () => {
    const t = testSandbox();
    // Nobody is in channel "stage": idle from the start.
    const empty = (await t.call('POST', paths.create(), { body: raw({ idleTimeout: 10 }, 5, 'stage') })).body.converter.id;
    // A cloud player (Media Pull) publishes uid 666 into "show"; a converter pushes that user.
    const player = await t.call('POST', shared.players(), { body: { player: { streamUrl: 'rtmp://example.agora.io/live/src', channelName: 'show', uid: 666 } } });
    const pushed = (await t.call('POST', paths.create(), { body: raw({ idleTimeout: 10 }, 666, 'show') })).body.converter.id;
    t.advance(9_999);
    expect((await t.call('GET', paths.one(empty), { headers: json })).status).toBe(200);
    t.advance(1);
    expect((await t.call('GET', paths.one(empty), { headers: json })).status).toBe(404);
    expect((await t.call('GET', paths.one(pushed), { headers: json })).status).toBe(200);
    // The player goes, so does the converter's only user: ten seconds later, the converter.
    await t.call('PATCH', shared.player(player.body.player.id), { query: { sequence: '0' } });
    await t.call('DELETE', shared.player(player.body.player.id));
    await t.call('GET', paths.list, { headers: json });
    t.advance(10_000);
    expect((await t.call('GET', paths.one(pushed), { headers: json })).status).toBe(404);
  });

  it('keeps a transcoding converter that names no user while anybody is in the channel', async () => {
    const t = testSandbox();
    const id = (await t.call('POST', paths.create(), { body: { converter: { transcodeOptions: { rtcChannel: 'lobby', audioOptions: {} }, rtmpUrl: 'rtmp://example.agora.io/live/lobby', idleTimeout: 5 } } })).body.converter.id;
    t.advance(60_000);
    expect((await t.call('GET', paths.one(id), { headers: json })).status).toBe(200);
  });

  it('orders updates by an increasing sequence and changes only what Agora lets change', async () => {
    const t = testSandbox();
    const id = (await t.call('POST', paths.create(), { body: transcoded() })).body.converter.id;
    const layout = [{ rtcStreamUid: 456, region: { xPos: 0, yPos: 0, zIndex: 1, width: 360, height: 320 } }];
    const first = await t.call('PATCH', paths.one(id), { body: { converter: { transcodeOptions: { videoOptions: { layout } } }, fields: 'transcodeOptions.videoOptions.layout' }, query: { sequence: '3' } });
    expect(first.status).toBe(200);
    expect((await t.call('GET', paths.one(id), { headers: json })).body.converter.transcodeOptions.videoOptions.layout).toEqual(layout);
    const stale = await t.call('PATCH', paths.one(id), { body: { converter: { rtmpUrl: 'rtmp://example.agora.io/live/b' }, fields: 'rtmpUrl' }, query: { sequence: '3' } });
    expect(stale.status).toBe(400);
    expect(stale.body.message).toBe('Invalid parameter: sequence. Replace it and retry.');
    expect(stale.body.reason).toBe('sequence: must be greater than the last accepted sequence 3 (got 3). Send 4 or more.');
    const fixed = await t.call('PATCH', paths.one(id), { body: { converter: {}, fields: 'transcodeOptions.audioOptions.codecProfile' }, query: { sequence: '4' } });
    expect(fixed.status).toBe(400);
    expect(fixed.body.reason).toContain('cannot change after create');
    const spaced = await t.call('PATCH', paths.one(id), { body: { converter: {}, fields: 'rtmpUrl, jitterBufferSizeMs' }, query: { sequence: '4' } });
    expect(spaced.status).toBe(400);
    // Volumes: the listed users change, everybody else is back at 100 (no entry).
    const volumes = await t.call('PATCH', paths.one(id), { body: { converter: { transcodeOptions: { audioOptions: { volumes: [{ rtcStreamUid: 123, volume: 80 }] } } }, fields: 'transcodeOptions.audioOptions.volumes' }, query: { sequence: '4' } });
    expect(volumes.status).toBe(200);
    expect((await t.call('GET', paths.one(id), { headers: json })).body.converter.transcodeOptions.audioOptions.volumes).toEqual([{ rtcStreamUid: 123, volume: 80 }]);
    const stray = await t.call('PATCH', paths.one(id), { body: { converter: { transcodeOptions: { audioOptions: { volumes: [{ rtcStreamUid: 9, volume: 80 }] } } }, fields: 'transcodeOptions.audioOptions.volumes' }, query: { sequence: '5' } });
    expect(stray.status).toBe(400);
    expect((await t.call('PATCH', paths.one('nope'), { body: { converter: {}, fields: 'rtmpUrl' }, query: { sequence: '0' } })).status).toBe(404);
  });

  it('lets a converter without transcoding, or with the vertical layout, change only rtmpUrl', async () => {
    const t = testSandbox();
    const plain = (await t.call('POST', paths.create(), { body: raw() })).body.converter.id;
    const refused = await t.call('PATCH', paths.one(plain), { body: { converter: { jitterBufferSizeMs: 500 }, fields: 'jitterBufferSizeMs' }, query: { sequence: '0' } });
    expect(refused.status).toBe(400);
    expect(refused.body.reason).toBe('fields: a converter without transcoding can change only rtmpUrl (got jitterBufferSizeMs).');
    const vertical = (await t.call('POST', paths.create(), { body: transcoded({ name: 'v' }, { videoOptions: { canvas: { width: 640, height: 360 }, bitrate: 800, layoutType: 1, vertical: { maxResolutionUid: 123 } } }) })).body.converter.id;
    const bitrate = await t.call('PATCH', paths.one(vertical), { body: { converter: { transcodeOptions: { videoOptions: { bitrate: 600 } } }, fields: 'transcodeOptions.videoOptions.bitrate' }, query: { sequence: '0' } });
    expect(bitrate.status).toBe(400);
    expect(bitrate.body.reason).toContain('vertical layout');
    expect((await t.call('PATCH', paths.one(vertical), { body: { converter: { rtmpUrl: 'rtmp://example.agora.io/live/v2' }, fields: 'rtmpUrl' }, query: { sequence: '0' } })).status).toBe(200);
  });

  it('pages lists with a cursor that is 0 on the last page, and caps a project at 300 converters', async () => {
    const t = testSandbox({ planLimitPerMinute: 100_000 });
    const ids: string[] = [];
    for (let i = 0; i < 300; i += 1) {
      if (i % 50 === 0) t.advance(1000);
      const answer = await t.call('POST', paths.create('cn'), { body: raw() });
      expect(answer.status).toBe(200);
      ids.push(answer.body.converter.id);
    }
    t.advance(1000);
    const over = await t.call('POST', paths.create('cn'), { body: raw() });
    expect(over.status).toBe(429);
    expect(over.body.reason).toContain('At most 300 converters');
    const first = await t.call('GET', paths.list, { headers: json });
    expect(first.body.data).toMatchObject({ total_count: 300, cursor: 0 });
    expect(first.body.data.members).toHaveLength(300);
    // A cursor starts the page at that converter (in creation order); the total still counts them all.
    const later = await t.call('GET', paths.list, { headers: json, query: { cursor: '299' } });
    expect(later.body.data.total_count).toBe(300);
    expect(later.body.data.members.map((m: { converterId: string }) => m.converterId)).toEqual(ids.slice(298));
  });

  it('counts concurrent streams per region by output size (SD, HD, FHD)', async () => {
    expect(sizeClass(undefined)).toBe('SD');
    expect(sizeClass({ width: 360, height: 640 })).toBe('SD');
    expect(sizeClass({ width: 1280, height: 720 })).toBe('HD');
    expect(sizeClass({ width: 1920, height: 1080 })).toBe('FHD');
    const made = (region: string, size: Converter['size'], n: number) => Array.from({ length: n }, () => ({ region, size }) as Converter);
    expect(streamQuotaProblem(made('na', 'SD', 19), 'na', 'SD')).toBeNull();
    expect(streamQuotaProblem(made('na', 'SD', 20), 'na', 'SD')).toContain('20 SD streams');
    // With an HD stream present, the total may not pass HD's limit of 5.
    expect(streamQuotaProblem(made('na', 'SD', 5), 'na', 'HD')).toContain('total may not exceed 5');
    expect(streamQuotaProblem(made('cn', 'SD', 5), 'na', 'HD')).toBeNull();
    expect(streamQuotaProblem([], 'eu', 'FHD')).toContain('needs Agora support');
    expect(streamQuotaProblem(made('cn', 'FHD', 19), 'cn', 'FHD')).toBeNull();

    const t = testSandbox();
    const fhd = await t.call('POST', paths.create('eu'), { body: transcoded({}, { videoOptions: { canvas: { width: 1920, height: 1080 }, bitrate: 4000 } }) });
    expect(fhd.status).toBe(429);
    expect(fhd.body.message).toBe('Resource quota exceeded.');
  });

  it('answers 403 for an App ID without Media Push, in the documented words', async () => {
    const t = testSandbox();
    const other = await t.call('GET', `/v1/projects/${'f'.repeat(32)}/rtmp-converters`, { headers: json });
    expect(other.status).toBe(403);
    expect(other.body.message).toBe('The project lacks permission to use this function. Contact Agora technical support.');
  });
});
