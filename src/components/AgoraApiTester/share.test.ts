import { describe, expect, it } from 'vitest';
import { formFromRequest, initialForm, setBodyField } from './formModel';
import { decodeShare, encodeShare } from './share';
import { requestFromValues } from '../../request/build';
import { addEntry, historyEntry, HISTORY_LIMIT, parseHistory, serializeHistory } from './history';
import { createChannel } from './testing/fixtures';

const request = requestFromValues(createChannel, setBodyField(initialForm(createChannel), ['channel'], 'Ünïcode & spaces'));

describe('share links', () => {
  it('round-trips a request through the hash and restores the same form', () => {
    const hash = `#${encodeShare(request)}`;
    expect(hash).toMatch(/^#try=1\.[A-Za-z0-9_-]+$/);
    const shared = decodeShare(hash)!;
    expect(shared.operationId).toBe('create-channel');
    const restored = requestFromValues(createChannel, formFromRequest(createChannel, shared));
    expect(restored).toEqual(request);
  });

  it('never carries credentials, even if a header tries to', () => {
    const hash = encodeShare({ ...request, headers: { Authorization: 'Basic c2VjcmV0', 'X-Request-ID': 'r1' } });
    const decoded = decodeShare(hash)!;
    expect(decoded.headers).toEqual({ 'X-Request-ID': 'r1' });
    expect(atob(hash.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))).not.toContain('c2VjcmV0');
  });

  it('ignores hashes that are not links or are damaged, and other versions', () => {
    expect(decodeShare('#request')).toBeNull();
    expect(decodeShare('#try=1.!!!')).toBeNull();
    expect(decodeShare('#try=9.e30')).toBeNull();
  });
});

describe('history', () => {
  it('keeps the last 20, newest first, without secrets', () => {
    let history = parseHistory(null);
    for (let index = 0; index < 25; index += 1) {
      const entry = historyEntry(
        { ...request, headers: { Authorization: 'Basic eA==' } },
        { environment: 'sandbox', status: 200, text: '200 OK', at: index },
      );
      history = addEntry(history, entry);
    }
    expect(history).toHaveLength(HISTORY_LIMIT);
    expect(history[0].at).toBe(24);
    const text = serializeHistory(history);
    expect(text).not.toContain('Authorization');
    expect(parseHistory(text)).toEqual(history);
    expect(parseHistory('not json')).toEqual([]);
  });
});
