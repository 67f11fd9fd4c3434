/** The relay reads its envelope through the shared bounded reader, in its Fetch form too. */
import { createServer } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { nodeBodySource } from '../../adapters/node/listener';
import { RelayError } from './errors';
import { readEnvelopeBody, readRequestBody } from './limits';

/** An endless (or stalled) body that counts how many chunks were pulled and whether it was cancelled. */
function endless(stall = false) {
  const state = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (stall && state.pulled > 0) return new Promise<void>(() => undefined);
        state.pulled++;
        controller.enqueue(new Uint8Array(64 * 1024).fill(0x20));
      },
      cancel() {
        state.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, state };
}

describe('relay envelope reading', () => {
  it('refuses an endless chunked envelope with 413 once it passes the limit, and stops reading', async () => {
    const { stream, state } = endless();
    const request = new Request('http://relay.test/api/relay', { method: 'POST', body: stream, duplex: 'half' } as RequestInit);
    const error = await readRequestBody(request, 1024 * 1024).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RelayError);
    expect((error as RelayError).status).toBe(413);
    expect((error as RelayError).code).toBe('body_too_large');
    expect(state.pulled).toBeLessThanOrEqual(18);
    expect(state.cancelled).toBe(true);
  });

  it('answers 408 body_timeout when the envelope stalls past the deadline', async () => {
    const { stream, state } = endless(true);
    const error = await readEnvelopeBody(stream, null, 1024 * 1024, 50).catch((e: unknown) => e);
    expect((error as RelayError).status).toBe(408);
    expect((error as RelayError).code).toBe('body_timeout');
    expect(state.cancelled).toBe(true);
  });

  it('answers 408 body_timeout when a node:http body stalls past the deadline (the pending read is cut short)', async () => {
    const outcome = new Promise<unknown>((resolve) => {
      const server = createServer((req, res) => {
        readEnvelopeBody(nodeBodySource(req), req.headers['content-length'], 1024 * 1024, 50)
          .then(resolve, resolve)
          .finally(() => {
            res.destroy();
            server.close();
          });
      });
      server.listen(0, '127.0.0.1', () => {
        const socket = connect((server.address() as AddressInfo).port, '127.0.0.1');
        // Ten of the hundred bytes announced, then nothing.
        socket.write('POST /api/relay HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"operati');
        socket.on('error', () => undefined);
      });
    });
    const error = await outcome;
    expect(error).toBeInstanceOf(RelayError);
    expect((error as RelayError).status).toBe(408);
    expect((error as RelayError).code).toBe('body_timeout');
  });
});
