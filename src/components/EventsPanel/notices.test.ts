import { describe, expect, it } from 'vitest';
import type { NoticeRecord } from '../../sandbox/events/types';
import type { HistoryEntry } from '../AgoraApiTester/history';
import { announcement, belongsTo, causedBy, causeEntry, emptyHint, noticeSummary, productName } from './notices';

function notice(family: NoticeRecord['family'], eventType: number, payload: Record<string, unknown>, extra: Partial<NoticeRecord> = {}): NoticeRecord {
  const body = { noticeId: 'n', productId: 0, eventType, notifyMs: 0, payload };
  return { seq: 1, rev: 1, family, name: `event ${eventType}`, body, raw: JSON.stringify(body), headers: {}, ...extra };
}

const cause = (requestId: string, operationId: string) => ({ requestId, operationId, method: 'POST', path: '/x' });
const entry = (id: string, requestId?: string) => ({ id, requestId }) as HistoryEntry;

describe('notices', () => {
  it('names the product as Agora does', () => {
    expect(productName({ family: 'media-pull' })).toBe('Media Pull');
    expect(productName({ family: 'cloud-recording' })).toBe('Cloud Recording');
  });

  it('sums a notice up in one line per product', () => {
    const player = { id: 'a'.repeat(32), status: 'running', channelName: 'demo' };
    expect(noticeSummary(notice('media-pull', 4, { player }))).toBe('player aaaa…aaaa · running · channel demo');
    expect(noticeSummary(notice('media-pull', 3, { player: { id: 'p1', channelName: 'demo' }, destroyReason: 'Delete Request' }))).toBe(
      'player p1 · Delete Request · channel demo',
    );
    const files = [{ fileName: 'a.m3u8' }, { fileName: 'b.mp4' }];
    expect(noticeSummary(notice('cloud-recording', 31, { sid: 's'.repeat(32), cname: 'demo', uid: '527841', details: { fileList: files } }))).toBe(
      'sid ssss…ssss · channel demo · uid 527841 · 2 files',
    );
    expect(noticeSummary(notice('rtc', 104, { channelName: 'demo', uid: 123, reason: 1 }))).toBe('channel demo · uid 123 · reason 1');
    expect(noticeSummary(notice('rtc', 102, { channelName: 'demo', lastUid: 9 }))).toBe('channel demo · uid 9');
  });

  it('puts a notice in its product’s family and in the family of the call that caused it', () => {
    const join = notice('rtc', 103, {}, { cause: cause('r1', 'create-cloud-player') });
    expect(belongsTo(join, 'media-pull')).toBe(true);
    expect(belongsTo(join, 'rtc')).toBe(true);
    expect(belongsTo(join, 'cloud-recording')).toBe(false);
    expect(belongsTo(notice('media-pull', 3, {}, { origin: 'idle timeout' }), 'media-pull')).toBe(true);
  });

  it('finds the history entry of the causing call by X-Request-ID, and counts what a tester’s calls caused', () => {
    const entries = [entry('h1', 'r1'), entry('h2'), entry('h3', 'r3')];
    expect(causeEntry(notice('media-pull', 1, {}, { cause: cause('r3', 'create-cloud-player') }), entries)?.id).toBe('h3');
    expect(causeEntry(notice('media-pull', 1, {}, { cause: cause('elsewhere', 'create-cloud-player') }), entries)).toBeUndefined();
    expect(causeEntry(notice('media-pull', 3, {}, { origin: 'idle timeout' }), entries)).toBeUndefined();
    const notices = [
      notice('media-pull', 1, {}, { cause: cause('r1', 'create-cloud-player') }),
      notice('media-pull', 4, {}, { cause: cause('r1', 'create-cloud-player') }),
      notice('media-pull', 3, {}, { origin: 'idle timeout' }),
      notice('rtc', 101, {}, { cause: cause('other', 'create-channel') }),
    ];
    expect(causedBy(notices, entries)).toBe(2);
  });

  it('announces a burst in one short sentence', () => {
    expect(announcement([])).toBe('');
    expect(announcement([{ name: 'Player Created' }])).toBe('New notification: Player Created.');
    expect(announcement(['a', 'b', 'c', 'd', 'e'].map((name) => ({ name })))).toBe('5 new notifications: a, b, c and 2 more.');
  });

  it('tells the reader what to send to see a first notice', () => {
    expect(emptyHint('media-pull')).toMatch(/^Send create-cloud-player: its Player Created notice appears here/);
    expect(emptyHint(undefined)).toMatch(/Sandbox mode/);
  });
});
