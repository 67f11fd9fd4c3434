/** Both upstream shapes behind one `send`: Fetch-style functions are adapted here. */
import { toAbortSignal } from './abort';
import type { RawUpstream, Upstream, UpstreamAnswer, UpstreamCall } from './options';

/** A web stream as an async iterable; stopping early cancels the stream (not every runtime has ReadableStream iteration). */
export async function* iterateStream(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        finished = true;
        return;
      }
      yield value;
    }
  } finally {
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

export function isRawUpstream(upstream: Upstream | RawUpstream): upstream is RawUpstream {
  return typeof (upstream as RawUpstream).send === 'function';
}

/** Wrap `(Request) => Promise<Response>` (global fetch, the sandbox handler) as a RawUpstream. */
export function fromFetch(upstream: Upstream): RawUpstream {
  return {
    async send(call: UpstreamCall): Promise<UpstreamAnswer> {
      const response = await upstream(
        new Request(call.url, { method: call.method, headers: call.headers, body: call.body, signal: toAbortSignal(call.signal), redirect: 'manual' }),
      );
      const headers: Record<string, string> = {};
      response.headers.forEach((value, name) => {
        headers[name] = value;
      });
      return { status: response.status, statusText: response.statusText, headers, body: response.body ? iterateStream(response.body) : null };
    },
  };
}

export function toRawUpstream(upstream: Upstream | RawUpstream): RawUpstream {
  return isRawUpstream(upstream) ? upstream : fromFetch(upstream);
}
