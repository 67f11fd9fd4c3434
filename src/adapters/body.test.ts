import { BodyReadError, readBodyLimited } from './body';

const encoder = new TextEncoder();

/** A stream that yields `chunks`, then either ends or (with `stall`) never sends again; records cancel and how far it was read. */
function source(chunks: string[], stall = false) {
  const state = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled < chunks.length) controller.enqueue(encoder.encode(chunks[state.pulled++]));
      else if (!stall) controller.close();
      else return new Promise<void>(() => undefined);
    },
    cancel() {
      state.cancelled = true;
    },
  }, { highWaterMark: 0 });
  return { stream, state };
}

describe('readBodyLimited', () => {
  it('returns the whole body when it fits', async () => {
    const { stream } = source(['{"a":', '1}']);
    expect(new TextDecoder().decode(await readBodyLimited(stream, { maxBytes: 100 }))).toBe('{"a":1}');
    expect((await readBodyLimited(null, { maxBytes: 1 })).byteLength).toBe(0);
  });

  it('refuses a declared length past the limit before reading a byte', async () => {
    const { stream, state } = source(['x']);
    const error = await readBodyLimited(stream, { maxBytes: 10, declaredLength: String(1024 ** 3) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BodyReadError);
    expect((error as BodyReadError).status).toBe(413);
    expect(state.pulled).toBe(0);
    expect(state.cancelled).toBe(true);
  });

  it('stops at the first chunk past the limit and cancels the rest instead of reading it', async () => {
    const chunks = Array.from({ length: 1000 }, () => 'x'.repeat(1024));
    const { stream, state } = source(chunks);
    const error = await readBodyLimited(stream, { maxBytes: 4 * 1024 }).catch((e: unknown) => e);
    expect((error as BodyReadError).reason).toBe('too_large');
    expect(state.pulled).toBeLessThanOrEqual(6);
    expect(state.cancelled).toBe(true);
  });

  it('answers 408 when the body does not arrive within the deadline', async () => {
    const { stream, state } = source(['{"a"'], true);
    const error = await readBodyLimited(stream, { maxBytes: 100, deadlineMs: 50 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BodyReadError);
    expect((error as BodyReadError).status).toBe(408);
    expect((error as BodyReadError).message).toMatch(/did not arrive within/);
    expect(state.cancelled).toBe(true);
  });
});
