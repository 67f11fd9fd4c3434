import { clientKey } from './clientKey';

describe('clientKey', () => {
  const headers = (values: Record<string, string>) => (name: string) => values[name];

  it('takes the first header present, and the original client of a proxy chain', () => {
    expect(clientKey(headers({ 'x-forwarded-for': '203.0.113.7, 10.0.0.1', 'x-real-ip': '198.51.100.2' }), ['x-real-ip', 'x-forwarded-for'])).toBe('198.51.100.2');
    expect(clientKey(headers({ 'x-forwarded-for': ' 203.0.113.7 , 10.0.0.1' }), ['x-real-ip', 'x-forwarded-for'])).toBe('203.0.113.7');
  });

  it('clips what a client sends and names no client as "unknown"', () => {
    expect(clientKey(headers({ 'x-client-ip': 'a'.repeat(500) }), ['x-client-ip'])).toHaveLength(64);
    expect(clientKey(headers({}), ['x-client-ip'])).toBe('unknown');
  });
});
