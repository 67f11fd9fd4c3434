import { sanitizeRequestHeaders, sanitizeResponseHeaders } from './headers';

const policy = { allowSandboxHeaders: false, declared: [] as string[] };

describe('hop-by-hop headers named by Connection', () => {
  it('drops the header a one-token Connection names, going up and coming back', () => {
    expect(sanitizeRequestHeaders({ Connection: ' X-Hop ', 'X-Hop': '1', 'X-Kept': 'yes' }, policy)).toEqual({ 'x-kept': 'yes' });
    const answer = Object.assign(Object.create(null), { connection: 'X-Upstream-Hop', 'x-upstream-hop': '1', 'x-request-id': 'r1' });
    expect({ ...sanitizeResponseHeaders(answer) }).toEqual({ 'x-request-id': 'r1' });
  });

  it('drops every header a list names, whatever the spacing and case', () => {
    expect(sanitizeRequestHeaders({ Connection: 'close,  X-One ,x-TWO', 'X-One': '1', 'X-Two': '2', 'X-Kept': 'yes' }, policy)).toEqual({ 'x-kept': 'yes' });
    const answer = Object.assign(Object.create(null), { connection: 'keep-alive, X-A, x-b', 'x-a': '1', 'x-b': '2', 'x-c': '3' });
    expect({ ...sanitizeResponseHeaders(answer) }).toEqual({ 'x-c': '3' });
  });

  it('keeps every other header when Connection is blank or a plain keep-alive', () => {
    for (const connection of ['', '  ', 'keep-alive']) {
      const answer = Object.assign(Object.create(null), { connection, 'x-request-id': 'r1', date: 'Tue, 01 Dec 2026 16:00:00 GMT' });
      expect({ ...sanitizeResponseHeaders(answer) }).toEqual({ 'x-request-id': 'r1', date: 'Tue, 01 Dec 2026 16:00:00 GMT' });
    }
  });
});
