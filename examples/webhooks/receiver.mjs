// A minimal receiver for Agora's notifications (webhooks). Node 20, no dependencies.
//   AGORA_NCS_SECRET=<your secret> PORT=8080 node receiver.mjs
// Notices go to http://127.0.0.1:8080/agora/notifications (put HTTPS in front).
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';

// The Secret shown in Agora Console's Notifications settings. The default is the
// sandbox demo project's, so this works against the sandbox as it is.
const SECRET = process.env.AGORA_NCS_SECRET ?? 'demo-ncs-secret';
const HOST = process.env.HOST ?? '127.0.0.1';
const PORT = Number(process.env.PORT ?? 8080);
const PATH = '/agora/notifications';
const PRODUCTS = { 1: 'RTC', 3: 'Cloud Recording', 4: 'Media Pull', 5: 'Media Push', 17: 'Conversational AI', 20: 'Real-Time STT' };

// Agora may send one notice more than once: remember the ids handled (keep them
// in your database in production; here the oldest are forgotten past 10,000).
const seen = new Set();

/** Whether `signature` is the hex HMAC-SHA256 of the raw body (Agora-Signature-V2). */
function verify(rawBody, signature) {
  // For Agora-Signature (HMAC-SHA1): 'sha1' here, and read that header instead.
  const digest = createHmac('sha256', SECRET).update(rawBody).digest('hex');
  const expected = Buffer.from(digest);
  const received = Buffer.from(String(signature ?? ''));
  // Constant time: how long it takes says nothing about a forged signature.
  return received.length === expected.length && timingSafeEqual(received, expected);
}

function reply(res, status, body) {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

const server = createServer((req, res) => {
  if (req.method !== 'POST' || req.url.split('?')[0] !== PATH) {
    return reply(res, 404, { error: `POST notices to ${PATH}` });
  }
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    // Verify the bytes as received: re-serialised JSON would differ.
    const raw = Buffer.concat(chunks);
    if (!verify(raw, req.headers['agora-signature-v2'])) {
      return reply(res, 401, { error: 'invalid signature' });
    }
    let notice;
    try {
      notice = JSON.parse(raw.toString('utf8'));
    } catch {
      return reply(res, 400, { error: 'body is not JSON' });
    }
    if (typeof notice?.noticeId !== 'string') {
      return reply(res, 400, { error: 'no noticeId' });
    }
    // A repeat is acknowledged (else Agora resends it) but not handled twice.
    if (seen.has(notice.noticeId)) {
      return reply(res, 200, { ok: true, duplicate: true });
    }
    seen.add(notice.noticeId);
    if (seen.size > 10_000) seen.delete(seen.values().next().value);
    const product = PRODUCTS[notice.productId] ?? notice.productId;
    console.log(`${product} eventType=${notice.eventType} noticeId=${notice.noticeId}`);
    // Answer within 10 s (or Agora resends); hand slow work to a queue.
    reply(res, 200, { ok: true });
  });
});

server.listen(PORT, HOST, () => {
  console.log(`Listening on http://${HOST}:${server.address().port}${PATH}`);
});
