import { describe, expect, it } from 'vitest';
import { getOperation } from '../catalog';
import { generateSnippet } from '../snippets';
import { buildUrl } from './apiRequest';
import { defaultRequest, requestFromValues, valuesFromRequest } from './build';
import { CUSTOM_LIMITS, customFromRequest, customHeaderProblem, customProblems, customQueryProblem, looksLikeCredential, type CustomParam } from './customParams';

const listChannels = getOperation('list-channels');
const withCustom = (custom: CustomParam[]) => requestFromValues(listChannels, { ...valuesFromRequest(listChannels, defaultRequest(listChannels)), custom });

describe('custom headers: the relay rule', () => {
  it('allows X- extension headers', () => {
    expect(customHeaderProblem('X-Trace-Id', 'abc-123')).toBeNull();
    expect(customHeaderProblem('x-debug', '1')).toBeNull();
    // Agora and the sandbox correlate on it; the relay keeps a valid one for every attempt.
    expect(customHeaderProblem('X-Request-ID', 'my-trace-1')).toBeNull();
  });

  it.each([
    ['Cookie', 'a=1', /only X- headers/],
    ['User-Agent', 'me', /only X- headers/],
    ['Authorization', 'Basic eA==', /only X- headers/],
    ['Host', 'evil.example', /method, URL or client address/],
    ['X-Forwarded-For', '1.2.3.4', /method, URL or client address/],
    ['X-HTTP-Method-Override', 'DELETE', /method, URL or client address/],
    ['X-Sandbox-Fault', '503', /Simulate menu/],
    ['X-Api-Key', 'k', /looks like a credential/],
    ['X-Auth-Token', 'k', /looks like a credential/],
    ['X-Note', 'Bearer abc.def', /looks like a credential/],
    ['X-Note', 'agora token=007eJxTYBBb', /looks like a credential/],
    ['X-Note', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig', /looks like a credential/],
    ['X-Bad Name', '1', /letters, digits and hyphens/],
    ['X-Note', 'caf\u00e9', /printable ASCII/],
    ['X-Note', 'a\r\nX-Injected: 1', /printable ASCII/],
    ['X-Note', 'v'.repeat(CUSTOM_LIMITS.valueLength + 1), /limit is 512/],
    [`X-${'n'.repeat(CUSTOM_LIMITS.nameLength)}`, '1', /limit is 64/],
  ])('refuses %s: %s', (name, value, reason) => {
    expect(customHeaderProblem(name, value)).toMatch(reason);
  });

  it('reads credential words as whole parts of a name only', () => {
    expect(looksLikeCredential('X-Monkey', '1')).toBe(false);
    expect(looksLikeCredential('X-Authority-Hint', '1')).toBe(false);
    expect(looksLikeCredential('access_token', '1')).toBe(true);
    expect(looksLikeCredential('accessKey', '1')).toBe(true);
  });
});

describe('custom query parameters', () => {
  it('allows plain names and refuses the rest', () => {
    expect(customQueryProblem('trace', 'a b&c')).toBeNull();
    expect(customQueryProblem('filter[name]', 'x')).toBeNull();
    expect(customQueryProblem('__proto__', 'x')).toMatch(/starts with a letter/);
    expect(customQueryProblem('a&b', 'x')).toMatch(/starts with a letter/);
    expect(customQueryProblem('X-Sandbox-Fault', '503')).toMatch(/Simulate menu/);
    expect(customQueryProblem('access_token', 'x')).toMatch(/credential/);
  });
});

describe('custom rows in the form', () => {
  it('names each problem by row; empty rows are ignored', () => {
    const problems = customProblems(listChannels, [
      { in: 'header', name: '', value: '' },
      { in: 'header', name: 'X-Trace', value: '' },
      { in: 'query', name: 'page_no', value: '2' },
      { in: 'header', name: 'X-One', value: '1' },
      { in: 'header', name: 'x-one', value: '2' },
      { in: 'header', name: 'Cookie', value: 'a' },
    ]);
    expect([...problems.keys()]).toEqual([1, 2, 4, 5]);
    expect(problems.get(1)).toMatch(/^Custom header "X-Trace": give it a value/);
    expect(problems.get(2)).toMatch(/already has this parameter; set it in the form above/);
    expect(problems.get(4)).toMatch(/given twice/);
    expect(problems.get(5)).toMatch(/^Custom header "Cookie": not sent, because only X- headers/);
  });

  it('caps each kind at the limit', () => {
    const rows = Array.from({ length: CUSTOM_LIMITS.count + 1 }, (_, index): CustomParam => ({ in: 'query', name: `q${index}`, value: '1' }));
    expect([...customProblems(listChannels, rows).keys()]).toEqual([CUSTOM_LIMITS.count]);
  });

  it('sends rows that pass after the catalog parameters, and leaves the rest out', () => {
    const request = withCustom([
      { in: 'header', name: ' X-Trace-Id ', value: 'trace 1' },
      { in: 'query', name: 'debug', value: 'a b&c' },
      { in: 'header', name: 'X-Api-Key', value: 'k' },
    ]);
    expect(Object.keys(request.headers)).toEqual(['X-Trace-Id']);
    expect(request.query).toMatchObject({ debug: 'a b&c' });
    expect(buildUrl(request, 'https://api.agora.io')).toMatch(/&debug=a%20b%26c$/);
    // Restoring the request gives the same rows back.
    expect(customFromRequest(listChannels, request)).toEqual([
      { in: 'header', name: 'X-Trace-Id', value: 'trace 1' },
      { in: 'query', name: 'debug', value: 'a b&c' },
    ]);
  });

  it('reach every snippet', () => {
    const request = withCustom([
      { in: 'header', name: 'X-Trace-Id', value: "it's 1" },
      { in: 'query', name: 'debug', value: 'a b' },
    ]);
    const options = { baseUrl: 'https://api.agora.io' };
    expect(generateSnippet('curl', request, options)).toContain(`--header 'X-Trace-Id: it'\\''s 1'`);
    expect(generateSnippet('curl', request, options)).toContain('debug=a%20b');
    for (const target of ['javascript', 'python', 'javascript-production', 'python-production'] as const) {
      const code = generateSnippet(target, request, options);
      expect(code, target).toContain('X-Trace-Id');
      expect(code, target).toContain('debug=a%20b');
    }
  });
});
