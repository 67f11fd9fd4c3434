import { describe, expect, it } from 'vitest';
import { getOperation } from '../../catalog';
import { RelayClientError } from '../../relay/client';
import { defaultRequest } from '../../request/build';
import { entrySummary, failureOutcome, historyEntry, parseHistory, serializeHistory, shortValue } from './history';

describe('history rows', () => {
  const query = getOperation('query-recording');
  const sid = '38f8e3cfdc474cd56fc1ceba380d7e1a';
  const request = defaultRequest(query, { pathParams: { appid: '0123456789abcdef0123456789abcdef', resourceid: 'r'.repeat(200), sid, mode: 'mix' } });

  it('show the method and the path with its values filled in, long ids cut to their ends', () => {
    const entry = historyEntry(request, query, { environment: 'sandbox', status: 200, text: '200 OK', at: 1 });
    expect(entrySummary(entry, query)).toMatchObject({
      method: 'GET',
      path: '/v1/apps/0123…cdef/cloud_recording/resourceid/rrrr…rrrr/sid/38f8…7e1a/mode/mix/query',
    });
    expect(entry.request.pathParams.sid).toBe(sid);
  });

  it('name the query values and top-level body fields (cname, uid), never an emptied secret', () => {
    const start = getOperation('start-recording');
    const body = structuredClone(defaultRequest(start).body) as Record<string, unknown>;
    const entry = historyEntry(defaultRequest(start, { body: { ...body, cname: 'room1', uid: '527841' } }), start, { environment: 'live', status: 200, text: '200 OK', at: 1 });
    expect(entrySummary(entry, start).params).toEqual([
      { name: 'cname', value: 'room1' },
      { name: 'uid', value: '527841' },
    ]);
    const list = getOperation('list-channels');
    const listed = historyEntry(defaultRequest(list, { query: { page_no: '2', page_size: '' } }), list, { environment: 'sandbox', status: 200, text: '200 OK', at: 1 });
    expect(entrySummary(listed, list).params).toEqual([{ name: 'page_no', value: '2' }]);
    expect(entrySummary({ request: { ...listed.request, query: { token: '' }, body: { secret: '', name: 'x' }, cleared: ['name'] } }, list).params).toEqual([]);
  });

  it('say how a send without an answer ended', () => {
    expect(failureOutcome(new RelayClientError('abort', 'You cancelled the request.'))).toEqual({ kind: 'cancelled', text: 'Cancelled' });
    expect(failureOutcome(new RelayClientError('timeout', 'x', { code: 'upstream_timeout' }))).toEqual({ kind: 'failed', text: 'Timed out' });
    expect(failureOutcome(new RelayClientError('upstream', 'x', { code: 'upstream_unreachable' })).text).toBe('Host unreachable');
    expect(failureOutcome(new RelayClientError('blocked', 'x', { code: 'bad_header' })).text).toBe('Refused by the relay');
    expect(failureOutcome(new RelayClientError('network', 'offline')).text).toBe('No connection');
  });

  it('keep the kind through storage, and give entries stored before it one from their status', () => {
    const cancelled = historyEntry(request, query, { environment: 'sandbox', status: null, text: 'Cancelled', kind: 'cancelled', at: 2 });
    expect(parseHistory(serializeHistory([cancelled]))[0].kind).toBe('cancelled');
    const { kind: _dropped, ...older } = historyEntry(request, query, { environment: 'sandbox', status: null, text: 'timeout', at: 1 });
    expect(parseHistory(JSON.stringify([older, { ...older, id: 'b', status: 404 }])).map((entry) => entry.kind)).toEqual(['failed', 'answered']);
  });

  it('shortValue keeps short values whole', () => {
    expect(shortValue('demo')).toBe('demo');
    expect(shortValue('myvideochannel')).toBe('myvideochannel');
    expect(shortValue('abcdefghijklmnopq')).toBe('abcd…nopq');
  });
});
