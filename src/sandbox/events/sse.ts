/**
 * Server-sent events, both ways: the Events stream writes its messages with
 * `formatSse`, and the page (and the tests) read them with the parser here,
 * from a byte stream read with fetch. The page cannot use EventSource: it
 * sends no Authorization header, and the Events stream wants the project's
 * credentials in one (never in the URL).
 *
 * Follows the WHATWG "event stream interpretation" rules the stream relies on:
 * lines end in CRLF, LF or CR (a CR at the end of one chunk and an LF at the
 * start of the next are one line end), `:` starts a comment, `data` lines join
 * with "\n", a blank line dispatches, a message without data is dropped, and
 * `id` is kept until a later one replaces it.
 */

const encoder = new TextEncoder();

/** One message as the stream writes it: data is one line of JSON (JSON.stringify never breaks lines). */
export function formatSse(event: string, data: unknown, id?: number): Uint8Array {
  return encoder.encode(`${id !== undefined ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

/** A comment line: readers ignore it; it keeps proxies from closing an idle stream. */
export const SSE_PING = encoder.encode(': ping\n\n');

/** Every complete message in a text (tests reading a stream that has ended). */
export function parseSse(text: string): SseMessage[] {
  const messages: SseMessage[] = [];
  const parser = createSseParser((message) => messages.push(message));
  parser.push(text);
  parser.end();
  return messages;
}

/** One dispatched message: `event` defaults to `message`; `id` is the last id the stream set. */
export interface SseMessage {
  event: string;
  data: string;
  id: string;
  /** A `retry:` the stream sent with or before this message (ms). */
  retry?: number;
}

export interface SseParser {
  /** Feed the next bytes (or text) of the stream. */
  push(chunk: Uint8Array | string): void;
  /** The stream ended: a message not followed by a blank line is dropped, as the spec says. */
  end(): void;
}

/** A parser that calls `onMessage` for every complete message. */
export function createSseParser(onMessage: (message: SseMessage) => void): SseParser {
  const decoder = new TextDecoder();
  let buffer = '';
  let started = false;
  // The previous chunk ended in CR: an LF opening this one belongs to that line end.
  let skipLf = false;
  let event = '';
  let data: string[] = [];
  let lastId = '';
  let retry: number | undefined;

  const dispatch = () => {
    if (data.length > 0) onMessage({ event: event || 'message', data: data.join('\n'), id: lastId, ...(retry !== undefined ? { retry } : {}) });
    event = '';
    data = [];
  };

  const line = (text: string) => {
    if (text === '') return dispatch();
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon === -1 ? text : text.slice(0, colon);
    let value = colon === -1 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
    else if (field === 'id' && !value.includes('\0')) lastId = value;
    else if (field === 'retry' && /^\d+$/.test(value)) retry = Number(value);
  };

  const consume = (text: string) => {
    buffer += text;
    if (!started && buffer.length > 0) {
      started = true;
      if (buffer.startsWith('\uFEFF')) buffer = buffer.slice(1);
    }
    let from = 0;
    for (let index = 0; index < buffer.length; index++) {
      const char = buffer[index];
      if (skipLf) {
        skipLf = false;
        if (char === '\n') {
          from = index + 1;
          continue;
        }
      }
      if (char !== '\n' && char !== '\r') continue;
      line(buffer.slice(from, index));
      from = index + 1;
      if (char === '\r') {
        if (buffer[index + 1] === '\n') {
          index++;
          from = index + 1;
        } else if (index + 1 === buffer.length) {
          skipLf = true;
        }
      }
    }
    buffer = buffer.slice(from);
  };

  return {
    push(chunk) {
      consume(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    },
    end() {
      consume(decoder.decode());
      buffer = '';
      event = '';
      data = [];
    },
  };
}

/** Read `body` to its end, calling `onMessage` per message; resolves when the stream ends, rejects when reading fails. */
export async function readSse(body: ReadableStream<Uint8Array>, onMessage: (message: SseMessage) => void): Promise<void> {
  const parser = createSseParser(onMessage);
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (value) parser.push(value);
    }
    parser.end();
  } finally {
    reader.releaseLock();
  }
}
