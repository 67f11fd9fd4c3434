import { describe, expect, it } from 'vitest';
import { getOperation } from '../catalog';
import type { OperationModel } from '../catalog/types';
import { buildUrl } from './apiRequest';
import { defaultRequest, paramDefault, requestFromValues, valuesFromRequest } from './build';

// A hand-made operation, so these rules do not move with the catalog.
const listPlayers: OperationModel = {
  ...getOperation('list-cloud-players'),
  id: 'list-players',
  method: 'GET',
  path: '/v1/projects/{appId}/players/{id}',
  servers: [
    { host: 'api.agora.io', url: 'https://api.agora.io', role: 'primary', family: 'agora.io', label: 'Primary' },
    { host: 'api.sd-rtn.com', url: 'https://api.sd-rtn.com', role: 'primary', family: 'sd-rtn.com', label: 'China' },
  ],
  pathParams: [
    { name: 'appId', in: 'path', required: true, description: '', schema: { type: 'string' }, example: 'app1' },
    { name: 'id', in: 'path', required: true, description: '', schema: { type: 'string' }, valueFrom: { operationId: 'create', field: 'player.id' } },
  ],
  queryParams: [
    { name: 'pageSize', in: 'query', required: false, description: '', schema: { type: 'integer', default: 200 } },
    { name: 'pageToken', in: 'query', required: false, description: '', schema: { type: 'string' } },
    { name: 'filter', in: 'query', required: false, description: '', schema: { type: 'string', examples: ['channelName eq demo'] } },
  ],
  headerParams: [{ name: 'X-Request-ID', in: 'header', required: false, description: '', schema: { type: 'string' } }],
  requestBody: undefined,
  security: ['basic'],
};

describe('paramDefault', () => {
  it('takes the example, else the schema default, else the first schema example, else empty', () => {
    const param = listPlayers.queryParams[0];
    expect(paramDefault({ ...param, example: 5 })).toBe('5');
    expect(paramDefault(param)).toBe('200');
    expect(paramDefault(listPlayers.queryParams[2])).toBe('channelName eq demo');
    expect(paramDefault(listPlayers.queryParams[1])).toBe('');
    expect(paramDefault({ ...param, example: { a: 1 } })).toBe('{"a":1}');
  });
});

describe('defaultRequest', () => {
  it('fills what the catalog knows, keeps empty path values (so the missing one is named) and drops empty query values', () => {
    expect(defaultRequest(listPlayers)).toEqual({
      operationId: 'list-players',
      method: 'GET',
      server: 'api.agora.io',
      pathTemplate: '/v1/projects/{appId}/players/{id}',
      pathParams: { appId: 'app1', id: '' },
      query: { pageSize: '200', filter: 'channelName eq demo' },
      headers: {},
      body: undefined,
      auth: 'basic',
    });
    expect(() => buildUrl(defaultRequest(listPlayers), 'https://x')).toThrow(/"id" is required/);
  });

  it('applies overrides as typed values, in catalog order, keeping undeclared ones after the declared', () => {
    const request = defaultRequest(listPlayers, {
      server: 'api.sd-rtn.com',
      pathParams: { id: 'p-1' },
      query: { filter: '', pageToken: 't' },
      headers: { 'X-Sandbox-Fault': '503', 'X-Request-ID': 'r1' },
    });
    expect(request.server).toBe('api.sd-rtn.com');
    expect(request.pathParams).toEqual({ appId: 'app1', id: 'p-1' });
    expect(Object.entries(request.query)).toEqual([['pageSize', '200'], ['pageToken', 't']]);
    expect(Object.keys(request.headers)).toEqual(['X-Request-ID', 'X-Sandbox-Fault']);
  });

  it('copies the catalog body, and an override replaces it', () => {
    const op = getOperation('update-cloud-player');
    const request = defaultRequest(op);
    expect(request.body).toEqual(op.requestBody?.example);
    (request.body as { player: { isPause: boolean } }).player.isPause = !(op.requestBody?.example as { player: { isPause: boolean } }).player.isPause;
    expect(defaultRequest(op).body).toEqual(op.requestBody?.example);
    expect(defaultRequest(op, { body: { player: {} } }).body).toEqual({ player: {} });
    expect(defaultRequest(op, { body: undefined }).body).toBeUndefined();
  });

  it('sends the catalog examples of a real operation', () => {
    expect(buildUrl(defaultRequest(getOperation('list-channels')), 'https://api.agora.io')).toBe(
      'https://api.agora.io/dev/v1/channel/0123456789abcdef0123456789abcdef?page_no=0&page_size=100',
    );
  });
});

describe('form values <-> request', () => {
  it('round-trips: the values restored from a request send the same request', () => {
    const request = defaultRequest(listPlayers, { pathParams: { id: 'p 1/2' }, query: { pageToken: 'a&b' } });
    expect(requestFromValues(listPlayers, valuesFromRequest(listPlayers, request))).toEqual(request);
  });

  it('restores only what the catalog describes', () => {
    const values = valuesFromRequest(listPlayers, {
      server: 'evil.example.com',
      pathParams: { appId: 'mine', other: 'x' },
      query: { unknown: '1' },
      headers: { Authorization: 'Basic c2VjcmV0', 'X-Trace': 't1' },
      body: { injected: true },
    });
    expect(values).toEqual({
      server: 'api.agora.io',
      // A missing path value gets its default; a missing query value was empty.
      path: { appId: 'mine', id: '' },
      query: { pageSize: '', pageToken: '', filter: '' },
      headers: { 'X-Request-ID': '' },
      body: undefined,
      // Undeclared headers and query parameters become custom rows, checked like typed ones; a credential never does.
      custom: [
        { in: 'header', name: 'X-Trace', value: 't1' },
        { in: 'query', name: 'unknown', value: '1' },
      ],
    });
  });
});
