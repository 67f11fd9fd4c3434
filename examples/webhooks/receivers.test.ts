/**
 * The Webhooks page's receivers (examples/webhooks/receiver.mjs and
 * receiver.py), run as files exactly as the page shows them, against
 * notifications the sandbox emitted and signed: taken from its Events stream,
 * then POSTed as Agora would (accepted; refused when a byte of the body
 * changed or another secret signed it; a repeated noticeId acknowledged but
 * handled once), and finally delivered by the sandbox itself over HTTP.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { notificationHeaders } from '../../src/sandbox/events/sign';
import type { NoticeRecord } from '../../src/sandbox/events/types';
import { startSandboxServer, type SandboxServer } from '../../src/sandbox/serve';
import { BASIC, issueProject, paths, testSandbox } from '../../src/sandbox/testing';
import {
  acceptedLine,
  callDefault,
  CATALOG_FLOWS,
  createPlayer,
  deletePlayer,
  fieldOf,
  FLOW_EVENTS,
  hasEvents,
  httpCall,
  postNotice,
  RECEIVER_FILES,
  startReceiver,
  startRecording,
  stopRecording,
  streamNotices,
  waitForLines,
  type Receiver,
  type ReceiverKind,
} from './testing';

const DEMO_NCS_SECRET = 'demo-ncs-secret';
const KINDS: ReceiverKind[] = ['node', 'python'];

/** Notices of the page's flows, from an in-process sandbox with a hand-driven clock. */
async function flowNotices(): Promise<NoticeRecord[]> {
  const t = testSandbox();
  const player = await createPlayer(t.call);
  // Past `running` (3 s after the player starts); a reader lists the players before deleting one.
  t.advance(5000);
  expect((await t.call('GET', paths.listPlayers)).status).toBe(200);
  await deletePlayer(t.call, player);
  const recording = await startRecording(t.call);
  // Past recorder_started (2 s) and long enough to have files; a reader queries before stopping.
  t.advance(5000);
  expect((await t.call('GET', paths.task(recording.rid, recording.sid, 'mix', 'query'))).status).toBe(200);
  await stopRecording(t.call, recording);
  t.advance(5000); // past the stop sequence (300 ms steps)
  for (const flow of CATALOG_FLOWS) {
    const started = await callDefault(t.call, flow.start, {}, 'example' in flow ? flow.example : undefined);
    expect(started.status, `${flow.start}: ${JSON.stringify(started.body)}`).toBe(200);
    t.advance(5000);
    const stopped = await callDefault(t.call, flow.stop, { [flow.param]: fieldOf(started.body, flow.id) });
    expect(stopped.status, `${flow.stop}: ${JSON.stringify(stopped.body)}`).toBe(200);
    t.advance(5000);
  }
  return streamNotices(
    (signal) => t.sandbox.handler(new Request('https://sandbox.test/__sandbox/events', { headers: { Authorization: BASIC }, signal })),
    (records) =>
      hasEvents(records, 4, [...FLOW_EVENTS.mediaPull]) &&
      hasEvents(records, 3, [...FLOW_EVENTS.cloudRecording]) &&
      CATALOG_FLOWS.every((flow) => hasEvents(records, flow.productId, [...flow.events])),
  );
}

/** The same bytes with one digit of notifyMs changed: still JSON, one byte apart. */
function oneByteChanged(raw: string): string {
  const at = raw.indexOf('"notifyMs":') + '"notifyMs":'.length;
  const digit = raw[at];
  const changed = raw.slice(0, at) + String((Number(digit) + 1) % 10) + raw.slice(at + 1);
  expect(changed).toHaveLength(raw.length);
  expect([...changed].filter((char, i) => char !== raw[i])).toHaveLength(1);
  return changed;
}

let notices: NoticeRecord[];
beforeAll(async () => {
  notices = await flowNotices();
});

describe.each(KINDS)('the %s receiver', (kind) => {
  let receiver: Receiver;
  beforeEach(async () => {
    receiver = await startReceiver(kind);
  });
  afterEach(async () => {
    // Undefined when it could not start (beforeEach reported why).
    await receiver?.stop();
  });

  /** Send a notice the receiver has not seen and wait for its line: everything POSTed before it has been printed by then. */
  async function settle(): Promise<void> {
    const marker = { ...notices[0].body, noticeId: `marker-${Date.now()}` };
    const raw = JSON.stringify(marker);
    expect((await postNotice(receiver.url, raw, await notificationHeaders(raw, DEMO_NCS_SECRET))).status).toBe(200);
    await waitForLines(receiver, (lines) => lines.some((line) => line.includes(marker.noticeId)), 'the marker notice');
  }

  it('accepts every notice the sandbox signed: 200 with a JSON body, one line each, in order', async () => {
    expect(notices.length).toBeGreaterThanOrEqual(FLOW_EVENTS.mediaPull.length + FLOW_EVENTS.cloudRecording.length);
    expect(new Set(notices.map((record) => record.body.productId))).toEqual(new Set([1, 3, 4, ...CATALOG_FLOWS.map((flow) => flow.productId)]));
    for (const record of notices) {
      const answer = await postNotice(receiver.url, record.raw, record.headers);
      expect(answer.status, `${record.name}: ${JSON.stringify(answer.body)}`).toBe(200);
      expect(answer.contentType).toMatch(/^application\/json/);
      expect(answer.body).toEqual({ ok: true });
    }
    const expected = notices.map(acceptedLine);
    await waitForLines(receiver, (lines) => lines.length >= expected.length, `${expected.length} lines`);
    expect(receiver.lines).toEqual(expected);
  });

  it('refuses the body with one byte changed (401) and prints nothing for it', async () => {
    for (const record of notices.slice(0, 3)) {
      const answer = await postNotice(receiver.url, oneByteChanged(record.raw), record.headers);
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual({ error: 'invalid signature' });
    }
    await settle();
    expect(receiver.lines).toHaveLength(1);
  });

  it('refuses a notice signed with another secret, or not signed (401)', async () => {
    const record = notices[0];
    const forged = await notificationHeaders(record.raw, 'not-the-ncs-secret');
    expect((await postNotice(receiver.url, record.raw, forged)).status).toBe(401);
    expect((await postNotice(receiver.url, record.raw, { 'Content-Type': 'application/json' })).status).toBe(401);
    // The SHA-1 signature in the SHA-256 header is refused too: it is the wrong algorithm's.
    const swapped = { ...record.headers, 'Agora-Signature-V2': record.headers['Agora-Signature'] };
    expect((await postNotice(receiver.url, record.raw, swapped)).status).toBe(401);
    await settle();
    expect(receiver.lines).toHaveLength(1);
  });

  it('acknowledges a repeated noticeId (200) without handling it twice, a resend with a new notifyMs included', async () => {
    const record = notices[0];
    expect((await postNotice(receiver.url, record.raw, record.headers)).body).toEqual({ ok: true });
    expect((await postNotice(receiver.url, record.raw, record.headers)).body).toEqual({ ok: true, duplicate: true });
    // Agora's resend: same noticeId, new notifyMs, so other bytes and a new signature.
    const resend = JSON.stringify({ ...record.body, notifyMs: record.body.notifyMs + 2000 });
    const again = await postNotice(receiver.url, resend, await notificationHeaders(resend, DEMO_NCS_SECRET));
    expect(again).toMatchObject({ status: 200, body: { ok: true, duplicate: true } });
    await settle();
    expect(receiver.lines.filter((line) => line === acceptedLine(record))).toHaveLength(1);
    expect(receiver.lines).toHaveLength(2);
  });

  it('verifies Agora-Signature (HMAC-SHA1) instead once changed as its comment says', async () => {
    // The comment: use SHA-1 in the HMAC and read the Agora-Signature header instead.
    const [algorithm, header] = kind === 'node' ? [/'sha256'/g, /'agora-signature-v2'/g] : [/hashlib\.sha256/g, /"Agora-Signature-V2"/g];
    const source = readFileSync(RECEIVER_FILES[kind], 'utf8');
    const changed = source.replace(algorithm, kind === 'node' ? "'sha1'" : 'hashlib.sha1').replace(header, kind === 'node' ? "'agora-signature'" : '"Agora-Signature"');
    expect(changed).not.toBe(source);
    const dir = mkdtempSync(join(tmpdir(), 'agora-receiver-'));
    const file = join(dir, basename(RECEIVER_FILES[kind]));
    writeFileSync(file, changed);
    const sha1 = await startReceiver(kind, {}, file);
    try {
      const [first, second] = notices;
      expect((await postNotice(sha1.url, first.raw, first.headers)).status).toBe(200);
      // The SHA-1 header is the one read now: a wrong one is refused beside a valid V2.
      const v1 = second.headers['Agora-Signature'];
      const wrongV1 = { ...second.headers, 'Agora-Signature': (v1[0] === '0' ? '1' : '0') + v1.slice(1) };
      expect((await postNotice(sha1.url, second.raw, wrongV1)).status).toBe(401);
      expect((await postNotice(sha1.url, second.raw, second.headers)).status).toBe(200);
    } finally {
      await sha1.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('answers 400 to a correctly signed body that is not a JSON notice', async () => {
    for (const raw of ['not json', '[1, 2]', '{"productId": 4}']) {
      const answer = await postNotice(receiver.url, raw, await notificationHeaders(raw, DEMO_NCS_SECRET));
      expect(answer.status, raw).toBe(400);
    }
  });

  it("takes its secret from AGORA_NCS_SECRET: a visitor project's notices pass with its secret, not with the demo one", async () => {
    const t = testSandbox();
    const project = await issueProject(t.sandbox);
    const created = await t.call('POST', paths.players().replace(/projects\/[^/]+/, `projects/${project.appId}`), {
      body: { player: { streamUrl: 'rtmp://example.agora.io/live/own', channelName: 'own', uid: 7 } },
      auth: project.basic,
    });
    expect(created.status).toBe(200);
    const [record] = await streamNotices(
      (signal) => t.sandbox.handler(new Request('https://sandbox.test/__sandbox/events', { headers: { Authorization: project.basic }, signal })),
      (records) => hasEvents(records, 4, [1]),
    ).then((records) => records.filter((r) => r.body.productId === 4));
    expect(project.ncsSecret).not.toBe(DEMO_NCS_SECRET);
    expect((await postNotice(receiver.url, record.raw, record.headers)).status).toBe(401);
    const own = await startReceiver(kind, { AGORA_NCS_SECRET: project.ncsSecret });
    try {
      expect((await postNotice(own.url, record.raw, record.headers)).status).toBe(200);
      await waitForLines(own, (lines) => lines.length === 1, 'one line');
      expect(own.lines).toEqual([acceptedLine(record)]);
    } finally {
      await own.stop();
    }
  });

  it('end to end: a sandbox delivering to it gets 200 for every notice of a player and a recording', async () => {
    const server: SandboxServer = await startSandboxServer({ port: 0, sandbox: { webhooks: { url: receiver.url } } });
    try {
      const call = httpCall(server.url, BASIC);
      const player = await createPlayer(call);
      await waitForLines(receiver, (lines) => lines.some((line) => line.startsWith('Media Pull eventType=4 ')), 'the player running');
      await deletePlayer(call, player);
      const recording = await startRecording(call);
      await waitForLines(receiver, (lines) => lines.some((line) => line.startsWith('Cloud Recording eventType=40 ')), 'recorder_started');
      await stopRecording(call, recording);
      await waitForLines(receiver, (lines) => lines.some((line) => line.startsWith('Cloud Recording eventType=11 ')), 'session_exit');

      // Every notice the project holds was delivered on the first attempt, with a 200.
      const records = await streamNotices(
        (signal) => fetch(`${server.url}/__sandbox/events`, { headers: { Authorization: BASIC }, signal }),
        // By session_exit every notice has happened: all of them, each delivered.
        (all) => all.length >= receiver.lines.length && all.every((record) => record.delivery?.state === 'delivered'),
      );
      for (const record of records) {
        expect(record.delivery?.target).toBe(receiver.url);
        expect(record.delivery?.attempts.map((attempt) => attempt.status)).toEqual([200]);
        expect(record.delivery?.attempts[0].note).toBeUndefined();
      }
      expect([...receiver.lines].sort()).toEqual(records.map(acceptedLine).sort());
      // Within a product, in the order the events happened.
      const order = (product: string) => receiver.lines.filter((line) => line.startsWith(`${product} `)).map((line) => Number(/eventType=(\d+)/.exec(line)![1]));
      expect(order('Media Pull')).toEqual([...FLOW_EVENTS.mediaPull]);
      expect(order('Cloud Recording')).toEqual([...FLOW_EVENTS.cloudRecording]);
    } finally {
      await server.close();
    }
  }, 40_000);
});

/** A JSON value's shape: keys (sorted) and value types, arrays by their first item. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return [value.length ? shape(value[0]) : 'empty'];
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((key) => [key, shape((value as Record<string, unknown>)[key])]));
  }
  return typeof value;
}

describe('the Webhooks page', () => {
  const page = readFileSync(new URL('../../docs/webhooks.mdx', import.meta.url), 'utf8');
  const examples = [...page.matchAll(/```json title="[^"]*"\n([\s\S]*?)\n```/g)].map((match) => JSON.parse(match[1]) as NoticeRecord['body']);

  it('shows example bodies shaped exactly as the sandbox sends them', () => {
    expect(examples.length).toBeGreaterThanOrEqual(6);
    for (const example of examples) {
      const sent = notices.find((record) => record.body.productId === example.productId && record.body.eventType === example.eventType);
      expect(sent, `the sandbox sent no productId ${example.productId} eventType ${example.eventType}`).toBeDefined();
      expect(shape(example), `example productId ${example.productId} eventType ${example.eventType}`).toEqual(shape(sent!.body));
    }
  });
});
