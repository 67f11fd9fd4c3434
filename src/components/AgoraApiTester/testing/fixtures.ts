/**
 * Small hand-made operation models for the tester's unit tests, so they pin the
 * tester's behaviour independently of how the catalog evolves. Tests that need
 * the real catalog import it directly.
 */
import type { OperationModel, ServerModel } from '../../../catalog/types';

const servers: ServerModel[] = [
  { host: 'api.agora.io', url: 'https://api.agora.io', role: 'primary', family: 'agora.io', label: 'Primary (outside mainland China)', alternate: 'api.sd-rtn.com' },
  { host: 'api.sd-rtn.com', url: 'https://api.sd-rtn.com', role: 'primary', family: 'sd-rtn.com', label: 'Primary (inside mainland China)', alternate: 'api.agora.io' },
  { host: 'api-us-west-1.agora.io', url: 'https://api-us-west-1.agora.io', role: 'regional', family: 'agora.io', region: 'us-west-1', label: 'Western United States', adjacent: 'api-us-east-1.agora.io' },
];

const base = {
  guideExample: false,
  responses: [],
  limits: { qps: [] },
  idempotent: false,
  servers,
  retry: { schedule: 'general' as const, delaysMs: [[1000, 1000], [3000, 3000], [6000, 6000]] as Array<[number, number]>, safeToRepeat: false, retryStatuses: [429, 500, 502, 503, 504] },
};

const appIdParam = {
  name: 'projectId',
  in: 'path' as const,
  required: true,
  description: 'Your App ID.',
  schema: { type: 'string', pattern: '^[0-9a-f]{32}$' },
  example: '0123456789abcdef0123456789abcdef',
};

export const createChannel: OperationModel = {
  ...base,
  id: 'create-channel',
  method: 'POST',
  path: '/v1/projects/{projectId}/rtc/channels',
  family: 'guide',
  familyTitle: 'Guide examples',
  summary: 'Create a channel',
  description: 'Creates a channel.',
  guideExample: true,
  params: [appIdParam],
  pathParams: [appIdParam],
  queryParams: [],
  headerParams: [],
  requestBody: {
    required: true,
    contentType: 'application/json',
    schema: {
      type: 'object',
      required: ['channel', 'uid'],
      properties: {
        channel: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,63}$', description: 'Channel name.' },
        uid: { type: 'string', description: 'User ID.' },
        clientRequest: {
          type: 'object',
          properties: {
            resourceExpiredHour: { type: 'integer', minimum: 1, maximum: 720, default: 72 },
            recordingConfig: {
              type: 'object',
              properties: {
                channelType: { type: 'integer', enum: [0, 1], default: 0 },
                streamTypes: { type: 'integer', enum: [0, 1, 2], default: 2 },
              },
            },
          },
        },
      },
    },
    example: { channel: 'my-video-channel', uid: 'user_12345', clientRequest: { resourceExpiredHour: 24, recordingConfig: { channelType: 0, streamTypes: 2 } } },
  },
  security: ['basic'],
  troubleshooting: [
    { status: 400, message: 'Invalid channel name format', cause: 'A parameter is missing or malformed.', measures: 'Check the field named in details.field.', retry: false },
    { status: 401, message: 'Invalid authentication credentials', cause: 'The Customer ID or Customer Secret is wrong.', measures: 'Copy them again from Agora Console > RESTful API.', retry: false },
    { status: 503, message: 'Service unavailable', cause: 'The server is busy.', measures: 'Retry with back-off.', retry: true },
  ],
  referencePath: '/docs/reference/guide-examples/create-channel',
};

const regionParam = {
  name: 'region',
  in: 'path' as const,
  required: true,
  description: 'Region, lowercase.',
  schema: { type: 'string', enum: ['cn', 'ap', 'na', 'eu'] },
  example: 'na',
};

export const createCloudPlayer: OperationModel = {
  ...base,
  id: 'create-cloud-player',
  method: 'POST',
  path: '/{region}/v1/projects/{appId}/cloud-player/players',
  family: 'media-pull',
  familyTitle: 'Media Pull',
  summary: 'Create a cloud player',
  description: 'Creates a player.',
  params: [regionParam, { ...appIdParam, name: 'appId' }, { name: 'X-Request-ID', in: 'header', required: false, description: 'Request id.', schema: { type: 'string' } }],
  pathParams: [regionParam, { ...appIdParam, name: 'appId' }],
  queryParams: [],
  headerParams: [{ name: 'X-Request-ID', in: 'header', required: false, description: 'Request id.', schema: { type: 'string' } }],
  requestBody: {
    required: true,
    contentType: 'application/json',
    schema: {
      type: 'object',
      required: ['player'],
      properties: {
        player: {
          type: 'object',
          required: ['streamUrl', 'channelName'],
          properties: {
            streamUrl: { type: 'string', maxLength: 1024 },
            channelName: { type: 'string', maxLength: 64 },
            uid: { type: 'integer', minimum: 0 },
            account: { type: 'string' },
            idleTimeout: { type: 'integer', minimum: 5, maximum: 600, default: 300 },
            name: { type: 'string', maxLength: 64 },
          },
          oneOf: [{ required: ['uid'] }, { required: ['account'] }],
        },
      },
    },
    example: { player: { streamUrl: 'rtmp://example.com/live/stream', channelName: 'demo', uid: 0, idleTimeout: 300 } },
  },
  security: ['basic'],
  troubleshooting: [
    { status: 409, message: 'Conflict', cause: 'A player with this name exists.', measures: 'Use the id in X-Resource-ID.', retry: false },
  ],
  referencePath: '/docs/reference/media-pull/create-cloud-player',
};

export const listCloudPlayers: OperationModel = {
  ...base,
  id: 'list-cloud-players',
  method: 'GET',
  idempotent: true,
  path: '/v1/projects/{appId}/cloud-player/players',
  family: 'media-pull',
  familyTitle: 'Media Pull',
  summary: 'List cloud players',
  description: 'Lists players.',
  params: [],
  pathParams: [{ ...appIdParam, name: 'appId' }],
  queryParams: [
    { name: 'pageSize', in: 'query', required: false, description: 'Page size.', schema: { type: 'integer', minimum: 1, maximum: 500, default: 200 } },
    { name: 'pageToken', in: 'query', required: false, description: 'Token.', schema: { type: 'string' } },
    { name: 'filter', in: 'query', required: false, description: 'Filter.', schema: { type: 'string' } },
  ],
  headerParams: [],
  security: ['basic'],
  troubleshooting: [],
  referencePath: '/docs/reference/media-pull/list-cloud-players',
};

export const getChannel: OperationModel = {
  ...base,
  id: 'get-channel',
  method: 'GET',
  idempotent: true,
  path: '/v1/projects/{appId}/channels/{channelName}',
  family: 'guide',
  familyTitle: 'Guide examples',
  summary: 'Get channel information',
  description: 'Gets a channel.',
  params: [],
  pathParams: [
    { ...appIdParam, name: 'appId' },
    { name: 'channelName', in: 'path', required: true, description: 'Channel.', schema: { type: 'string' }, example: 'my-video-channel' },
  ],
  queryParams: [],
  headerParams: [],
  security: ['bearer'],
  troubleshooting: [
    { status: 404, message: 'Channel not found', cause: 'No such channel.', measures: 'Create it first.', retry: false },
  ],
  referencePath: '/docs/reference/guide-examples/get-channel',
};
for (const op of [createCloudPlayer, listCloudPlayers, getChannel]) op.params = [...op.pathParams, ...op.queryParams, ...op.headerParams];
