import { describe, expect, it } from 'vitest';
import { getOperation, listOperations } from '../../catalog';
import { buildUrl } from '../../request/apiRequest';
import { defaultRequest } from '../../request/build';
import { generateSnippet } from '../../snippets';
import { exampleCurl, exampleRequest } from './exampleRequest';

describe('example request', () => {
  it('is the tester\'s default request, as the generated cURL snippet', () => {
    for (const op of listOperations()) {
      const request = exampleRequest(op);
      expect(request.body).toEqual(defaultRequest(op).body);
      expect(request.query).toEqual(defaultRequest(op).query);
      expect(exampleCurl(op)).toBe(generateSnippet('curl', request, { baseUrl: `https://${request.server}` }));
      expect(exampleCurl(op)).toMatch(new RegExp(`^curl --silent --show-error --request ${op.method} \\\\\\n  --url 'https://api\\.agora\\.io/`));
    }
  });

  it('names the earlier call for ids that come from one, and encodes example values', () => {
    expect(buildUrl(exampleRequest(getOperation('query-recording')), 'https://api.agora.io')).toBe(
      'https://api.agora.io/v1/apps/0123456789abcdef0123456789abcdef/cloud_recording/resourceid/resourceid-from-acquire/sid/sid-from-start-recording/mode/mix/query',
    );
    expect(buildUrl(exampleRequest(getOperation('list-cloud-players')), 'https://api.agora.io')).toBe(
      'https://api.agora.io/v1/projects/0123456789abcdef0123456789abcdef/cloud-player/players?pageSize=200&filter=channelName%20eq%20demo',
    );
  });

  it('reads credentials from the environment, for the operation\'s auth scheme', () => {
    expect(exampleCurl(getOperation('get-channel'))).toContain('--header "Authorization: Bearer ${AGORA_TOKEN:?');
    const curl = exampleCurl(getOperation('create-channel'));
    expect(curl).toContain('--user "${AGORA_CUSTOMER_ID:?');
    expect(curl).not.toMatch(/demo-customer|ZGVtby1jdXN0b21lci1pZD/);
    expect(curl).toContain(`--data-raw '{\n  "channel": "myvideochannel"`);
  });
});
