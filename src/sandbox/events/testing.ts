/**
 * Test helpers for notifications: read a project's notices through the Events
 * stream (a sandbox whose streams end at once answers with a snapshot), and a
 * local webhook receiver that records what it is sent.
 */
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Sandbox } from '../index';
import { parseSse } from './sse';
import type { NoticeRecord, StreamHello } from './types';

/** Everything a stream said before it ended (use a sandbox with `eventStream: { lifetimeMs: 0 }`). */
export async function snapshot(sandbox: Sandbox, auth: string, init: { lastEventId?: number; base?: string } = {}): Promise<{ status: number; hello?: StreamHello; notices: NoticeRecord[]; body: string }> {
  const headers = new Headers({ Authorization: auth });
  if (init.lastEventId !== undefined) headers.set('Last-Event-ID', String(init.lastEventId));
  const response = await sandbox.handler(new Request(`https://sandbox.test${init.base ?? ''}/__sandbox/events`, { headers }));
  const body = await response.text();
  if (response.status !== 200) return { status: response.status, notices: [], body };
  const messages = parseSse(body);
  const hello = messages.find((message) => message.event === 'hello');
  // A notice sent twice (released, then delivered) is kept at its latest rev.
  const bySeq = new Map<number, NoticeRecord>();
  for (const message of messages.filter((m) => m.event === 'notice')) {
    const record = JSON.parse(message.data) as NoticeRecord;
    bySeq.set(record.seq, record);
  }
  return { status: 200, hello: hello && (JSON.parse(hello.data) as StreamHello), notices: [...bySeq.values()].sort((a, b) => a.seq - b.seq), body };
}

/** `family/eventType` of each notice, for order assertions. */
export const kinds = (notices: Array<Pick<NoticeRecord, 'body'>>): string[] => notices.map((notice) => `${notice.body.productId}/${notice.body.eventType}`);

export interface Received {
  at: number;
  headers: IncomingHttpHeaders;
  raw: string;
  body: { noticeId: string; productId: number; eventType: number; notifyMs: number; payload: Record<string, unknown> };
}

/**
 * A webhook receiver on a free local port. `answer` decides each reply (default 200 with JSON);
 * it may delay to test the 10 s rule.
 */
export async function startReceiver(answer: (received: Received, index: number) => { status: number; body?: string; delayMs?: number } = () => ({ status: 200, body: '{"ok":true}' })) {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const entry: Received = { at: Date.now(), headers: req.headers, raw, body: JSON.parse(raw) as Received['body'] };
      received.push(entry);
      const reply = answer(entry, received.length - 1);
      const send = () => {
        if (res.destroyed) return;
        res.writeHead(reply.status, { 'Content-Type': 'application/json' });
        res.end(reply.body ?? '{"ok":true}');
      };
      if (reply.delayMs) setTimeout(send, reply.delayMs);
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/agora/notifications`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Whether both signature headers are right for the raw body and secret (node:crypto, independent of sign.ts). */
export function signedBy(received: Pick<Received, 'headers' | 'raw'>, secret: string): boolean {
  const v1 = createHmac('sha1', secret).update(received.raw, 'utf8').digest('hex');
  const v2 = createHmac('sha256', secret).update(received.raw, 'utf8').digest('hex');
  return received.headers['agora-signature'] === v1 && received.headers['agora-signature-v2'] === v2;
}

/** Resolve once `condition` holds, polling; fail with `what` after `timeoutMs`. */
export async function until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
