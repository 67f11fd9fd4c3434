import { APP, paths, testSandbox } from '../../sandbox/testing';
import { effectiveIdleTimeout, effectiveVideoOptions } from './sandbox';

const player = (extra: Record<string, unknown> = {}) => ({
  player: { streamUrl: 'rtmp://example.agora.io/live/show68', channelName: 'demo', uid: 666, ...extra },
});

describe('Media Pull', () => {
  it('creates a player that connects, then runs, and joins the channel', async () => {
    const t = testSandbox();
    const created = await t.call('POST', paths.players(), { body: player({ name: 'show68' }), headers: { 'X-Request-ID': 'req-1' } });
    expect(created.status).toBe(200);
    expect(created.headers.get('x-request-id')).toBe('req-1');
    expect(created.headers.get('x-resource-id')).toBe(created.body.player.id);
    expect(created.body.player).toMatchObject({ uid: 666, channelName: 'demo', name: 'show68', status: 'connecting' });
    expect(created.body.fields).toBe('player.channelName,player.createTs,player.id,player.name,player.status,player.uid');
    t.advance(3000);
    const list = await t.call('GET', paths.listPlayers);
    expect(list.body.players[0]).toMatchObject({ id: created.body.player.id, status: 'running', streamUrl: 'rtmp://example.agora.io/live/show68' });
    expect(list.body).toMatchObject({ totalSize: 1, nextPageToken: '0' });
    expect(list.body.fields).toBe('player.name,player.streamUrl,player.channelName,player.uid,player.account,player.id,player.createTs,player.status');
    expect((await t.call('GET', paths.users('demo'))).body.data.broadcasters).toContain(666);
  });

  it('answers 409 with the existing player id in X-Resource-ID for a taken name', async () => {
    const t = testSandbox();
    const first = await t.call('POST', paths.players(), { body: player({ name: 'show68' }) });
    t.advance(1000);
    const again = await t.call('POST', paths.players(), { body: player({ name: 'show68', uid: 667 }) });
    expect(again.status).toBe(409);
    expect(again.body.message).toBe('Resource with the same name already exists.');
    expect(again.headers.get('x-resource-id')).toBe(first.body.player.id);
  });

  it('checks region case, uid XOR account, the stream URL and the channel name, in the documented words', async () => {
    const t = testSandbox();
    const upper = await t.call('POST', paths.players('NA'), { body: player() });
    expect(upper.status).toBe(400);
    expect(upper.body.reason).toBe('region: must be lowercase: use "na" (got "NA").');
    const both = await t.call('POST', paths.players(), { body: player({ account: 'bob' }) });
    expect(both.status).toBe(400);
    expect(both.body.reason).toContain('player.uid: set only one of uid and account');
    const neither = await t.call('POST', paths.players(), { body: { player: { streamUrl: 'rtmp://x/y', channelName: 'demo' } } });
    expect(neither.body.reason).toContain('set exactly one of uid and account');
    const url = await t.call('POST', paths.players(), { body: player({ streamUrl: 'ftp://nope' }) });
    expect(url.status).toBe(400);
    expect(url.body.message).toBe("The 'streamUrl' parameter is incorrectly formatted.");
    expect(url.body.reason).toContain('player.streamUrl');
    expect(url.headers.get('x-resource-id')).toBeTruthy();
    const channel = await t.call('POST', paths.players(), { body: player({ channelName: 'x'.repeat(65) }) });
    expect(channel.status).toBe(400);
    expect(channel.body.message).toBe('The channelName parameter is invalid. Fix it in your request and retry.');
    expect(channel.body.reason).toMatch(/^player\.channelName: /);
    // Agora's file leaves `player` optional, but nothing can be created without it.
    const empty = await t.call('POST', paths.players(), { body: {} });
    expect(empty.status).toBe(400);
    expect(empty.body.reason).toMatch(/^player: /);
  });

  it('checks the transcoding ranges Agora publishes, and takes any codec as H.264', async () => {
    const t = testSandbox();
    const video = { width: 1920, height: 1080, widthHeightAdaption: false, frameRate: 30, bitrate: 10000, gop: 10, fillMode: 'fill' };
    const vp9 = await t.call('POST', paths.players(), { body: player({ audioOptions: { profile: 1 }, videoOptions: { ...video, codec: 'VP9' } }) });
    expect(vp9.status).toBe(200);
    expect(effectiveVideoOptions({ ...video, codec: 'VP9' })).toEqual({ ...video, codec: 'H.264' });
    expect(effectiveVideoOptions(undefined)).toBeUndefined();
    const low = { width: 66, height: 66, frameRate: 5, bitrate: 1, gop: 1 };
    expect((await t.call('POST', paths.players(), { body: player({ uid: 667, videoOptions: low }) })).status).toBe(200);
    const outside: Array<[string, number]> = [['width', 65], ['width', 1921], ['height', 65], ['height', 1081], ['frameRate', 4], ['frameRate', 31], ['bitrate', 0], ['bitrate', 10001], ['gop', 0], ['gop', 11]];
    for (const [field, value] of outside) {
      const refused = await t.call('POST', paths.players(), { body: player({ uid: 668, videoOptions: { [field]: value } }) });
      expect(refused.status, `${field} ${value}`).toBe(400);
      expect(refused.body.reason, `${field} ${value}`).toMatch(new RegExp(`^player\\.videoOptions\\.${field}: `));
    }
  });

  it('takes the other documented create fields: streamIp, encryption, data stream, repeatTime, tempo, an empty name', async () => {
    const t = testSandbox();
    const full = await t.call('POST', paths.players(), {
      query: { streamIp: '203.0.113.7' },
      body: player({
        encryptMode: 'aes-128-gcm2',
        encryptKey: 'k'.repeat(32),
        encryptKdfSalt: 's'.repeat(44),
        dataStreamOptions: { enable: true },
        repeatTime: -1,
        seekPosition: 12.5,
        tempo: 1.25,
        token: 'demo-token',
      }),
    });
    expect(full.status).toBe(200);
    const ip = await t.call('POST', paths.players(), { query: { streamIp: '999.0.0.1' }, body: player({ uid: 667 }) });
    expect(ip.status).toBe(400);
    expect(ip.body.reason).toMatch(/^streamIp: /);
    const zero = await t.call('POST', paths.players(), { body: player({ uid: 667, repeatTime: 0 }) });
    expect(zero.status).toBe(400);
    expect(zero.body.reason).toMatch(/^player\.repeatTime: /);
    const tempo = await t.call('POST', paths.players(), { body: player({ uid: 667, tempo: 3 }) });
    expect(tempo.status).toBe(400);
    expect(tempo.body.reason).toBe('player.tempo: must be one of 0.5, 0.75, 1, 1.25, 1.5, 1.75, 2 (got 3).');
    // No name is no name: several unnamed players may exist, and "" counts as none.
    for (const uid of [670, 671]) {
      const unnamed = await t.call('POST', paths.players(), { body: player({ uid, name: '' }) });
      expect(unnamed.status).toBe(200);
      expect(unnamed.body.player.name).toBeUndefined();
    }
  });

  it('keeps a player idle until a later playTs, refuses one outside a day before to five minutes after', async () => {
    const t = testSandbox();
    const nowTs = Math.floor(t.now() / 1000);
    const later = await t.call('POST', paths.players(), { body: player({ playTs: nowTs + 120 }) });
    expect(later.body.player.status).toBe('idle');
    t.advance(119_000);
    expect((await t.call('GET', paths.listPlayers)).body.players[0].status).toBe('idle');
    t.advance(1000);
    expect((await t.call('GET', paths.listPlayers)).body.players[0].status).toBe('connecting');
    t.advance(3000);
    expect((await t.call('GET', paths.listPlayers)).body.players[0].status).toBe('running');
    const earlier = await t.call('POST', paths.players(), { body: player({ uid: 667, playTs: nowTs - 3600 }) });
    expect(earlier.body.player.status).toBe('connecting');
    const at = Math.floor(t.now() / 1000);
    for (const playTs of [at + 301, at - 86_401]) {
      const refused = await t.call('POST', paths.players(), { body: player({ uid: 668, playTs }) });
      expect(refused.status).toBe(400);
      expect(refused.body.reason).toMatch(/^player\.playTs: must be 0 or a Unix time from /);
    }
  });

  it('creates with an account and assigns a uid for uid 0', async () => {
    const t = testSandbox();
    const account = await t.call('POST', paths.players(), { body: { player: { streamUrl: 'https://x/a.flv', channelName: 'demo', account: 'show69' } } });
    expect(account.body.player).toMatchObject({ account: 'show69' });
    expect(account.body.player.uid).toBeUndefined();
    const zero = await t.call('POST', paths.players(), { body: player({ uid: 0 }) });
    expect(zero.body.player.uid).toBeGreaterThan(0);
  });

  it('brings idleTimeout into 5-600 s instead of refusing it', async () => {
    expect([undefined, 1, 5, 300, 600, 601, 3600].map(effectiveIdleTimeout)).toEqual([300, 5, 5, 300, 600, 600, 600]);
    const t = testSandbox();
    const short = await t.call('POST', paths.players(), { body: player({ idleTimeout: 1 }) });
    const long = await t.call('POST', paths.players(), { body: player({ uid: 667, idleTimeout: 3600 }) });
    expect([short.status, long.status]).toEqual([200, 200]);
    t.advance(4000);
    let ids = (await t.call('GET', paths.listPlayers)).body.players.map((p: { id: string }) => p.id);
    expect(ids).toEqual([short.body.player.id, long.body.player.id]);
    t.advance(1000);
    ids = (await t.call('GET', paths.listPlayers)).body.players.map((p: { id: string }) => p.id);
    expect(ids).toEqual([long.body.player.id]);
    t.advance(595_000);
    expect((await t.call('GET', paths.listPlayers)).body.players).toEqual([]);
  });

  it('never times out a paused player; resuming starts the idle timer again', async () => {
    const t = testSandbox();
    const { body } = await t.call('POST', paths.players(), { body: player({ idleTimeout: 5 }) });
    const id = body.player.id as string;
    expect((await t.call('PATCH', paths.player(id), { body: { player: { isPause: true } }, query: { sequence: '0' } })).status).toBe(200);
    t.advance(3_600_000);
    expect((await t.call('GET', paths.listPlayers)).body.players.map((p: { id: string }) => p.id)).toEqual([id]);
    expect((await t.call('PATCH', paths.player(id), { body: { player: { isPause: false } }, query: { sequence: '1' } })).status).toBe(200);
    t.advance(4000);
    expect((await t.call('GET', paths.listPlayers)).body.players).toHaveLength(1);
    t.advance(1000);
    expect((await t.call('GET', paths.listPlayers)).body.players).toEqual([]);
  });

  it('removes a player when its idleTimeout runs out (default 300 s); an update restarts the timer', async () => {
    const t = testSandbox();
    const short = await t.call('POST', paths.players(), { body: player({ idleTimeout: 5 }) });
    const normal = await t.call('POST', paths.players(), { body: player({ uid: 667 }) });
    t.advance(4000);
    // Not a pause: a paused player never times out (see the test above).
    const update = await t.call('PATCH', paths.player(normal.body.player.id), { body: { player: { audioOptions: { volume: 80 } } }, query: { sequence: '1' } });
    expect(update.status).toBe(200);
    t.advance(1000);
    let ids = (await t.call('GET', paths.listPlayers)).body.players.map((p: { id: string }) => p.id);
    expect(ids).toEqual([normal.body.player.id]);
    expect(ids).not.toContain(short.body.player.id);
    t.advance(298_000);
    ids = (await t.call('GET', paths.listPlayers)).body.players.map((p: { id: string }) => p.id);
    expect(ids).toEqual([normal.body.player.id]);
    t.advance(1000);
    expect((await t.call('GET', paths.listPlayers)).body.players).toEqual([]);
  });

  it('pages through players in ascending createTs across three pages', async () => {
    const t = testSandbox();
    const ids: string[] = [];
    for (let i = 0; i < 7; i += 1) {
      ids.push((await t.call('POST', paths.players(), { body: player({ uid: 700 + i }) })).body.player.id);
      t.advance(1000);
    }
    const seen: string[] = [];
    const tokens: string[] = [];
    let token: string | undefined;
    for (let page = 0; page < 3; page += 1) {
      const list = await t.call('GET', paths.listPlayers, { query: { pageSize: '3', ...(token ? { pageToken: token } : {}) } });
      expect(list.status).toBe(200);
      seen.push(...list.body.players.map((p: { id: string }) => p.id));
      // totalSize counts every matching player, whichever page is asked for.
      expect(list.body.totalSize).toBe(7);
      token = list.body.nextPageToken;
      tokens.push(token!);
      t.advance(1000);
    }
    expect(seen).toEqual(ids);
    expect(tokens[2]).toBe('0');
    expect(tokens[0]).not.toBe('0');
    const bad = await t.call('GET', paths.listPlayers, { query: { pageSize: '501' } });
    expect(bad.status).toBe(400);
  });

  it('filters by channelName eq', async () => {
    const t = testSandbox();
    await t.call('POST', paths.players(), { body: player() });
    await t.call('POST', paths.players(), { body: player({ channelName: 'lobby', uid: 667 }) });
    const list = await t.call('GET', paths.listPlayers, { query: { filter: 'channelName eq lobby' } });
    expect(list.body.players.map((p: { channelName: string }) => p.channelName)).toEqual(['lobby']);
    t.advance(1000);
    const bad = await t.call('GET', paths.listPlayers, { query: { filter: 'name eq x' } });
    expect(bad.status).toBe(400);
    expect(bad.body.reason).toContain('filter');
  });

  it('refuses the 51st concurrent player with 429', async () => {
    const t = testSandbox({ planLimitPerMinute: 1000 });
    for (let i = 0; i < 50; i += 1) {
      const created = await t.call('POST', paths.players(), { body: player({ uid: 1000 + i }) });
      expect(created.status).toBe(200);
    }
    t.advance(1000);
    const over = await t.call('POST', paths.players(), { body: player({ uid: 2000 }) });
    expect(over.status).toBe(429);
    expect(over.body.message).toBe('Resource quota exceeded.');
  });

  it('enforces the QPS limits: named create 2/s, list 10/s and 20/min, filtered list 2/s', async () => {
    const t = testSandbox();
    const named = [];
    for (let i = 0; i < 3; i += 1) named.push(await t.call('POST', paths.players(), { body: player({ uid: 900 + i, name: `n${i}` }) }));
    expect(named.map((a) => a.status)).toEqual([200, 200, 429]);
    expect(named[2].headers.get('retry-after')).toBe('1');
    expect(named[2].body.message).toBe('Request rate limit exceeded.');
    // Unnamed creates have their own, higher limit.
    expect((await t.call('POST', paths.players(), { body: player({ uid: 999 }) })).status).toBe(200);

    const filtered = [];
    for (let i = 0; i < 3; i += 1) filtered.push((await t.call('GET', paths.listPlayers, { query: { filter: 'channelName eq demo' } })).status);
    expect(filtered).toEqual([200, 200, 429]);

    const statuses: number[] = [];
    for (let second = 0; second < 3; second += 1) {
      for (let i = 0; i < 10; i += 1) statuses.push((await t.call('GET', paths.listPlayers)).status);
      t.advance(1000);
    }
    // 10 per second pass in the first two seconds; the third second hits 20 per minute.
    expect(statuses.filter((s) => s === 200)).toHaveLength(20);
    const blocked = await t.call('GET', paths.listPlayers);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(50);
  });

  it('requires an increasing sequence on update (400 otherwise) and 404s an unknown player', async () => {
    const t = testSandbox();
    const { body } = await t.call('POST', paths.players(), { body: player() });
    const id = body.player.id as string;
    // Agora suggests starting at 0; a body is optional (nothing changes but the sequence).
    const start = await t.call('PATCH', paths.player(id), { query: { sequence: '0' } });
    expect(start.status).toBe(200);
    const first = await t.call('PATCH', paths.player(id), { body: { player: { audioOptions: { volume: 50 } } }, query: { sequence: '5' } });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({});
    expect(first.headers.get('x-resource-id')).toBe(id);
    const stale = await t.call('PATCH', paths.player(id), { body: { player: { isPause: true } }, query: { sequence: '5' } });
    expect(stale.status).toBe(400);
    expect(stale.body.message).toBe('The sequence parameter is invalid. Fix it in your request and retry.');
    expect(stale.body.reason).toContain('sequence: must be greater than the last accepted sequence 5');
    const negative = await t.call('PATCH', paths.player(id), { body: { player: { isPause: true } }, query: { sequence: '-1' } });
    expect(negative.status).toBe(400);
    expect(negative.body.reason).toMatch(/^sequence: /);
    const missing = await t.call('PATCH', paths.player(id), { body: { player: { isPause: true } } });
    expect(missing.status).toBe(400);
    expect(missing.body.reason).toBe('sequence: is required.');
    const volume = await t.call('PATCH', paths.player(id), { body: { player: { audioOptions: { volume: 201 } } }, query: { sequence: '6' } });
    expect(volume.body.reason).toContain('player.audioOptions.volume');
    const tempo = await t.call('PATCH', paths.player(id), { body: { player: { tempo: 0.6 } }, query: { sequence: '6' } });
    expect(tempo.status).toBe(400);
    expect(tempo.body.reason).toMatch(/^player\.tempo: /);
    const changes = { streamUrl: 'https://example.agora.io/vod/show.mp4', audioOptions: { profile: 2 }, seekPosition: 40, tempo: 1.5, isPause: false };
    expect((await t.call('PATCH', paths.player(id), { body: { player: changes }, query: { sequence: '6' } })).status).toBe(200);
    const list = await t.call('GET', paths.listPlayers);
    expect(list.body.players[0].streamUrl).toBe(changes.streamUrl);
    const unknown = await t.call('PATCH', paths.player('f'.repeat(32)), { body: { player: { isPause: true } }, query: { sequence: '1' } });
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toBe('Resource is not found or destroyed.');
    expect(unknown.body.reason).toMatch(/^playerid: /);
    expect(unknown.headers.get('x-resource-id')).toBe('f'.repeat(32));
  });

  it('deletes idempotently and frees the name and the channel seat', async () => {
    const t = testSandbox();
    const { body } = await t.call('POST', paths.players(), { body: player({ name: 'once' }) });
    const id = body.player.id as string;
    const first = await t.call('DELETE', paths.player(id));
    expect(first.status).toBe(200);
    expect(first.headers.get('x-resource-id')).toBe(id);
    expect((await t.call('DELETE', paths.player(id))).status).toBe(200);
    expect((await t.call('GET', paths.users('demo'))).body.data.broadcasters).not.toContain(666);
    t.advance(1000);
    expect((await t.call('POST', paths.players(), { body: player({ name: 'once' }) })).status).toBe(200);
  });

  it('answers 403 for another App ID', async () => {
    const t = testSandbox();
    const other = await t.call('POST', `/na/v1/projects/${'f'.repeat(32)}/cloud-player/players`, { body: player() });
    expect(other.status).toBe(403);
    expect(other.body.message).toContain('Cloud player is not enabled');
    expect(other.body.reason).toContain(`App ID ${APP} ("${'f'.repeat(32)}" is not it)`);
  });
});
