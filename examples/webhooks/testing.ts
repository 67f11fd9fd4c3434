/**
 * Test helpers for the example receivers: start one as a reader would (a
 * child process running the file as it is), POST to it, and take real
 * notices from a sandbox through its Events stream (`GET /__sandbox/events`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createSseParser } from '../../src/sandbox/events/sse';
import type { NoticeRecord } from '../../src/sandbox/events/types';
import { getOperation } from '../../src/catalog';
import { resolvePath } from '../../src/request/apiRequest';
import { defaultRequest } from '../../src/request/build';
import { paths, STORAGE, type Answer, type CallOptions } from '../../src/sandbox/testing';

export type ReceiverKind = 'node' | 'python';

export const RECEIVER_FILES: Record<ReceiverKind, string> = {
  node: fileURLToPath(new URL('./receiver.mjs', import.meta.url)),
  python: fileURLToPath(new URL('./receiver.py', import.meta.url)),
};

/** How the receivers name a productId in the line they print. */
export const PRODUCT_NAMES: Record<number, string> = { 1: 'RTC', 3: 'Cloud Recording', 4: 'Media Pull', 5: 'Media Push', 17: 'Conversational AI', 20: 'Real-Time STT' };

export interface Receiver {
  /** Where it takes notices, as it printed it (`http://127.0.0.1:<port>/agora/notifications`). */
  url: string;
  /** Lines it printed after the `Listening on` line: one per accepted notice. */
  lines: string[];
  stderr(): string;
  stop(): Promise<void>;
}

const PYTHON = process.env.PYTHON ?? 'python3';

/**
 * Start a receiver on a free port; `env` adds to a bare environment (no inherited
 * AGORA_NCS_SECRET). `file` runs another file of that kind (a variant of the example).
 */
export async function startReceiver(kind: ReceiverKind, env: Record<string, string> = {}, file = RECEIVER_FILES[kind]): Promise<Receiver> {
  const command = kind === 'node' ? process.execPath : PYTHON;
  const child: ChildProcess = spawn(command, [file], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'C.UTF-8', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let stderr = '';
  let pending = '';
  let announce: ((url: string) => void) | null = null;
  const listening = new Promise<string>((resolve) => (announce = resolve));
  child.stdout!.setEncoding('utf8');
  child.stdout!.on('data', (chunk: string) => {
    pending += chunk;
    const complete = pending.split('\n');
    pending = complete.pop()!;
    for (const line of complete) {
      const match = /^Listening on (\S+)$/.exec(line);
      if (match && announce) {
        announce(match[1]);
        announce = null;
      } else lines.push(line);
    }
  });
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => (stderr += chunk));
  // 'error' alone (no 'exit') when the interpreter cannot be started at all.
  let startError: Error | null = null;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', (error) => {
      startError = error;
      resolve();
    });
  });
  const failed = exited.then(() => {
    const why = startError ? `could not start ${command} (${startError.message}; set PYTHON to a Python 3 for the Python receiver)` : `exited before listening:\n${stderr}`;
    throw new Error(`The ${kind} receiver (${file}) ${why}`);
  });
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error(`The ${kind} receiver (${file}) printed no "Listening on" line within 10 s:\n${stderr}`)), 10_000).unref(),
  );
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  try {
    const url = await Promise.race([listening, failed, timeout]);
    return { url, lines, stderr: () => stderr, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The line a receiver prints for an accepted notice. */
export function acceptedLine(record: Pick<NoticeRecord, 'body'>): string {
  return `${PRODUCT_NAMES[record.body.productId]} eventType=${record.body.eventType} noticeId=${record.body.noticeId}`;
}

/** Wait until `test` holds for the receiver's lines (polling: output arrives on its own schedule). */
export async function waitForLines(receiver: Receiver, test: (lines: string[]) => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!test(receiver.lines)) {
    if (Date.now() > until) throw new Error(`Waited ${timeoutMs} ms for ${what}; the receiver printed:\n${receiver.lines.join('\n')}\n${receiver.stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export interface Posted {
  status: number;
  contentType: string | null;
  /** The answer parsed as JSON (a receiver must always answer JSON). */
  body: unknown;
}

/** POST a body with headers, as Agora's service would. */
export async function postNotice(url: string, raw: string, headers: Record<string, string>): Promise<Posted> {
  const response = await fetch(url, { method: 'POST', headers, body: raw });
  const text = await response.text();
  return { status: response.status, contentType: response.headers.get('content-type'), body: JSON.parse(text) };
}

/** Read SSE messages from `body` (the one parser, src/sandbox/events/sse.ts) until `onMessage` returns true or the stream ends. */
async function readEvents(body: ReadableStream<Uint8Array>, onMessage: (event: string, data: string) => boolean): Promise<void> {
  const reader = body.getReader();
  let stop = false;
  const parser = createSseParser((message) => {
    if (!stop && onMessage(message.event, message.data)) stop = true;
  });
  try {
    while (!stop) {
      const { done, value } = await reader.read();
      if (done) return;
      parser.push(value);
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

/**
 * The project's notices from its Events stream, latest rev of each, in order of
 * occurrence, once `done` holds for them (or fails after `timeoutMs`).
 * `fetchEvents` opens the stream (in-process handler or a real server).
 */
export async function streamNotices(
  fetchEvents: (signal: AbortSignal) => Promise<Response>,
  done: (records: NoticeRecord[]) => boolean,
  timeoutMs = 15_000,
): Promise<NoticeRecord[]> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  const bySeq = new Map<number, NoticeRecord>();
  const sorted = () => [...bySeq.values()].sort((a, b) => a.seq - b.seq);
  try {
    const response = await fetchEvents(abort.signal);
    if (response.status !== 200 || !response.body) throw new Error(`GET /__sandbox/events answered ${response.status}: ${await response.text()}`);
    await readEvents(response.body, (event, data) => {
      if (event !== 'notice') return false;
      const record = JSON.parse(data) as NoticeRecord;
      const known = bySeq.get(record.seq);
      if (!known || known.rev < record.rev) bySeq.set(record.seq, record);
      return done(sorted());
    });
  } catch (error) {
    if (!abort.signal.aborted) throw error;
  } finally {
    clearTimeout(timer);
    abort.abort();
  }
  const records = sorted();
  if (!done(records)) {
    throw new Error(`The Events stream did not bring the expected notices within ${timeoutMs} ms; it brought: ${records.map((r) => `${r.family} ${r.body.eventType}`).join(', ')}`);
  }
  return records;
}

/** Whether every event type listed for a product is among the records. */
export function hasEvents(records: NoticeRecord[], productId: number, eventTypes: number[]): boolean {
  return eventTypes.every((eventType) => records.some((r) => r.body.productId === productId && r.body.eventType === eventType));
}

type Call = (method: string, path: string, options?: CallOptions) => Promise<Answer>;

/** The page's flows: a cloud player created, running, deleted; a recording started, then stopped. */
export const FLOW_EVENTS = { mediaPull: [1, 4, 3], cloudRecording: [40, 41, 30, 31, 11] } as const;

/**
 * The other products' examples on the page come from the catalog's own default requests:
 * a create and a delete of each product's task, the id chained from the create's answer.
 * Each: the productId, the start operation (and which of its named examples, else the default),
 * its answer's id field, the stop operation and its id parameter, the events both cause.
 */
export const CATALOG_FLOWS = [
  // The page shows a converter without transcoding: the catalog's `raw` example.
  { productId: 5, start: 'create-converter', example: 'raw', id: 'converter.id', stop: 'delete-converter', param: 'converterId', events: [1, 3] },
  { productId: 20, start: 'start-stt-agent', id: 'agent_id', stop: 'stop-stt-agent', param: 'agentId', events: [101, 102] },
  { productId: 17, start: 'start-agent', id: 'agent_id', stop: 'stop-agent', param: 'agentId', events: [101, 102, 103] },
] as const;

/** Send an operation's default request (the tester's), with `pathParams` over its defaults and the body of its named `example`. */
export async function callDefault(call: Call, operationId: string, pathParams: Record<string, string> = {}, example?: string): Promise<Answer> {
  const op = getOperation(operationId);
  const named = example === undefined ? undefined : op.requestBody?.examples?.find((entry) => entry.name === example);
  if (example !== undefined && !named) throw new Error(`${operationId} has no example named ${example}.`);
  const request = defaultRequest(op, { pathParams, ...(named ? { body: named.value } : {}) });
  const path = resolvePath(request.pathTemplate, request.pathParams);
  return call(request.method, path, { body: request.body, query: request.query, headers: request.headers });
}

/** A dotted field of a JSON answer (`converter.id`). */
export function fieldOf(body: unknown, dotted: string): string {
  const value = dotted.split('.').reduce<unknown>((at, key) => (at && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined), body);
  if (typeof value !== 'string') throw new Error(`The answer has no ${dotted}: ${JSON.stringify(body).slice(0, 200)}`);
  return value;
}

/** Create a cloud player (as the Webhooks page does); returns its id. */
export async function createPlayer(call: Call): Promise<string> {
  const created = await call('POST', paths.players(), {
    body: { player: { streamUrl: 'rtmp://example.agora.io/live/show68', channelName: 'demo', uid: 666, name: 'show68' } },
    headers: { 'X-Request-ID': 'webhooks-page-create' },
  });
  if (created.status !== 200) throw new Error(`create-cloud-player answered ${created.status}: ${JSON.stringify(created.body)}`);
  return created.body.player.id as string;
}

export async function deletePlayer(call: Call, id: string): Promise<void> {
  const deleted = await call('DELETE', paths.player(id));
  if (deleted.status !== 200) throw new Error(`delete-cloud-player answered ${deleted.status}: ${JSON.stringify(deleted.body)}`);
}

const WHO = { cname: 'demo', uid: '527841' };

/** Acquire and start a mix recording; returns what stop needs. */
export async function startRecording(call: Call): Promise<{ rid: string; sid: string }> {
  const acquired = await call('POST', paths.acquire, { body: { ...WHO, clientRequest: { scene: 0 } } });
  const rid = acquired.body.resourceId as string;
  const started = await call('POST', paths.start(rid), { body: { ...WHO, clientRequest: { storageConfig: STORAGE } } });
  if (started.status !== 200) throw new Error(`start-recording answered ${started.status}: ${JSON.stringify(started.body)}`);
  return { rid, sid: started.body.sid as string };
}

export async function stopRecording(call: Call, { rid, sid }: { rid: string; sid: string }): Promise<void> {
  const stopped = await call('POST', paths.task(rid, sid, 'mix', 'stop'), { body: { ...WHO, clientRequest: {} } });
  if (stopped.status !== 200) throw new Error(`stop-recording answered ${stopped.status}: ${JSON.stringify(stopped.body)}`);
}

/** `call` over HTTP to a running sandbox (`startSandboxServer`), with the demo credentials unless told. */
export function httpCall(base: string, basic: string): Call {
  return async (method, path, options = {}) => {
    const headers = new Headers(options.headers);
    headers.set('Authorization', options.auth ?? basic);
    if (options.body !== undefined) headers.set('Content-Type', 'application/json');
    const response = await fetch(base + path, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
  };
}
