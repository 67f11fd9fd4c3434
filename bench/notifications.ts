/**
 * `npm run bench:notifications`: how soon a notification reaches a reader.
 * A standalone sandbox on a real port delivers to a local receiver while an
 * Events stream is open; N times, a Media Pull create is sent and the bench
 * measures from the create's answer to (a) its Player Created on the stream
 * and (b) Player Created at the receiver (signed, POSTed), then deletes the
 * player. Prints p50/p95/max of both. A
 * benchmark that prints numbers, not a test (not part of `npm test`).
 *
 * Run: npx tsx bench/notifications.ts [--sends 50]
 */
import { DEMO } from '../src/sandbox/demo';
import { readSse } from '../src/sandbox/events/sse';
import { startReceiver } from '../src/sandbox/events/testing';
import type { NoticeRecord } from '../src/sandbox/events/types';
import { startSandboxServer } from '../src/sandbox/serve';

const sends = Number(process.argv[process.argv.indexOf('--sends') + 1]) || 50;
const AUTH = `Basic ${Buffer.from(`${DEMO.customerId}:${DEMO.customerSecret}`).toString('base64')}`;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const row = (name: string, values: number[]) =>
  `| ${name} | ${percentile(values, 50).toFixed(1)} | ${percentile(values, 95).toFixed(1)} | ${Math.max(...values).toFixed(1)} |`;

async function main(): Promise<void> {
  const arrivals = new Map<string, number>();
  const receiver = await startReceiver((entry) => {
    if (entry.body.productId === 4 && entry.body.eventType === 1) arrivals.set((entry.body.payload.player as { id: string }).id, performance.now());
    return { status: 200 };
  });
  const sandbox = await startSandboxServer({ port: 0, sandbox: { webhooks: { url: receiver.url } } });
  const seen = new Map<string, number>();
  const controller = new AbortController();
  const stream = await fetch(`${sandbox.url}/__sandbox/events`, { headers: { Authorization: AUTH }, signal: controller.signal });
  const reading = readSse(stream.body!, (message) => {
    if (message.event !== 'notice') return;
    const record = JSON.parse(message.data) as NoticeRecord;
    const id = (record.body.payload.player as { id?: string } | undefined)?.id;
    if (record.name === 'Player Created' && id && !seen.has(id)) seen.set(id, performance.now());
  }).catch(() => undefined);

  const toStream: number[] = [];
  const toReceiver: number[] = [];
  const players = `${sandbox.url}/na/v1/projects/${DEMO.appId}/cloud-player/players`;
  for (let i = 0; i < sends; i += 1) {
    const created = await fetch(players, {
      method: 'POST',
      headers: { Authorization: AUTH, 'Content-Type': 'application/json' },
      body: JSON.stringify({ player: { streamUrl: 'rtmp://example.agora.io/live/bench', channelName: `bench${i}`, uid: 1000 + i } }),
    });
    const answeredAt = performance.now();
    const { player } = (await created.json()) as { player: { id: string } };
    const deadline = Date.now() + 5000;
    while ((!seen.has(player.id) || !arrivals.has(player.id)) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 1));
    if (!seen.has(player.id) || !arrivals.has(player.id)) throw new Error(`Player Created for ${player.id} did not arrive within 5 s.`);
    toStream.push(Math.max(0, seen.get(player.id)! - answeredAt));
    toReceiver.push(Math.max(0, arrivals.get(player.id)! - answeredAt));
    await fetch(`${players}/${player.id}`, { method: 'DELETE', headers: { Authorization: AUTH } });
  }
  controller.abort();
  await reading;
  await sandbox.close();
  await receiver.close();
  console.log(`Notifications: ${sends} Media Pull creates on a standalone sandbox (memory store), one Events stream open, webhook to a local receiver; node ${process.version}.`);
  console.log('From the create\'s answer to its Player Created, ms:');
  console.log('| reader | p50 | p95 | max |');
  console.log('| --- | ---: | ---: | ---: |');
  console.log(row('Events stream', toStream));
  console.log(row('webhook receiver', toReceiver));
  console.log(`Receiver got ${receiver.received.length} notices (${sends} creates and deletes: 6 each).`);
}

void main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
