/**
 * Request fixtures with the characters snippet generators get wrong: quotes,
 * spaces, `$`, backticks, `!`, newlines, unicode, `&` and `=` in query values,
 * `/` and `?` in path parameters. Used by the golden and the echo tests.
 *
 * Also the ids the execution tests carry from one call to the next
 * (`executionOverrides`): the only values they send beyond the tester's
 * default request, just as a reader's earlier calls fill the same fields.
 */
import type { OperationModel, RetryPolicy } from '../catalog/types';
import type { ApiRequest } from '../request/apiRequest';
import { defaultRequest, type RequestOverrides } from '../request/build';
import type { SnippetOptions } from './types';

/** Ids the earlier calls of an execution chain returned. */
export interface ExecutionChain {
  resourceId?: string;
  sid?: string;
  banRuleId?: number;
  playerId?: string;
  builderToken?: string;
  transcodingTaskId?: string;
  /** A Real-Time STT agent's id, then a Conversational AI agent's (their chains run one after the other). */
  agentId?: string;
  converterId?: string;
}

/**
 * What a call needs from earlier answers, as overrides of its default request.
 * Recording, player and STT agent ids are chained path values (the tester fills them the
 * same way); a ban rule's id goes in the body, which the catalog does not chain.
 */
export function executionOverrides(op: OperationModel, chain: ExecutionChain): RequestOverrides {
  switch (op.id) {
    case 'start-recording':
    case 'query-recording':
    case 'update-recording':
    case 'update-layout':
    case 'stop-recording':
      return { pathParams: { resourceid: chain.resourceId ?? 'missing', sid: chain.sid ?? 'missing' } };
    case 'update-ban-rule':
    case 'delete-ban-rule': {
      const body = defaultRequest(op).body;
      return { body: { ...(typeof body === 'object' ? body : {}), id: chain.banRuleId } };
    }
    case 'update-cloud-player':
    case 'delete-cloud-player': {
      // Agora names the player id `playerid` in update and `id` in delete: take the name from the catalog.
      const chained = op.pathParams.filter((param) => param.valueFrom?.field === 'player.id');
      return { pathParams: Object.fromEntries(chained.map((param) => [param.name, chain.playerId ?? 'missing'])) };
    }
    case 'create-cloud-transcoding-task':
      return { query: { builderToken: chain.builderToken ?? 'missing' } };
    case 'query-cloud-transcoding-task':
    case 'update-cloud-transcoding-task':
    case 'destroy-cloud-transcoding-task':
      // Every call on a task passes the builder token that created it (a chained query value).
      return { pathParams: { taskId: chain.transcodingTaskId ?? 'missing' }, query: { builderToken: chain.builderToken ?? 'missing' } };
    case 'query-stt-agent':
    case 'update-stt-agent':
    case 'stop-stt-agent':
      return { pathParams: { agentId: chain.agentId ?? 'missing' } };
    case 'query-converter':
    case 'update-converter':
    case 'delete-converter':
      return { pathParams: { converterId: chain.converterId ?? 'missing' } };
    case 'query-agent-status':
    case 'agent-update':
    case 'agent-speak':
    case 'agent-interrupt':
    case 'agent-think':
    case 'get-history':
    case 'get-turns':
    case 'stop-agent':
      return { pathParams: { agentId: chain.agentId ?? 'missing' } };
    default:
      return {};
  }
}

/** Everything a shell, JS or Python literal could misread, in one string. */
export const NASTY = `it's "quoted" $HOME \${PATH} \`id\` $(id) !! \\n \\ back\\slash`;
/** Header values must stay printable ASCII, so no newline or unicode here. */
const NASTY_HEADER = `it's "q" $HOME \`id\` !x & y=z; %41`;

export const GENERAL_POLICY: RetryPolicy = {
  schedule: 'general',
  delaysMs: [
    [1000, 1000],
    [3000, 3000],
    [6000, 6000],
  ],
  safeToRepeat: false,
  retryStatuses: [429, 500, 502, 503, 504],
};

export const MEDIA_PULL_POLICY: RetryPolicy = {
  schedule: 'media-pull',
  delaysMs: [
    [5000, 6000],
    [10000, 11000],
    [15000, 16000],
  ],
  safeToRepeat: false,
  retryStatuses: [404, 429, 500, 502, 503, 504],
};

export interface SnippetFixture {
  name: string;
  request: ApiRequest;
  options: Omit<SnippetOptions, 'baseUrl'>;
}

export const FIXTURES: SnippetFixture[] = [
  {
    // GET with awkward path and query values, a literal X-Request-ID, env Basic auth.
    name: 'get-special-query',
    request: {
      operationId: 'list-cloud-players',
      method: 'GET',
      server: 'api-eu-central-1.agora.io',
      pathTemplate: '/v1/projects/{appId}/cloud-player/players/{playerId}',
      pathParams: { appId: 'a/b?c=d&e #f', playerId: `ünï 🎉 ${NASTY}` },
      query: {
        filter: 'channelName eq a&b=c',
        pageToken: '50% & 100%25 + plus',
        note: `${NASTY}\nsecond line\ttab`,
      },
      headers: { 'X-Request-ID': 'req-0001', 'X-Note': NASTY_HEADER },
      auth: 'basic',
    },
    options: {
      retry: MEDIA_PULL_POLICY,
      failover: { alternate: 'https://api-eu-central-1.sd-rtn.com', adjacent: 'https://api-eu-west-1.agora.io' },
    },
  },
  {
    // POST with a JSON body full of special strings, Bearer from the environment,
    // X-Request-ID generated at run time, a primary domain with the failover hosts the
    // catalog gives it (the adjacent one from the region the relay assumes).
    name: 'post-special-body',
    request: {
      operationId: 'create-channel',
      method: 'POST',
      server: 'api.agora.io',
      pathTemplate: '/v1/projects/{projectId}/rtc/channels',
      pathParams: { projectId: 'proj-1' },
      query: {},
      headers: {},
      body: {
        channel: NASTY,
        unicode: 'ünïcødé 日本語 🎉 \u2028 \u00ad',
        multiline: 'line 1\nline 2\r\nline 3',
        ['__proto__']: { polluted: true },
        'key with "quotes" and \'apostrophes\'': [1, 2.5, -0.001, 1e21, true, false, null, [], {}],
        nested: { deeper: { text: '</script><!-- $x `y` -->' } },
      },
      auth: 'bearer',
    },
    options: { retry: GENERAL_POLICY },
  },
  {
    // PUT with inline credentials whose characters need quoting.
    name: 'put-inline-credentials',
    request: {
      operationId: 'update-ban-rule',
      method: 'PUT',
      server: 'api.agora.io',
      pathTemplate: '/dev/v1/kicking-rule',
      pathParams: {},
      query: {},
      headers: { 'X-Request-ID': 'fixed id with spaces' },
      body: { appid: '0123456789abcdef0123456789abcdef', id: 1953, time: 60 },
      auth: 'basic',
    },
    options: {
      credentials: { kind: 'basic', customerId: `id'with"quotes$x`, customerSecret: 'sec!ret`whoami`' },
      retry: GENERAL_POLICY,
      failover: { alternate: null, adjacent: null },
    },
  },
  {
    // Secret fields (x-secret) read from the environment: the storage keys and the RTC
    // token. The value exported in the tests holds `'`, `$`, `!` and spaces, which must
    // arrive as typed (cURL splices the variable into its quoted JSON).
    name: 'post-secret-fields',
    request: {
      operationId: 'start-recording',
      method: 'POST',
      server: 'api.agora.io',
      pathTemplate: '/v1/apps/{appid}/cloud_recording/resourceid/{resourceid}/mode/{mode}/start',
      pathParams: { appid: '0123456789abcdef0123456789abcdef', resourceid: 'res-1', mode: 'mix' },
      query: {},
      headers: { 'X-Request-ID': 'req-secret' },
      body: {
        cname: 'demo',
        uid: '527841',
        clientRequest: {
          token: 'rtc-token-007',
          storageConfig: { vendor: 1, region: 0, bucket: 'demo-bucket', accessKey: 'AKIA EXAMPLE', secretKey: `s3cr'et+/= $HOME !x` },
        },
      },
      auth: 'basic',
    },
    options: { retry: GENERAL_POLICY, failover: { alternate: null, adjacent: null } },
  },
  {
    // Secret fields written into the code, as typed, when the reader asks for them.
    name: 'post-inline-secrets',
    request: {
      operationId: 'create-cloud-player',
      method: 'POST',
      server: 'api.agora.io',
      pathTemplate: '/{region}/v1/projects/{appId}/cloud-player/players',
      pathParams: { region: 'na', appId: '0123456789abcdef0123456789abcdef' },
      query: {},
      headers: { 'X-Request-ID': 'req-inline' },
      body: { player: { streamUrl: 'rtmp://example.com/live/a', channelName: 'demo', uid: 7, token: `tok'en $x`, encryptKey: 'k"e\\y' } },
      auth: 'basic',
    },
    options: { secrets: true, retry: MEDIA_PULL_POLICY, failover: { alternate: null, adjacent: null } },
  },
  {
    // Conversational AI's token scheme: `Authorization: agora token=<token>`, the token read
    // from AGORA_TOKEN (whose value holds characters a shell would expand).
    name: 'post-agora-token',
    request: {
      operationId: 'agent-speak',
      method: 'POST',
      server: 'api.agora.io',
      pathTemplate: '/api/conversational-ai-agent/v2/projects/{appid}/agents/{agentId}/speak',
      pathParams: { appid: '0123456789abcdef0123456789abcdef', agentId: '1NT29X10YHDS8UWJOXLYHNYB' },
      query: {},
      headers: { 'X-Request-ID': 'req-speak' },
      body: { text: 'Your order has shipped.', priority: 'INTERRUPT', interruptable: false },
      auth: 'agora-token',
    },
    options: { retry: GENERAL_POLICY, failover: { alternate: null, adjacent: null } },
  },
  {
    // DELETE with a body and no authentication.
    name: 'delete-no-auth',
    request: {
      operationId: 'delete-ban-rule',
      method: 'DELETE',
      server: 'api.agora.io',
      pathTemplate: '/dev/v1/kicking-rule',
      pathParams: {},
      query: { empty: '', keep: '=' },
      headers: {},
      body: { appid: 'x', id: 7 },
      auth: 'none',
    },
    options: { retry: GENERAL_POLICY, failover: { alternate: null, adjacent: null } },
  },
];
