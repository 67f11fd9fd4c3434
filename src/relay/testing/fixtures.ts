/**
 * Catalog-shaped fixtures for relay tests, so the relay's rules are tested
 * independently of the catalog's content (the integration tests use the real one).
 */
import type { HttpMethod, OperationModel, ParamModel, RetryPolicy, ServerModel } from '../../catalog/types';

const REGIONS: Array<[string, string, string]> = [
  ['us-west-1', 'us-east-1', 'Western United States'],
  ['us-east-1', 'us-west-1', 'Eastern United States'],
  ['ap-southeast-1', 'ap-northeast-1', 'Southeast Asia Pacific'],
  ['ap-northeast-1', 'ap-southeast-1', 'Northeast Asia Pacific'],
  ['eu-west-1', 'eu-central-1', 'Western Europe'],
  ['eu-central-1', 'eu-west-1', 'Central Europe'],
  ['cn-east-1', 'cn-north-1', 'East China'],
  ['cn-north-1', 'cn-east-1', 'North China'],
];

function servers(): ServerModel[] {
  const out: ServerModel[] = [
    { host: 'api.agora.io', url: 'https://api.agora.io', role: 'primary', family: 'agora.io', label: 'Primary', alternate: 'api.sd-rtn.com' },
    { host: 'api.sd-rtn.com', url: 'https://api.sd-rtn.com', role: 'primary', family: 'sd-rtn.com', label: 'Primary (China)', alternate: 'api.agora.io' },
  ];
  for (const family of ['agora.io', 'sd-rtn.com'] as const) {
    const other = family === 'agora.io' ? 'sd-rtn.com' : 'agora.io';
    for (const [region, adjacent, label] of REGIONS) {
      const host = `api-${region}.${family}`;
      out.push({ host, url: `https://${host}`, role: 'regional', family, region, label, alternate: `api-${region}.${other}`, adjacent: `api-${adjacent}.${family}` });
    }
  }
  return out;
}

const GENERAL: RetryPolicy = { schedule: 'general', delaysMs: [[1000, 1000], [3000, 3000], [6000, 6000]], safeToRepeat: false, retryStatuses: [429, 500, 502, 503, 504] };
const MEDIA_PULL: RetryPolicy = { schedule: 'media-pull', delaysMs: [[5000, 6000], [10000, 11000], [15000, 16000]], safeToRepeat: false, retryStatuses: [404, 429, 500, 502, 503, 504] };

function param(name: string, where: ParamModel['in'], required = true): ParamModel {
  return { name, in: where, required, description: name, schema: { type: 'string' } };
}

function op(id: string, method: HttpMethod, path: string, params: ParamModel[], extra: Partial<OperationModel> = {}): OperationModel {
  const idempotent = method === 'GET' || method === 'PUT' || method === 'DELETE';
  return {
    id,
    method,
    path,
    family: 'cloud-recording',
    familyTitle: 'Cloud Recording',
    summary: id,
    description: id,
    guideExample: false,
    params,
    pathParams: params.filter((p) => p.in === 'path'),
    queryParams: params.filter((p) => p.in === 'query'),
    // The fake server's scenario headers, declared so the relay's header allowlist forwards them.
    headerParams: [...params.filter((p) => p.in === 'header'), param('X-Scenario', 'header', false), param('X-Retry-At', 'header', false)],
    requestBody: method === 'GET' ? undefined : { required: true, contentType: 'application/json', schema: { type: 'object' }, example: {} },
    responses: [],
    security: ['basic'],
    servers: servers(),
    limits: { qps: [] },
    troubleshooting: [],
    retry: GENERAL,
    idempotent,
    referencePath: `/docs/reference/x/${id}`,
    ...extra,
  };
}

export const FIXTURE_OPERATIONS: Record<string, OperationModel> = {
  acquire: op('acquire', 'POST', '/v1/apps/{appid}/cloud_recording/acquire', [param('appid', 'path')]),
  'query-recording': op('query-recording', 'GET', '/v1/apps/{appid}/cloud_recording/resourceid/{resourceid}/sid/{sid}/mode/{mode}/query', [
    param('appid', 'path'),
    param('resourceid', 'path'),
    param('sid', 'path'),
    param('mode', 'path'),
  ]),
  'list-channels': op('list-channels', 'GET', '/dev/v1/channel/{appid}', [param('appid', 'path'), param('page_no', 'query', false), param('page_size', 'query', false)], {
    family: 'channel-management',
  }),
  'create-cloud-player': op('create-cloud-player', 'POST', '/{region}/v1/projects/{appId}/cloud-player/players', [param('region', 'path'), param('appId', 'path')], {
    family: 'media-pull',
    retry: { ...MEDIA_PULL, safeToRepeat: true, safeToRepeatWhen: 'player.name' },
  }),
  'delete-cloud-player': op('delete-cloud-player', 'DELETE', '/{region}/v1/projects/{appId}/cloud-player/players/{id}', [param('region', 'path'), param('appId', 'path'), param('id', 'path')], {
    family: 'media-pull',
    retry: MEDIA_PULL,
    requestBody: undefined,
  }),
  'only-us': op('only-us', 'GET', '/v1/only/{appid}', [param('appid', 'path')], {
    servers: servers().filter((s) => s.host === 'api.agora.io' || s.host === 'api-us-east-1.agora.io'),
  }),
};

export function fixtureGetOperation(id: string): OperationModel {
  const found = FIXTURE_OPERATIONS[id];
  if (!found) throw new Error(`Unknown operation "${id}". Valid ids: ${Object.keys(FIXTURE_OPERATIONS).join(', ')}.`);
  return found;
}

export const APP_ID = '0123456789abcdef0123456789abcdef';
