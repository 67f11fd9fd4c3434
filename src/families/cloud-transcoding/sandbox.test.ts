import { APP, paths, testSandbox } from '../../sandbox/testing';
import { configProblem, definitionOf, updateProblem, type Transcoder } from './rules';

const BASE = `/v1/projects/${APP}/rtsc/cloud-transcoder`;
const TOKENS = `${BASE}/builderTokens`;
const TASKS = `${BASE}/tasks`;
const task = (id: string) => `${TASKS}/${id}`;
const CODECS = `/v1/projects/${APP}/rtls/abr/config/codecs`;

const rtc = (rtcChannel: string, rtcUid: number) => ({ rtcChannel, rtcUid, rtcToken: `token-${rtcUid}` });

function transcoder(extra: Partial<Transcoder> = {}): Transcoder {
  return {
    idleTimeout: 300,
    audioInputs: [{ rtc: rtc('demo', 123) }],
    videoInputs: [{ rtc: rtc('demo', 123), region: { x: 0, y: 0, width: 640, height: 360, zOrder: 2 } }],
    canvas: { width: 640, height: 360, color: 0 },
    outputs: [{ rtc: rtc('demomix', 1000), videoOption: { width: 640, height: 360, bitrate: 800, codec: 'H264' } }],
    ...extra,
  };
}
const services = (config: Transcoder) => ({ services: { cloudTranscoder: { serviceType: 'cloudTranscoderV2', config: { transcoder: config } } } });

type Sandbox = ReturnType<typeof testSandbox>;

/** Agora asks for Content-Type: application/json on every call, a GET or DELETE included. */
const call = (t: Sandbox, method: string, path: string, options: Parameters<Sandbox['call']>[2] = {}) =>
  t.call(method, path, { ...options, headers: { 'Content-Type': 'application/json', ...(options.headers as Record<string, string> | undefined) } });

async function acquire(t: Sandbox, instanceId = 'mix-1', config = transcoder()): Promise<string> {
  const answer = await call(t, 'POST', TOKENS, { body: { instanceId, ...services(config) } });
  expect(answer.status).toBe(200);
  return answer.body.tokenName;
}

async function create(t: Sandbox, instanceId = 'mix-1', config = transcoder()) {
  const builderToken = await acquire(t, instanceId, config);
  const created = await call(t, 'POST', TASKS, { query: { builderToken }, body: services(config) });
  return { builderToken, created };
}

describe('Cloud Transcoding', () => {
  it('runs the chain: acquire, create (STARTED), query (IN_PROGRESS), update, delete (STOPPED), and the output uid publishes into its channel', async () => {
    const t = testSandbox();
    const acquired = await call(t, 'POST', TOKENS, { body: { instanceId: 'mix-1', ...services(transcoder()) } });
    expect(acquired.body).toMatchObject({ instanceId: 'mix-1', createTs: Math.floor(t.now() / 1000), tokenName: expect.stringMatching(/^[0-9a-f]{48}$/) });
    const builderToken = acquired.body.tokenName;
    const created = await call(t, 'POST', TASKS, { query: { builderToken }, body: services(transcoder()) });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ status: 'STARTED', sequenceId: '0', services: { cloudTranscoder: { serviceType: 'cloudTranscoderV2', status: 'serviceReady' } } });
    const { taskId } = created.body;
    expect((await call(t, 'GET', paths.users('demomix'))).body.data.broadcasters).toContain(1000);

    t.advance(2000);
    const running = await call(t, 'GET', task(taskId), { query: { builderToken } });
    expect(running.body).toMatchObject({ taskId, status: 'IN_PROGRESS', services: { cloudTranscoder: { status: 'serviceInProgress' } } });

    const moved = transcoder({ videoInputs: [{ rtc: rtc('demo', 123), region: { x: 160, y: 90, width: 320, height: 180, zOrder: 2 } }] });
    const updated = await call(t, 'PATCH', task(taskId), { query: { builderToken, sequenceId: '0', updateMask: 'services.cloudTranscoder.config' }, body: services(moved) });
    expect(updated.status).toBe(200);
    expect(updated.body).toEqual({});
    const again = await call(t, 'PATCH', task(taskId), { query: { builderToken, sequenceId: '3', updateMask: 'services.cloudTranscoder.config' }, body: services(moved) });
    expect(again.status).toBe(200);
    expect((await call(t, 'GET', task(taskId), { query: { builderToken } })).body.sequenceId).toBe('3');

    const stopped = await call(t, 'DELETE', task(taskId), { query: { builderToken } });
    expect(stopped.body).toMatchObject({ taskId, status: 'STOPPED', services: { cloudTranscoder: { status: 'serviceCompleted', message: 'OnSlaveServiceStopped' } } });
    expect((await call(t, 'GET', paths.users('demomix'))).body.data.channel_exist).toBe(false);
    const gone = await call(t, 'GET', task(taskId), { query: { builderToken } });
    expect(gone.status).toBe(404);
    expect(gone.body.message).toMatch(/^Transcoder not found\./);
    expect((await call(t, 'DELETE', task(taskId), { query: { builderToken } })).status).toBe(404);
  });

  it('refuses an unknown or expired builder token, and lets a token serve one task', async () => {
    const t = testSandbox();
    const unknown = await call(t, 'POST', TASKS, { query: { builderToken: 'nope' }, body: services(transcoder()) });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toContain('builderToken: is unknown or expired');
    const late = await acquire(t, 'late');
    t.advance(5 * 60_000);
    expect((await call(t, 'POST', TASKS, { query: { builderToken: late }, body: services(transcoder()) })).status).toBe(400);

    const { builderToken, created } = await create(t);
    expect(created.status).toBe(200);
    // The same token again, or a new token for the same instanceId: 409 while the task runs.
    const reused = await call(t, 'POST', TASKS, { query: { builderToken }, body: services(transcoder()) });
    expect(reused.status).toBe(409);
    expect(reused.body.message).toMatch(/^A transcoder with instanceId "mix-1" already exists\./);
    const second = await create(t, 'mix-1');
    expect(second.created.status).toBe(409);
    // Another token cannot act on the task.
    const other = await acquire(t, 'mix-2');
    const wrong = await call(t, 'GET', task(created.body.taskId), { query: { builderToken: other } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.message).toContain('builderToken: is not the token that created this task');
    // After delete, the instanceId is free again (a second later, within the 10 requests per second).
    t.advance(1000);
    await call(t, 'DELETE', task(created.body.taskId), { query: { builderToken } });
    expect((await create(t, 'mix-1')).created.status).toBe(200);
  });

  it('orders updates by sequenceId and keeps what update may not change', async () => {
    const t = testSandbox();
    const { builderToken, created } = await create(t);
    const update = (sequenceId: string, config = transcoder()) =>
      call(t, 'PATCH', task(created.body.taskId), { query: { builderToken, sequenceId, updateMask: 'services.cloudTranscoder.config' }, body: services(config) });
    expect((await update('1')).status).toBe(200);
    const stale = await update('1');
    expect(stale.status).toBe(400);
    expect(stale.body.message).toBe('invalid parameter: sequenceId: must be greater than the last accepted sequence 1 (got 1). Send 2 or more.');
    expect((await update('-1')).status).toBe(400);
    const canvas = await update('2', transcoder({ canvas: { width: 1280, height: 720, color: 0 } }));
    expect(canvas.status).toBe(400);
    expect(canvas.body.message).toContain('canvas: cannot change in an update');
    const channel = await update('2', transcoder({ outputs: [{ rtc: rtc('elsewhere', 1000) }] }));
    expect(channel.body.message).toContain('outputs: an update changes only audioOption and videoOption');
    // Subscribing to a second host and changing the output's video is allowed; a renewed token too.
    const more = transcoder({
      audioInputs: [{ rtc: rtc('demo', 123) }, { rtc: rtc('demo', 456) }],
      outputs: [{ rtc: { ...rtc('demomix', 1000), rtcToken: 'renewed' }, videoOption: { width: 640, height: 360, bitrate: 500, codec: 'H264' } }],
    });
    expect((await update('2', more)).status).toBe(200);
  });

  it("enforces Agora's configuration rules at acquire, create and update", async () => {
    const t = testSandbox();
    const refuse = async (config: Transcoder, text: string) => {
      const answer = await call(t, 'POST', TOKENS, { body: { instanceId: 'rules', ...services(config) } });
      expect(answer.status).toBe(400);
      expect(answer.body.message).toContain(text);
    };
    await refuse(transcoder({ outputs: [{ rtc: rtc('a', 1) }, { rtc: rtc('b', 2) }] }), 'one RTC channel only');
    await refuse(transcoder({ outputs: [{ rtc: rtc('a', 1), streamUrl: 'rtmp://cdn.example/live' }] }), 'a CDN address and an RTC channel at once');
    await refuse(transcoder({ streamProcessMode: 'single', audioInputs: [{ rtc: rtc('demo', 123) }, { rtc: rtc('demo', 456) }] }), 'at most one item each');
    await refuse(transcoder({ audioInputs: [{ volume: 50 }] }), 'audioInputs[0]: name either rtc');
    await refuse(transcoder({ videoInputs: [{ rtc: rtc('demo', 123), placeholderImageUrl: 'https://example.com/away.gif', region: { x: 0, y: 0, width: 320, height: 180, zOrder: 2 } }] }), 'ending in .jpg or .png');
    await refuse(transcoder({ outputs: [{ rtc: rtc('a', 1), videoOption: { width: 2560, height: 1440, bitrate: 800, codec: 'H264' } }] }), 'at most 1920 x 1080');
    // Schema ranges come from Agora's file.
    const badZ = await call(t, 'POST', TOKENS, { body: { instanceId: 'rules', ...services(transcoder({ videoInputs: [{ rtc: rtc('demo', 123), region: { x: 0, y: 0, width: 320, height: 180, zOrder: 1 } }] })) } });
    expect(badZ.status).toBe(400);
    const badId = await call(t, 'POST', TOKENS, { body: { instanceId: 'has space', ...services(transcoder()) } });
    expect(badId.status).toBe(400);
    // Portrait 1080 x 1920 is within the limit.
    expect(configProblem(transcoder({ outputs: [{ rtc: rtc('a', 1), videoOption: { width: 1080, height: 1920, bitrate: 800, codec: 'H264' } }] }))).toBeNull();
  });

  it('destroys a task after idleTimeout seconds without its input hosts, and not while one is there', async () => {
    const t = testSandbox();
    // Host 123 is in the demo channel: the task never goes idle.
    const present = await create(t, 'present');
    // Nobody is uid 42 in channel "empty": idle from the start.
    const absent = await create(t, 'absent', transcoder({ idleTimeout: 10, audioInputs: [{ rtc: rtc('empty', 42) }], videoInputs: [], outputs: [{ rtc: rtc('emptymix', 1001) }] }));
    expect(absent.created.status).toBe(200);
    t.advance(9_000);
    expect((await call(t, 'GET', task(absent.created.body.taskId), { query: { builderToken: absent.builderToken } })).status).toBe(200);
    t.advance(1_000);
    expect((await call(t, 'GET', task(absent.created.body.taskId), { query: { builderToken: absent.builderToken } })).status).toBe(404);
    expect((await call(t, 'GET', paths.users('emptymix'))).body.data.channel_exist).toBe(false);
    t.advance(600_000);
    expect((await call(t, 'GET', task(present.created.body.taskId), { query: { builderToken: present.builderToken } })).status).toBe(200);
  });

  it("refuses a task past the workload row for its output resolution (Mainland China: 5 FHD)", async () => {
    const t = testSandbox({ planLimitPerMinute: 100_000 });
    const fhd = transcoder({ outputs: [{ rtc: rtc('fhd', 1000), videoOption: { width: 1920, height: 1080, bitrate: 3000, codec: 'H264' } }] });
    expect(definitionOf(fhd)).toBe('FHD');
    for (let index = 0; index < 5; index++) {
      t.advance(1000);
      expect((await create(t, `fhd-${index}`, fhd)).created.status).toBe(200);
    }
    t.advance(1000);
    const over = await create(t, 'fhd-5', fhd);
    expect(over.created.status).toBe(429);
    expect(over.created.body.message).toContain('At most 5 FHD transcoding tasks');
    // An SD task still fits.
    t.advance(1000);
    expect((await create(t, 'sd-1')).created.status).toBe(200);
  });

  it('answers with a {message} body for another App ID and for the QPS limit', async () => {
    const t = testSandbox();
    const other = await call(t, 'POST', `/v1/projects/${'f'.repeat(32)}/rtsc/cloud-transcoder/builderTokens`, { body: { instanceId: 'x', ...services(transcoder()) } });
    expect(other.status).toBe(400);
    expect(other.body.message).toMatch(/^appid is invalid: /);
    const answers = [];
    for (let index = 0; index < 11; index++) answers.push(await call(t, 'GET', CODECS));
    const limited = answers.find((answer) => answer.status === 429);
    expect(limited?.body.message).toContain('10 requests per second per account');
  });

  it('saves, replaces and lists transcoding templates', async () => {
    const t = testSandbox();
    expect((await call(t, 'GET', CODECS)).body).toEqual({ status: 'success', data: { enabled: false, codecs: [] } });
    expect((await call(t, 'POST', `${CODECS}/hd720`, { body: { enabled: true, video: { width: 1280, height: 720, fps: 15 } } })).body).toEqual({ status: 'success' });
    t.advance(1000);
    await call(t, 'POST', `${CODECS}/hd720`, { body: { enabled: false, video: { width: 1280, height: 720, fps: 30 } } });
    const listed = await call(t, 'GET', CODECS);
    expect(listed.body.data).toEqual({ enabled: false, codecs: [{ id: 'hd720', enabled: false, video: { width: 1280, height: 720, fps: 30 } }] });
    const broken = await call(t, 'POST', `${CODECS}/bad`, { body: { enabled: true } });
    expect(broken.status).toBe(400);
  });
});

describe('update rules', () => {
  it('lets update add rtc inputs, move regions and change output options only', () => {
    const before = transcoder();
    expect(updateProblem(before, transcoder({ videoInputs: [] }))).toBeNull();
    expect(updateProblem(before, transcoder({ idleTimeout: 60 }))?.field).toBe('services.cloudTranscoder.config.transcoder.idleTimeout');
    expect(updateProblem(before, transcoder({ audioInputs: [{ streamUrl: 'rtmp://cdn/x' }] }))?.field).toBe('services.cloudTranscoder.config.transcoder.audioInputs');
  });
});
