/**
 * Media Pull's notifications, read back through the Events stream: what a
 * create -> running -> delete flow and an idle timeout send, in order, with
 * Agora's payloads (event-types/media-pull.mdx).
 */
import { kinds, snapshot } from '../../sandbox/events/testing';
import { BASIC, issueProject, paths, testSandbox } from '../../sandbox/testing';
import { CONNECTING_MS } from './sandbox';

const player = (extra: Record<string, unknown> = {}) => ({
  player: { streamUrl: 'rtmp://example.agora.io/live/class32', channelName: 'class32', uid: 101, name: 'teacher101', token: 'rtc-token', ...extra },
});

/** Streams that end at once, so each read is a snapshot of what has been sent so far. */
const sandbox = () => testSandbox({ eventStream: { lifetimeMs: 0 } });

describe('Media Pull notifications', () => {
  it('sends Player Created, then Player Status Changed running, then Player Destroyed on delete', async () => {
    const t = sandbox();
    const created = await t.call('POST', paths.players(), { body: player(), headers: { 'X-Request-ID': 'req-create' } });
    expect(created.status).toBe(200);
    const id = created.body.player.id as string;

    let seen = await snapshot(t.sandbox, BASIC);
    // The channel comes into being with the player in it, then the player's own notice.
    expect(kinds(seen.notices)).toEqual(['1/101', '1/103', '4/1']);
    const [, , createdNotice] = seen.notices;
    expect(createdNotice.name).toBe('Player Created');
    expect(createdNotice.body.payload).toEqual({
      lts: t.now(),
      player: { channelName: 'class32', createTs: Math.floor(t.now() / 1000), id, idleTimeout: 300, name: 'teacher101', status: 'connecting', streamUrl: 'rtmp://example.agora.io/live/class32', token: 'rtc-token', uid: 101 },
      xRequestId: 'req-create',
    });
    expect(createdNotice.cause).toEqual({ requestId: 'req-create', operationId: 'create-cloud-player', method: 'POST', path: paths.players() });

    // Not before its time: the running notice is scheduled, not sent.
    t.advance(CONNECTING_MS - 1);
    expect(kinds((await snapshot(t.sandbox, BASIC)).notices)).toHaveLength(3);
    t.advance(1);
    seen = await snapshot(t.sandbox, BASIC);
    const running = seen.notices[3];
    expect(running.name).toBe('Player Status Changed');
    expect(running.body.payload).toEqual({ player: { channelName: 'class32', id, name: 'teacher101', status: 'running' }, lts: t.now(), fields: 'player.name,player.channelName,player.id,player.status' });
    expect(running.body.notifyMs).toBe(t.now());
    // Caused by the create call, though sent three seconds after it.
    expect(running.cause?.requestId).toBe('req-create');

    t.advance(1000);
    expect((await t.call('DELETE', paths.player(id), { headers: { 'X-Request-ID': 'req-delete' } })).status).toBe(200);
    seen = await snapshot(t.sandbox, BASIC);
    expect(kinds(seen.notices)).toEqual(['1/101', '1/103', '4/1', '4/4', '4/3', '1/104', '1/102']);
    const destroyed = seen.notices[4];
    expect(destroyed.body.payload).toEqual({ destroyReason: 'Delete Request', fields: 'player.name,player.channelName,player.id', lts: t.now(), player: { channelName: 'class32', id, name: 'teacher101' } });
    expect(destroyed.cause?.operationId).toBe('delete-cloud-player');
    expect(seen.notices[5].body.payload).toMatchObject({ channelName: 'class32', uid: 101, reason: 1, duration: 4 });
    expect(seen.notices[6].body.payload).toMatchObject({ channelName: 'class32', lastUid: 101 });

    // Deleting again changes nothing, so it says nothing.
    await t.call('DELETE', paths.player(id));
    expect((await snapshot(t.sandbox, BASIC)).notices).toHaveLength(7);
  });

  it('drops the running notice of a player deleted before it ran', async () => {
    const t = sandbox();
    const created = await t.call('POST', paths.players(), { body: player() });
    t.advance(1000);
    await t.call('DELETE', paths.player(created.body.player.id));
    t.advance(CONNECTING_MS * 2);
    const { notices } = await snapshot(t.sandbox, BASIC);
    expect(notices.map((notice) => notice.name)).toEqual(['channel create', 'broadcaster join channel', 'Player Created', 'Player Destroyed', 'broadcaster leave channel', 'channel destroy']);
  });

  it('reports running before Player Destroyed when nobody looked at the project in between', async () => {
    const t = sandbox();
    const created = await t.call('POST', paths.players(), { body: player() });
    // No call, no stream, no timer between the two: the running notice fell due unseen.
    t.advance(CONNECTING_MS + 2000);
    await t.call('DELETE', paths.player(created.body.player.id));
    const { notices } = await snapshot(t.sandbox, BASIC);
    expect(notices.filter((notice) => notice.body.productId === 4).map((notice) => notice.name)).toEqual(['Player Created', 'Player Status Changed', 'Player Destroyed']);
    // Released in the order they happened, whatever the order of discovery.
    const revs = notices.map((notice) => notice.rev);
    expect([...revs].sort((a, b) => a - b)).toEqual(revs);
  });

  it('sends connecting at a later playTs, then running', async () => {
    const t = sandbox();
    const playTs = Math.floor(t.now() / 1000) + 60;
    const created = await t.call('POST', paths.players(), { body: player({ playTs }) });
    expect(created.body.player.status).toBe('idle');
    t.advance(60_000 + CONNECTING_MS);
    const statuses = (await snapshot(t.sandbox, BASIC)).notices.filter((notice) => notice.body.productId === 4).map((notice) => (notice.body.payload.player as { status?: string }).status);
    expect(statuses).toEqual(['idle', 'connecting', 'running']);
  });

  it('sends Player Destroyed with Idle Timeout when a player goes idleTimeout seconds without an update, dated when it happened', async () => {
    const t = sandbox();
    const created = await t.call('POST', paths.players(), { body: player({ idleTimeout: 5 }) });
    const createdAt = t.now();
    // Nobody calls for a minute; the next look at the project finds it gone and says when.
    t.advance(60_000);
    const { notices } = await snapshot(t.sandbox, BASIC);
    const destroyed = notices.find((notice) => notice.name === 'Player Destroyed')!;
    expect(destroyed.body.payload).toMatchObject({ destroyReason: 'Idle Timeout', lts: createdAt + 5000, player: { id: created.body.player.id } });
    expect(destroyed.body.notifyMs).toBe(createdAt + 5000);
    expect(destroyed.cause).toBeUndefined();
    expect(destroyed.origin).toMatch(/idle timeout \(5 s/);
  });

  it("keeps each project's notices to itself", async () => {
    const t = sandbox();
    const mine = await issueProject(t.sandbox);
    await t.call('POST', paths.players(), { body: player() });
    const theirs = await snapshot(t.sandbox, mine.basic);
    expect(theirs.status).toBe(200);
    expect(theirs.hello?.appId).toBe(mine.appId);
    expect(theirs.notices).toEqual([]);
  });
});
