/** The normalised model built by index.ts: what forms, relay, sandbox and snippets rely on. */
import {
  allServers,
  familyTitles,
  findServer,
  getOperation,
  isSafeToRepeat,
  listOperations,
  matchOperation,
  operationIds,
  operationsByFamily,
} from './index';

const EXPECTED: Record<string, [string, string]> = {
  'create-channel': ['POST', '/v1/projects/{projectId}/rtc/channels'],
  'get-channel': ['GET', '/v1/projects/{appId}/channels/{channelName}'],
  acquire: ['POST', '/v1/apps/{appid}/cloud_recording/acquire'],
  'start-recording': ['POST', '/v1/apps/{appid}/cloud_recording/resourceid/{resourceid}/mode/{mode}/start'],
  'query-recording': ['GET', '/v1/apps/{appid}/cloud_recording/resourceid/{resourceid}/sid/{sid}/mode/{mode}/query'],
  'update-recording': ['POST', '/v1/apps/{appid}/cloud_recording/resourceid/{resourceid}/sid/{sid}/mode/{mode}/update'],
  'update-layout': ['POST', '/v1/apps/{appid}/cloud_recording/resourceid/{resourceid}/sid/{sid}/mode/{mode}/updateLayout'],
  'stop-recording': ['POST', '/v1/apps/{appid}/cloud_recording/resourceid/{resourceid}/sid/{sid}/mode/{mode}/stop'],
  'query-recording-ncs-ips': ['GET', '/v1/ncs/ip'],
  'list-channels': ['GET', '/dev/v1/channel/{appid}'],
  'list-channel-users': ['GET', '/dev/v1/channel/user/{appid}/{channelName}'],
  'list-channel-hosts': ['GET', '/dev/v1/channel/user/{appid}/{channelName}/hosts_only'],
  'get-user-status': ['GET', '/dev/v1/channel/user/property/{appid}/{uid}/{channelName}'],
  'create-ban-rule': ['POST', '/dev/v1/kicking-rule'],
  'list-ban-rules': ['GET', '/dev/v1/kicking-rule'],
  'update-ban-rule': ['PUT', '/dev/v1/kicking-rule'],
  'delete-ban-rule': ['DELETE', '/dev/v1/kicking-rule'],
  'query-channel-ncs-ips': ['GET', '/v2/ncs/ip'],
  'create-cloud-player': ['POST', '/{region}/v1/projects/{appId}/cloud-player/players'],
  'list-cloud-players': ['GET', '/v1/projects/{appId}/cloud-player/players'],
  'update-cloud-player': ['PATCH', '/{region}/v1/projects/{appId}/cloud-player/players/{playerid}'],
  'delete-cloud-player': ['DELETE', '/{region}/v1/projects/{appId}/cloud-player/players/{id}'],
  'create-converter': ['POST', '/{region}/v1/projects/{appId}/rtmp-converters'],
  'list-converters': ['GET', '/v1/projects/{appId}/rtmp-converters'],
  'list-channel-converters': ['GET', '/v1/projects/{appId}/channels/{cname}/rtmp-converters'],
  'query-converter': ['GET', '/{region}/v1/projects/{appId}/rtmp-converters/{converterId}'],
  'update-converter': ['PATCH', '/{region}/v1/projects/{appId}/rtmp-converters/{converterId}'],
  'delete-converter': ['DELETE', '/{region}/v1/projects/{appId}/rtmp-converters/{converterId}'],
  'acquire-cloud-transcoding-builder-token': ['POST', '/v1/projects/{appId}/rtsc/cloud-transcoder/builderTokens'],
  'create-cloud-transcoding-task': ['POST', '/v1/projects/{appId}/rtsc/cloud-transcoder/tasks'],
  'query-cloud-transcoding-task': ['GET', '/v1/projects/{appId}/rtsc/cloud-transcoder/tasks/{taskId}'],
  'update-cloud-transcoding-task': ['PATCH', '/v1/projects/{appId}/rtsc/cloud-transcoder/tasks/{taskId}'],
  'destroy-cloud-transcoding-task': ['DELETE', '/v1/projects/{appId}/rtsc/cloud-transcoder/tasks/{taskId}'],
  'create-or-update-transcoding-template': ['POST', '/v1/projects/{appId}/rtls/abr/config/codecs/{codecId}'],
  'query-transcoding-templates': ['GET', '/v1/projects/{appId}/rtls/abr/config/codecs'],
  'start-stt-agent': ['POST', '/api/speech-to-text/v1/projects/{appid}/join'],
  'list-stt-agents': ['GET', '/api/speech-to-text/v1/projects/{appid}/agents'],
  'query-stt-agent': ['GET', '/api/speech-to-text/v1/projects/{appid}/agents/{agentId}'],
  'update-stt-agent': ['POST', '/api/speech-to-text/v1/projects/{appid}/agents/{agentId}/update'],
  'stop-stt-agent': ['POST', '/api/speech-to-text/v1/projects/{appid}/agents/{agentId}/leave'],
  'start-agent': ['POST', '/api/conversational-ai-agent/v2/projects/{appid}/join'],
  'query-agent-status': ['GET', '/api/conversational-ai-agent/v2/projects/{appid}/agents/{agentId}'],
  'agent-update': ['POST', '/api/conversational-ai-agent/v2/projects/{appid}/agents/{agentId}/update'],
  'agent-speak': ['POST', '/api/conversational-ai-agent/v2/projects/{appid}/agents/{agentId}/speak'],
  'agent-interrupt': ['POST', '/api/conversational-ai-agent/v2/projects/{appid}/agents/{agentId}/interrupt'],
  'agent-think': ['POST', '/api/conversational-ai-agent/v2/projects/{appid}/agents/{agentId}/think'],
  'get-history': ['GET', '/api/conversational-ai-agent/v2/projects/{appid}/agents/{agentId}/history'],
  'get-turns': ['GET', '/api/conversational-ai-agent/v2/projects/{appid}/agents/{agentId}/turns'],
  'get-agent-list': ['GET', '/api/conversational-ai-agent/v2/projects/{appid}/agents'],
  'stop-agent': ['POST', '/api/conversational-ai-agent/v2/projects/{appid}/agents/{agentId}/leave'],
};

describe('operations', () => {
  it('lists exactly the operation ids of the brief, in catalog order', () => {
    expect(operationIds).toEqual(Object.keys(EXPECTED));
    expect(listOperations().map((op) => op.id)).toEqual(operationIds);
  });

  it.each(Object.entries(EXPECTED))('%s has its method, path, servers, security and reference path', (id, [method, path]) => {
    const op = getOperation(id);
    expect(op.method).toBe(method);
    expect(op.path).toBe(path);
    expect(op.servers.map((s) => s.host)).toEqual(allServers().map((s) => s.host));
    expect(op.servers[0].host).toBe('api.agora.io');
    // Conversational AI takes an RTC token (`agora token=`) or Basic, in Agora's order.
    expect(op.security).toEqual(id === 'get-channel' ? ['bearer'] : op.family === 'conversational-ai' ? ['agora-token', 'basic'] : ['basic']);
    const page = op.family === 'guide' ? 'guide-examples' : op.family;
    expect(op.referencePath).toBe(`/docs/reference/${page}/${id}`);
    expect(op.idempotent).toBe(['GET', 'PUT', 'DELETE'].includes(method));
    expect(op.troubleshooting.map((row) => row.status)).toEqual(expect.arrayContaining([401, 429, 500, 503]));
    expect(op.responses.map((r) => r.status)).toEqual([...op.responses.map((r) => r.status)].sort((a, b) => a - b));
  });

  it.each(operationIds)('%s: path parameters match the path template, all required', (id) => {
    const op = getOperation(id);
    const inTemplate = [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
    expect(op.pathParams.map((p) => p.name)).toEqual(inTemplate);
    expect(op.pathParams.every((p) => p.required)).toBe(true);
    // Each path parameter either has a value that works in the sandbox or says where to get one.
    for (const param of op.pathParams) expect(param.example ?? param.valueFrom, `${id} ${param.name}`).toBeDefined();
  });

  it.each(operationIds)('%s: no $ref is left in the model', (id) => {
    expect(JSON.stringify(getOperation(id))).not.toContain('$ref');
  });

  it('keeps Agora\'s own parameter names', () => {
    expect(getOperation('start-recording').pathParams.map((p) => p.name)).toEqual(['appid', 'resourceid', 'mode']);
    expect(getOperation('start-recording').pathParams[2].schema.enum).toEqual(['individual', 'mix', 'web']);
    expect(getOperation('create-cloud-player').pathParams[0].schema.enum).toEqual(['cn', 'ap', 'na', 'eu']);
    expect(getOperation('list-channels').queryParams.map((p) => [p.name, p.schema.minimum, p.schema.maximum, p.schema.default])).toEqual([
      ['page_no', undefined, undefined, 0],
      ['page_size', 1, 500, 100],
    ]);
    expect(getOperation('list-ban-rules').queryParams.map((p) => [p.name, p.required])).toEqual([['appid', true]]);
    const list = getOperation('list-cloud-players');
    expect(list.queryParams.map((p) => p.name)).toEqual(['pageSize', 'pageToken', 'filter']);
    expect(list.queryParams[0].schema).toMatchObject({ minimum: 1, maximum: 500, default: 200 });
    expect(list.queryParams[2].schema.pattern).toBe('^channelName eq .+$');
    const update = getOperation('update-cloud-player');
    expect(update.pathParams.map((p) => p.name)).toEqual(['region', 'appId', 'playerid']);
    expect(update.queryParams).toEqual([expect.objectContaining({ name: 'sequence', required: true, schema: { type: 'number', minimum: 0 } })]);
    expect(getOperation('create-cloud-player').queryParams.map((p) => p.name)).toEqual(['streamIp']);
    expect(getOperation('create-cloud-player').headerParams.map((p) => [p.name, p.required])).toEqual([['Content-Type', true], ['X-Request-ID', false]]);
    for (const id of ['list-cloud-players', 'update-cloud-player', 'delete-cloud-player']) {
      expect(getOperation(id).headerParams.map((p) => p.name)).toEqual(['X-Request-ID']);
    }
  });

  it('marks the guide examples and names the nearest real calls', () => {
    for (const id of ['create-channel', 'get-channel']) {
      const op = getOperation(id);
      expect(op.guideExample).toBe(true);
      expect(op.nearestRealCall).toBeTruthy();
      expect(op.description).toMatch(/published API reference does not list/);
      for (const real of op.nearestRealOperations ?? []) expect(operationIds).toContain(real);
    }
    expect(listOperations().filter((op) => op.guideExample).map((op) => op.id)).toEqual(['create-channel', 'get-channel']);
  });

  it('gives request bodies an example and named examples', () => {
    for (const op of listOperations()) {
      if (!op.requestBody) continue;
      expect(op.requestBody.example, op.id).toBeDefined();
      expect(op.requestBody.examples?.[0].value, op.id).toEqual(op.requestBody.example);
    }
    expect(listOperations().filter((op) => op.requestBody).length).toBe(23);
  });

  it('fails on an unknown id with a message listing the valid ids', () => {
    expect(() => getOperation('start')).toThrow(`Unknown operation "start". Valid operations: ${operationIds.join(', ')}.`);
  });

  it('groups every operation under exactly one family, with its title and page', () => {
    const groups = operationsByFamily();
    expect(groups.flatMap((g) => g.operations.map((op) => op.id))).toEqual(operationIds);
    for (const group of groups) {
      expect(group.operations.length).toBeGreaterThan(0);
      expect(familyTitles[group.family]).toBe(group.title);
      for (const op of group.operations) {
        expect(op.family).toBe(group.family);
        expect(op.referencePath).toBe(`/docs/reference/${group.page}/${op.id}`);
      }
    }
  });
});

describe('limits, troubleshooting and retry', () => {
  it('limits rows name only what the request really has (a declared query parameter or a body field)', () => {
    for (const op of listOperations()) {
      for (const row of op.limits.qps) {
        for (const location of [row.when?.has, row.when?.lacks].filter((l): l is string => Boolean(l))) {
          const [where, first, ...rest] = location.split('.');
          if (where === 'query') {
            expect(op.queryParams.map((p) => p.name), `${op.id} ${location}`).toContain(first);
          } else {
            expect(where, `${op.id} ${location}`).toBe('body');
            let schema = op.requestBody?.schema;
            for (const key of [first, ...rest]) schema = schema?.properties?.[key];
            expect(schema, `${op.id} ${location}`).toBeDefined();
          }
        }
      }
    }
  });

  it('carries the Media Pull QPS limits and the 50-player cap', () => {
    const scopes = (id: string) => getOperation(id).limits.qps.map((q) => [q.scope, q.perSecond, q.perMinute]);
    expect(scopes('create-cloud-player')).toEqual([
      ['Create with name', 2, undefined],
      ['Create without name', 50, undefined],
    ]);
    expect(scopes('delete-cloud-player')).toEqual([['Delete', 100, undefined]]);
    expect(scopes('list-cloud-players')).toEqual([
      ['List with filter', 2, 15],
      ['List without filter', 10, 20],
    ]);
    expect(getOperation('create-cloud-player').limits.concurrentTasks).toBe(50);
  });

  it('carries the Cloud Recording and Channel management limits', () => {
    expect(getOperation('acquire').limits).toMatchObject({ concurrentTasks: 50, qps: [{ perSecond: 10 }] });
    // Agora: 20 queries a second per account for each channel statistics query, 10 for each other API.
    expect(getOperation('list-channels').limits.qps).toEqual([expect.objectContaining({ perSecond: 20 })]);
    expect(getOperation('create-ban-rule').limits.qps).toEqual([expect.objectContaining({ perSecond: 10 })]);
    expect(getOperation('create-channel').limits.qps.map((q) => q.perMinute)).toEqual([100, 500, 1000]);
  });

  it("has the Media Pull page's whole error table", () => {
    for (const id of ['create-cloud-player', 'list-cloud-players', 'update-cloud-player', 'delete-cloud-player']) {
      const rows = getOperation(id).troubleshooting;
      expect(rows.map((r) => r.status)).toEqual([400, 401, 403, 404, 409, 429, 500, 502, 503, 504]);
      expect(rows.filter((r) => r.retry).map((r) => r.status)).toEqual([404, 429, 500, 502, 503, 504]);
      for (const row of rows) expect(row.message && row.cause && row.measures).toBeTruthy();
    }
  });

  it('keys the Cloud Recording codes to statuses', () => {
    const rows = getOperation('start-recording').troubleshooting;
    const codes = Object.fromEntries(rows.filter((r) => r.code !== undefined).map((r) => [r.code, r.status]));
    // Agora's status-code page: 435 (no recorded data) comes with 206, 49 with 400 (a second stop).
    expect(codes).toEqual({ 2: 400, 7: 201, 49: 400, 53: 400, 62: 504, 65: 206, 400: 400, 401: 400, 404: 404, 405: 400, 406: 400, 435: 206, 502: 500 });
  });

  it('uses the general and Media Pull back-off schedules', () => {
    expect(getOperation('acquire').retry).toMatchObject({
      schedule: 'general',
      delaysMs: [[1000, 1000], [3000, 3000], [6000, 6000]],
      retryStatuses: [429, 500, 502, 503, 504],
      safeToRepeat: false,
    });
    expect(getOperation('list-cloud-players').retry).toMatchObject({
      schedule: 'media-pull',
      delaysMs: [[5000, 6000], [10000, 11000], [15000, 16000]],
      retryStatuses: [404, 429, 500, 502, 503, 504],
    });
    expect(getOperation('start-recording').retry.notes?.[0]).toMatch(/3, 6 and 9 seconds/);
  });

  it('lets a Media Pull create be repeated only when it carries a name', () => {
    const create = getOperation('create-cloud-player');
    expect(create.retry).toMatchObject({ safeToRepeat: true, safeToRepeatWhen: 'player.name' });
    expect(isSafeToRepeat(create, { player: { name: 'show68' } })).toBe(true);
    expect(isSafeToRepeat(create, { player: { uid: 1 } })).toBe(false);
    expect(isSafeToRepeat(create, undefined)).toBe(false);
    expect(isSafeToRepeat(getOperation('acquire'), { cname: 'demo' })).toBe(false);
    expect(isSafeToRepeat(getOperation('delete-cloud-player'), undefined)).toBe(true);
  });

  it('lets a Media Push create be repeated only when it carries a name', () => {
    const create = getOperation('create-converter');
    expect(create.retry).toMatchObject({ safeToRepeat: true, safeToRepeatWhen: 'converter.name' });
    expect(isSafeToRepeat(create, { converter: { name: 'demo_vertical' } })).toBe(true);
    expect(isSafeToRepeat(create, { converter: { rtmpUrl: 'rtmp://example.agora.io/live/demo' } })).toBe(false);
    expect(isSafeToRepeat(getOperation('delete-converter'), undefined)).toBe(true);
  });

  it('lists every create that may be repeated: Media Pull and Media Push by name, STT join, Conversational AI join (a unique name), update and leave', () => {
    expect(listOperations().filter((op) => op.retry.safeToRepeat).map((op) => op.id)).toEqual([
      'create-cloud-player',
      'create-converter',
      'start-stt-agent',
      'start-agent',
      'agent-update',
      'stop-agent',
    ]);
  });
});

describe('servers and failover', () => {
  const servers = allServers();

  it('has both primary domains and 16 regional domains', () => {
    expect(servers.length).toBe(18);
    expect(servers.filter((s) => s.role === 'primary').map((s) => s.host)).toEqual(['api.agora.io', 'api.sd-rtn.com']);
    for (const s of servers) expect(s.url).toBe(`https://${s.host}`);
    for (const s of servers.filter((x) => x.role === 'regional')) expect(s.host).toBe(`api-${s.region}.${s.family}`);
  });

  it('alternates are symmetric and cross the family, same role and region', () => {
    for (const s of servers) {
      const alternate = findServer(s.alternate!);
      expect(alternate, s.host).toBeDefined();
      expect(alternate!.alternate).toBe(s.host);
      expect(alternate!.family).not.toBe(s.family);
      expect(alternate!.role).toBe(s.role);
      expect(alternate!.region).toBe(s.region);
    }
  });

  it('adjacent regions are symmetric pairs in the same family', () => {
    const pairs = new Set(['us-west-1|us-east-1', 'ap-southeast-1|ap-northeast-1', 'eu-west-1|eu-central-1', 'cn-east-1|cn-north-1']);
    for (const s of servers) {
      if (s.role === 'primary') {
        expect(s.adjacent).toBeUndefined();
        continue;
      }
      const adjacent = findServer(s.adjacent!)!;
      expect(adjacent.adjacent).toBe(s.host);
      expect(adjacent.family).toBe(s.family);
      expect(pairs.has(`${s.region}|${adjacent.region}`) || pairs.has(`${adjacent.region}|${s.region}`)).toBe(true);
    }
  });

  it('finds servers by host or URL, and nothing else', () => {
    expect(findServer('api.sd-rtn.com')?.label).toBe('Primary (mainland China)');
    expect(findServer('https://api-eu-central-1.agora.io/')?.region).toBe('eu-central-1');
    expect(findServer('API.AGORA.IO')?.host).toBe('api.agora.io');
    expect(findServer('evil.example.com')).toBeUndefined();
    expect(findServer('api.agora.io.evil.com')).toBeUndefined();
  });
});

describe('matchOperation', () => {
  const app = '0123456789abcdef0123456789abcdef';
  it('routes a request path to its operation with decoded parameters', () => {
    expect(matchOperation('POST', `/v1/apps/${app}/cloud_recording/acquire`)?.operation.id).toBe('acquire');
    expect(matchOperation('get', `/dev/v1/channel/user/property/${app}/123/my%20room`)).toMatchObject({
      operation: { id: 'get-user-status' },
      params: { appid: app, uid: '123', channelName: 'my room' },
    });
    expect(matchOperation('PATCH', `/eu/v1/projects/${app}/cloud-player/players/p1`)?.params).toEqual({ region: 'eu', appId: app, playerid: 'p1' });
    expect(matchOperation('GET', `/v1/projects/${app}/cloud-player/players`)?.operation.id).toBe('list-cloud-players');
    expect(matchOperation('GET', `/v1/projects/${app}/channels/demo`)?.operation.id).toBe('get-channel');
  });

  it('matches nothing for a wrong method, unknown path or bad encoding', () => {
    expect(matchOperation('GET', `/v1/apps/${app}/cloud_recording/acquire`)).toBeUndefined();
    expect(matchOperation('POST', '/v1/unknown')).toBeUndefined();
    expect(matchOperation('GET', `/dev/v1/channel/user/${app}/%E0%A4%A`)).toBeUndefined();
    expect(matchOperation('GET', `/dev/v1/channel/user/${app}/a/b`)).toBeUndefined();
  });
});
