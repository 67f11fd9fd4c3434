import { getOperation, listOperations } from '../../catalog';
import { constraintsOf, exactlyOneOf, flattenFields, typeLabel } from './schemaText';
import { exampleCurl, exampleUrl } from './exampleRequest';

describe('schema text', () => {
  it('describes constraints in words', () => {
    expect(constraintsOf({ type: 'integer', minimum: 1, maximum: 720, default: 72 })).toEqual(['1 to 720', 'default 72']);
    expect(constraintsOf({ type: 'string', pattern: '^a$', minLength: 1, maxLength: 64 })).toEqual([
      'pattern ^a$',
      'length 1 to 64 characters',
    ]);
    expect(constraintsOf({ type: 'array', items: { type: 'string', enum: ['hls', 'mp4'] }, minItems: 1 })).toEqual([
      'at least 1 items',
      'each item: one of "hls", "mp4"',
    ]);
    expect(constraintsOf({ type: 'integer', minimum: 0 })).toEqual(['at least 0']);
  });

  it('names types, including unions', () => {
    expect(typeLabel({ type: 'array', items: { type: 'string' } })).toBe('array of string');
    expect(typeLabel({ oneOf: [{ type: 'string' }, { type: 'array' }] })).toBe('string or array');
  });

  it('finds exactly-one-of groups', () => {
    const banRule = getOperation('create-ban-rule').requestBody!.schema;
    expect(exactlyOneOf(banRule)).toEqual(['time', 'time_in_seconds']);
    expect(exactlyOneOf({ type: 'object' })).toBeUndefined();
  });

  it('flattens nested objects and arrays of objects', () => {
    const names = flattenFields(getOperation('update-layout').requestBody!.schema).map((f) => f.name);
    expect(names).toContain('clientRequest.layoutConfig[].x_axis');
    const required = flattenFields(getOperation('acquire').requestBody!.schema).filter((f) => f.required).map((f) => f.name);
    expect(required).toEqual(['cname', 'uid', 'clientRequest']);
  });
});

describe('example request', () => {
  it('fills example values and keeps placeholders for values from earlier calls', () => {
    expect(exampleUrl(getOperation('query-recording'))).toBe(
      'https://api.agora.io/v1/apps/0123456789abcdef0123456789abcdef/cloud_recording/resourceid/{resourceid}/sid/{sid}/mode/mix/query',
    );
    expect(exampleUrl(getOperation('list-cloud-players'))).toBe(
      'https://api.agora.io/v1/projects/0123456789abcdef0123456789abcdef/cloud-player/players?pageSize=200&filter=channelName%20eq%20demo',
    );
  });

  it('uses the operation\'s auth and quotes the body for the shell', () => {
    expect(exampleCurl(getOperation('get-channel'))).toContain('Authorization: Bearer $AGORA_TOKEN');
    const curl = exampleCurl(getOperation('create-channel'));
    expect(curl).toContain('-u "$AGORA_CUSTOMER_ID:$AGORA_CUSTOMER_SECRET"');
    expect(curl).toContain(`-d '{\n  "channel": "myvideochannel"`);
    for (const op of listOperations()) expect(exampleCurl(op)).toMatch(new RegExp(`^curl -X ${op.method} 'https://api\\.agora\\.io/`));
  });
});
