import { describe, expect, it } from 'vitest';
import { authorizationHeader, base64, buildQueryString, buildUrl, PathParamError, resolvePath } from './apiRequest';

describe('resolvePath', () => {
  it('fills every placeholder', () => {
    expect(resolvePath('/v1/apps/{appid}/cloud_recording/resourceid/{resourceid}/mode/{mode}/start', {
      appid: 'abc', resourceid: 'r1', mode: 'mix',
    })).toBe('/v1/apps/abc/cloud_recording/resourceid/r1/mode/mix/start');
  });

  it('encodes characters that would change the URL shape', () => {
    expect(resolvePath('/a/{x}', { x: '../b?c#d@e/f' })).toBe('/a/..%2Fb%3Fc%23d%40e%2Ff');
    expect(resolvePath('/a/{x}', { x: 'sp ace+plus' })).toBe('/a/sp%20ace%2Bplus');
    expect(resolvePath('/a/{x}', { x: '%2e%2e' })).toBe('/a/%252e%252e');
  });

  it('fills any shape of template, and the same template again with other values', () => {
    expect(resolvePath('/v1/projects', {})).toBe('/v1/projects');
    expect(resolvePath('{a}{b}/tail', { a: 'x', b: 'y z' })).toBe('xy%20z/tail');
    expect(resolvePath('/p/{id}', { id: 'one' })).toBe('/p/one');
    expect(resolvePath('/p/{id}', { id: 'two' })).toBe('/p/two');
    expect(() => resolvePath('/p/{id}/q/{other}', { id: 'one' })).toThrow(/"other" is required/);
  });

  it('refuses dot segments and missing values with the parameter named', () => {
    expect(() => resolvePath('/a/{x}', { x: '..' })).toThrow(PathParamError);
    expect(() => resolvePath('/a/{x}', { x: '.' })).toThrow(/"x" cannot be "."/);
    expect(() => resolvePath('/a/{x}', {})).toThrow(/"x" is required/);
  });
});

describe('buildQueryString', () => {
  it('encodes & and = inside values and drops empty ones', () => {
    expect(buildQueryString({ filter: 'channelName eq a&b=c', pageToken: '', pageSize: '2' }))
      .toBe('?filter=channelName%20eq%20a%26b%3Dc&pageSize=2');
  });
  it('is empty without values', () => {
    expect(buildQueryString({})).toBe('');
  });
});

describe('buildUrl', () => {
  it('joins base, path and query without double slashes', () => {
    expect(buildUrl({ pathTemplate: '/v1/{id}', pathParams: { id: 'x' }, query: { a: '1' } }, 'http://localhost:3000/sandbox/'))
      .toBe('http://localhost:3000/sandbox/v1/x?a=1');
  });
});

describe('authorizationHeader', () => {
  it('builds Basic from customer id and secret', () => {
    expect(authorizationHeader({ kind: 'basic', customerId: 'demo-customer-id', customerSecret: 'demo-customer-secret' }))
      .toBe('Basic ZGVtby1jdXN0b21lci1pZDpkZW1vLWN1c3RvbWVyLXNlY3JldA==');
  });
  it('builds Bearer from a token', () => {
    expect(authorizationHeader({ kind: 'bearer', token: 'demo-token' })).toBe('Bearer demo-token');
  });
  it("builds Conversational AI's `agora token=` from an RTC token", () => {
    expect(authorizationHeader({ kind: 'agora-token', token: 'demo-token' })).toBe('agora token=demo-token');
  });
  it('encodes non-Latin-1 text as UTF-8 base64', () => {
    expect(base64('é✓')).toBe(Buffer.from('é✓', 'utf8').toString('base64'));
  });
});
