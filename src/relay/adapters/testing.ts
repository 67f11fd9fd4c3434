/** Shared envelope for the adapter tests: a sandbox acquire with the demo credentials. */
export const SANDBOX_ACQUIRE = {
  operationId: 'acquire',
  environment: 'sandbox',
  path: { appid: '0123456789abcdef0123456789abcdef' },
  headers: { Authorization: `Basic ${btoa('demo-customer-id:demo-customer-secret')}` },
  body: { cname: 'demo', uid: '527841', clientRequest: {} },
};

export function post(url: string, envelope: unknown, headers: Record<string, string> = {}): Request {
  return new Request(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(envelope) });
}
