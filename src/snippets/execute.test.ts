/**
 * Execution: every catalog operation's default request (exactly what its
 * tester sends), turned into every target's snippet (cURL, JavaScript, Python
 * and the two production variants) and run for real against the sandbox on a
 * local port. Operations run in
 * catalog order, so stateful calls find what the earlier ones created (acquire
 * before start, create before update). Each target gets its own sandbox, so the
 * chains run in parallel without sharing state or QPS windows. Retries and
 * failover are exercised in production.test.ts.
 */
import { listOperations, operationIds } from '../catalog';
import { defaultRequest } from '../request/build';
import { createSandbox, DEMO } from '../sandbox';
import { executionOverrides, type ExecutionChain } from './fixtures';
import { generateSnippet, SNIPPET_TARGETS, type SnippetTarget } from './index';
import { assertPythonRequests, cleanUpSnippetFiles, describeRun, runSnippet } from './testing/runSnippet';
import { secretEnv } from './testing/secretEnv';
import { serve } from './testing/server';

const PORTS: Record<SnippetTarget, number> = {
  curl: 3141,
  javascript: 3142,
  python: 3143,
  'javascript-production': 3147,
  'python-production': 3148,
};
const ENV_VARS = { AGORA_CUSTOMER_ID: DEMO.customerId, AGORA_CUSTOMER_SECRET: DEMO.customerSecret, AGORA_TOKEN: DEMO.token };

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Per operation: what the response must contain, and what the chain keeps from it. */
const CHECKS: Record<string, (body: Json, state: ExecutionChain) => void> = {
  'create-channel': (b) => expect(b.data?.resourceId).toEqual(expect.any(String)),
  'get-channel': (b) => expect(b).toBeTypeOf('object'),
  acquire: (b, s) => {
    expect(b.resourceId).toEqual(expect.any(String));
    s.resourceId = b.resourceId;
  },
  'start-recording': (b, s) => {
    expect(b.resourceId).toBe(s.resourceId);
    expect(b.sid).toEqual(expect.any(String));
    s.sid = b.sid;
  },
  'query-recording': (b, s) => expect(b.sid).toBe(s.sid),
  'update-recording': (b, s) => expect(b.sid).toBe(s.sid),
  'update-layout': (b, s) => expect(b.sid).toBe(s.sid),
  'stop-recording': (b, s) => expect(b.sid).toBe(s.sid),
  'query-recording-ncs-ips': (b) => expect(b.data?.service?.hosts).toEqual(expect.any(Array)),
  'list-channels': (b) => expect(b.data?.channels).toEqual(expect.any(Array)),
  'list-channel-users': (b) => expect(b.data?.channel_exist).toBe(true),
  'list-channel-hosts': (b) => expect(b.data?.broadcasters).toEqual(expect.any(Array)),
  'get-user-status': (b) => expect(b.data?.in_channel).toBe(true),
  'create-ban-rule': (b, s) => {
    expect(b.id).toEqual(expect.any(Number));
    s.banRuleId = b.id;
  },
  'list-ban-rules': (b, s) => expect(b.rules?.map((rule: Json) => rule.id)).toContain(s.banRuleId),
  'update-ban-rule': (b, s) => expect(b.result?.id).toBe(s.banRuleId),
  'delete-ban-rule': (b, s) => expect(b.id).toBe(s.banRuleId),
  'query-channel-ncs-ips': (b) => expect(b.data?.service?.hosts).toEqual(expect.any(Array)),
  'create-cloud-player': (b, s) => {
    expect(b.player?.id).toEqual(expect.any(String));
    s.playerId = b.player.id;
  },
  'list-cloud-players': (b, s) => expect(b.players?.map((player: Json) => player.id)).toContain(s.playerId),
  'update-cloud-player': (b) => expect(b).toBeTypeOf('object'),
  'delete-cloud-player': (b) => expect(b).toBeTypeOf('object'),
  'acquire-cloud-transcoding-builder-token': (b, s) => {
    expect(b.tokenName).toEqual(expect.any(String));
    s.builderToken = b.tokenName;
  },
  'create-cloud-transcoding-task': (b, s) => {
    expect(b.status).toBe('STARTED');
    expect(b.taskId).toEqual(expect.any(String));
    s.transcodingTaskId = b.taskId;
  },
  'query-cloud-transcoding-task': (b, s) => expect(b.taskId).toBe(s.transcodingTaskId),
  'update-cloud-transcoding-task': (b) => expect(b).toEqual({}),
  'destroy-cloud-transcoding-task': (b, s) => expect(b).toMatchObject({ taskId: s.transcodingTaskId, status: 'STOPPED' }),
  'create-or-update-transcoding-template': (b) => expect(b.status).toBe('success'),
  'query-transcoding-templates': (b) => expect(b.data?.codecs?.map((codec: Json) => codec.id)).toContain('hd720'),
  'start-stt-agent': (b, s) => {
    expect(b).toMatchObject({ agent_id: expect.any(String), status: 'RUNNING' });
    s.agentId = b.agent_id;
  },
  'list-stt-agents': (b, s) => expect(b.data?.list?.map((agent: Json) => agent.agent_id)).toContain(s.agentId),
  'query-stt-agent': (b, s) => expect(b).toMatchObject({ agent_id: s.agentId, status: 'RUNNING' }),
  'update-stt-agent': (b, s) => expect(b).toMatchObject({ agent_id: s.agentId, status: 'RUNNING' }),
  'stop-stt-agent': (b) => expect(b).toEqual({}),
  'create-converter': (b, s) => {
    expect(b.converter?.id).toEqual(expect.any(String));
    expect(b.converter?.state).toBe('connecting');
    s.converterId = b.converter.id;
  },
  'list-converters': (b, s) => expect(b.data?.members?.map((member: Json) => member.converterId)).toContain(s.converterId),
  'list-channel-converters': (b, s) => expect(b.data?.members?.map((member: Json) => member.converterId)).toContain(s.converterId),
  'query-converter': (b, s) => expect(b.converter?.id).toBe(s.converterId),
  'update-converter': (b, s) => expect(b.converter?.id).toBe(s.converterId),
  'delete-converter': (b) => expect(b).toBeTypeOf('object'),
  'start-agent': (b, s) => {
    expect(b).toMatchObject({ agent_id: expect.any(String), status: 'RUNNING' });
    s.agentId = b.agent_id;
  },
  'query-agent-status': (b, s) => expect(b).toMatchObject({ agent_id: s.agentId, name: 'support-agent-1', status: 'RUNNING' }),
  'agent-update': (b, s) => expect(b).toMatchObject({ agent_id: s.agentId, status: 'RUNNING' }),
  'agent-speak': (b, s) => expect(b).toMatchObject({ agent_id: s.agentId, channel: 'lobby' }),
  'agent-interrupt': (b, s) => expect(b.agent_id).toBe(s.agentId),
  'agent-think': (b, s) => expect(b.agent_id).toBe(s.agentId),
  // The greeting (user 1002 is in lobby), the speak and the think, oldest first.
  'get-history': (b, s) => {
    expect(b.agent_id).toBe(s.agentId);
    expect(b.contents.map((entry: Json) => entry.role)).toEqual(['assistant', 'assistant', 'user']);
  },
  'get-turns': (b, s) => expect(b).toMatchObject({ agent_id: s.agentId, total_turn_count: 2 }),
  'get-agent-list': (b, s) => expect(b.data?.list?.map((agent: Json) => agent.agent_id)).toContain(s.agentId),
  'stop-agent': (b) => expect(b).toEqual({}),
};

const servers: Array<Awaited<ReturnType<typeof serve>>> = [];
afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
  cleanUpSnippetFiles();
});

async function runChain(target: SnippetTarget): Promise<string[]> {
  // A high plan limit: the chain is one client making a call every ~100 ms. The clock
  // can jump ahead, as a recording must run a few seconds before stop has files to report.
  let skewMs = 0;
  const sandbox = createSandbox({ planLimitPerMinute: 100_000, now: () => Date.now() + skewMs });
  const server = await serve(sandbox.handler, PORTS[target]);
  servers.push(server);
  const state: ExecutionChain = {};
  const executed: string[] = [];
  for (const op of listOperations()) {
    if (op.id === 'stop-recording') skewMs += 30_000;
    // The tester's own default request (formModel.initialForm builds the same; formRequest.test.ts proves it).
    const request = defaultRequest(op, executionOverrides(op, state));
    const code = generateSnippet(target, request, { baseUrl: server.url });
    const run = await runSnippet(target, code, { ...ENV_VARS, ...secretEnv(request) });
    const context = `${op.id}: ${describeRun(target, run)}`;
    expect(run.exitCode, context).toBe(0);
    expect(run.status, context).toBe(200);
    const check = CHECKS[op.id];
    expect(check, `no check for ${op.id}: add one to CHECKS`).toBeDefined();
    try {
      check(JSON.parse(run.body) as Json, state);
    } catch (error) {
      throw new Error(`${context}\n${(error as Error).message}`);
    }
    executed.push(op.id);
  }
  return executed;
}

let executedTotal = 0;

describe('every operation x every target runs against the sandbox', () => {
  beforeAll(async () => {
    await assertPythonRequests();
  });
  afterAll(() => {
    console.log(`execution: ran ${executedTotal} snippets (${operationIds.length} operations x ${SNIPPET_TARGETS.length} targets)`);
  });

  // Concurrent: each target has its own sandbox and port; the chain inside a target is sequential.
  it.concurrent.each(SNIPPET_TARGETS)('%s: every catalog operation', async (target) => {
    const executed = await runChain(target);
    expect(executed).toEqual(operationIds);
    executedTotal += executed.length;
  }, 300_000);
});
