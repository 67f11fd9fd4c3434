/**
 * Media Push's notifications, read back through the Events stream: what a
 * create -> running -> update -> delete flow and an idle timeout send, in
 * order, with Agora's payloads (event-types/media-push.mdx).
 */
import { kinds, snapshot } from '../../sandbox/events/testing';
import { APP, BASIC, testSandbox } from '../../sandbox/testing';
import { MEDIA_PUSH_NOTIFICATIONS } from './events';
import { CONNECTING_MS } from './sandbox';

const create = (region = 'na') => `/${region}/v1/projects/${APP}/rtmp-converters`;
const one = (id: string, region = 'na') => `/${region}/v1/projects/${APP}/rtmp-converters/${id}`;
const body = (extra: Record<string, unknown> = {}) => ({
  converter: { name: 'demo_raw', rawOptions: { rtcChannel: 'demo', rtcStreamUid: 123 }, rtmpUrl: 'rtmp://example.agora.io/live/demo', ...extra },
});

/** Streams that end at once, so each read is a snapshot of what has been sent so far. */
const sandbox = () => testSandbox({ eventStream: { lifetimeMs: 0 } });

describe('Media Push notifications', () => {
  it('documents the four event types of product 5', () => {
    expect(MEDIA_PUSH_NOTIFICATIONS.productId).toBe(5);
    expect(MEDIA_PUSH_NOTIFICATIONS.events.map((event) => [event.eventType, event.name])).toEqual([
      [1, 'Converter Created'],
      [2, 'Converter Configuration Changed'],
      [3, 'Converter Status Changed'],
      [4, 'Converter Destroyed'],
    ]);
    expect(MEDIA_PUSH_NOTIFICATIONS.events.every((event) => event.sandbox)).toBe(true);
  });

  it('sends Converter Created, Status Changed (running), Configuration Changed and Destroyed', async () => {
    const t = sandbox();
    const created = await t.call('POST', create(), { body: body(), headers: { 'X-Request-ID': 'req-create' } });
    expect(created.status).toBe(200);
    const id = created.body.converter.id as string;
    const ts = Math.floor(t.now() / 1000);

    let seen = await snapshot(t.sandbox, BASIC);
    // A converter is not a channel user in Agora's docs: no channel events, only its own.
    expect(kinds(seen.notices)).toEqual(['5/1']);
    expect(seen.notices[0].name).toBe('Converter Created');
    expect(seen.notices[0].body.payload).toEqual({
      converter: { id, name: 'demo_raw', rawOptions: { rtcChannel: 'demo', rtcStreamUid: 123 }, rtmpUrl: 'rtmp://example.agora.io/live/demo', idleTimeout: 300, createTs: ts, updateTs: ts, state: 'connecting' },
      lts: t.now(),
      xRequestId: 'req-create',
    });
    expect(seen.notices[0].cause).toMatchObject({ requestId: 'req-create', operationId: 'create-converter' });

    t.advance(CONNECTING_MS - 1);
    expect((await snapshot(t.sandbox, BASIC)).notices).toHaveLength(1);
    t.advance(1);
    seen = await snapshot(t.sandbox, BASIC);
    expect(seen.notices[1].name).toBe('Converter Status Changed');
    expect(seen.notices[1].body.payload).toEqual({ converter: { id, createTs: ts, updateTs: ts, state: 'running' }, lts: t.now(), fields: 'id,createTs,updateTs,state' });
    expect(seen.notices[1].cause?.requestId).toBe('req-create');

    t.advance(2000);
    const updated = await t.call('PATCH', one(id), { body: { converter: { rtmpUrl: 'rtmp://example.agora.io/live/backup' }, fields: 'rtmpUrl' }, query: { sequence: '0' }, headers: { 'X-Request-ID': 'req-update' } });
    expect(updated.status).toBe(200);
    seen = await snapshot(t.sandbox, BASIC);
    expect(seen.notices[2].name).toBe('Converter Configuration Changed');
    expect(seen.notices[2].body.payload).toEqual({
      converter: { id, createTs: ts, updateTs: ts + 5, state: 'running', rtmpUrl: 'rtmp://example.agora.io/live/backup' },
      lts: t.now(),
      xRequestId: 'req-update',
      fields: 'id,createTs,updateTs,state,rtmpUrl',
    });

    expect((await t.call('DELETE', one(id))).status).toBe(200);
    seen = await snapshot(t.sandbox, BASIC);
    expect(kinds(seen.notices)).toEqual(['5/1', '5/3', '5/2', '5/4']);
    expect(seen.notices[3].name).toBe('Converter Destroyed');
    expect(seen.notices[3].body.payload).toEqual({ converter: { id, name: 'demo_raw', createTs: ts, updateTs: ts + 5 }, lts: t.now(), destroyReason: 'Delete Request', fields: 'id,name,createTs,updateTs' });
    expect(seen.notices[3].cause?.operationId).toBe('delete-converter');
  });

  it('drops the running notice of a converter deleted first, and says Idle Timeout when its users are gone', async () => {
    const t = sandbox();
    const quick = (await t.call('POST', create(), { body: body({ name: 'quick' }) })).body.converter.id;
    await t.call('DELETE', one(quick));
    // Nobody is in channel "stage": the converter is idle from the start.
    const idle = (await t.call('POST', create('eu'), { body: body({ name: 'idle', rawOptions: { rtcChannel: 'stage', rtcStreamUid: 7 }, idleTimeout: 5 }) })).body.converter.id;
    t.advance(5000);
    const seen = await snapshot(t.sandbox, BASIC);
    expect(kinds(seen.notices)).toEqual(['5/1', '5/4', '5/1', '5/3', '5/4']);
    const destroyed = seen.notices[4];
    expect(destroyed.body.payload).toMatchObject({ converter: { id: idle, name: 'idle' }, destroyReason: 'Idle Timeout', lts: t.now() });
  });
});
