import { describe, expect, it } from 'vitest';
import { createSseParser, readSse, type SseMessage } from './sse';

function parse(chunks: Array<string | Uint8Array>): SseMessage[] {
  const messages: SseMessage[] = [];
  const parser = createSseParser((message) => messages.push(message));
  for (const chunk of chunks) parser.push(chunk);
  parser.end();
  return messages;
}

describe('createSseParser', () => {
  it('reads event, id and data, and defaults the event to message', () => {
    expect(parse(['event: hello\ndata: {"appId":"a"}\n\nid: 7\nevent: notice\ndata: {"seq":1}\n\ndata: plain\n\n'])).toEqual([
      { event: 'hello', data: '{"appId":"a"}', id: '' },
      { event: 'notice', data: '{"seq":1}', id: '7' },
      // The id stays until a later one replaces it.
      { event: 'message', data: 'plain', id: '7' },
    ]);
  });

  it('ignores comments (the 15-second ping) and blocks without data', () => {
    expect(parse([': ping\n\n', 'event: notice\n\n', ':x\ndata: a\n\n'])).toEqual([{ event: 'message', data: 'a', id: '' }]);
  });

  it('accepts CRLF, LF and CR line ends, also when a CRLF is split across chunks', () => {
    expect(parse(['event: a\r\ndata: 1\r', '\n\r', '\nevent: b\rdata: 2\r\r'])).toEqual([
      { event: 'a', data: '1', id: '' },
      { event: 'b', data: '2', id: '' },
    ]);
  });

  it('joins data lines with a newline and strips only one leading space', () => {
    expect(parse(['data:  two spaces\ndata:none\ndata\n\n'])).toEqual([{ event: 'message', data: ' two spaces\nnone\n', id: '' }]);
  });

  it('decodes UTF-8 split inside a character and drops a leading BOM', () => {
    const bytes = new TextEncoder().encode('\uFEFFdata: café ✓\n\n');
    const cut = bytes.length - 5;
    expect(parse([bytes.slice(0, cut), bytes.slice(cut)])).toEqual([{ event: 'message', data: 'café ✓', id: '' }]);
  });

  it('drops a message the stream ended before its blank line, and keeps retry', () => {
    expect(parse(['retry: 1500\nevent: bye\ndata: {}\n\nevent: notice\ndata: cut'])).toEqual([{ event: 'bye', data: '{}', id: '', retry: 1500 }]);
  });

  it('splits a message given one character at a time the same way', () => {
    const text = 'id: 3\r\nevent: notice\r\ndata: {"a":1}\r\n\r\n';
    expect(parse([...text])).toEqual([{ event: 'notice', data: '{"a":1}', id: '3' }]);
  });
});

describe('readSse', () => {
  it('reads a fetch body to its end', async () => {
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode('event: hello\ndata: 1\n'));
        controller.enqueue(encoder.encode('\nid: 2\nevent: notice\ndata: 2\n\n'));
        controller.close();
      },
    });
    const messages: SseMessage[] = [];
    await readSse(body, (message) => messages.push(message));
    expect(messages.map((message) => [message.event, message.data, message.id])).toEqual([
      ['hello', '1', ''],
      ['notice', '2', '2'],
    ]);
  });
});
