/**
 * The production variants, run for real: retries against sandbox faults (the
 * sandbox counts a fault per X-Request-ID, so a retry with the same id
 * succeeds), no blind repeat of POST, Retry-After and the Media Pull schedule,
 * and domain failover between local echo servers.
 */
import { getOperation } from '../catalog';
import { defaultRequest, type RequestOverrides } from '../request/build';
import { createSandbox, DEMO } from '../sandbox';
import { generateSnippet, type SnippetOptions, type SnippetTarget } from './index';
import { echoHandler, type Echo } from './testing/echo';
import { secretEnv } from './testing/secretEnv';
import { assertPythonRequests, cleanUpSnippetFiles, describeRun, inParallel, runSnippet, type SnippetRun } from './testing/runSnippet';
import { serve } from './testing/server';

const TARGETS: SnippetTarget[] = ['javascript-production', 'python-production'];
const ENV_VARS = { AGORA_CUSTOMER_ID: DEMO.customerId, AGORA_CUSTOMER_SECRET: DEMO.customerSecret, AGORA_TOKEN: DEMO.token };
const SANDBOX_PORT = 3144;
const ALTERNATE_PORT = 3145;
const ADJACENT_PORT = 3146;
/** Nothing listens here: connections are refused. */
const CLOSED_PORT = 3149;

const servers: Array<Awaited<ReturnType<typeof serve>>> = [];
let sandboxUrl = '';

beforeAll(async () => {
  await assertPythonRequests();
  const sandbox = createSandbox({ planLimitPerMinute: 100_000 });
  servers.push(await serve(sandbox.handler, SANDBOX_PORT));
  sandboxUrl = servers[0].url;
  servers.push(await serve(echoHandler, ALTERNATE_PORT), await serve(echoHandler, ADJACENT_PORT));
});
afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
  cleanUpSnippetFiles();
});

interface Case {
  name: string;
  operationId: string;
  /** Per target, so the two targets never collide on a name in the shared sandbox. */
  overrides?: RequestOverrides | ((target: SnippetTarget) => RequestOverrides);
  options?: () => Partial<SnippetOptions>;
  /** What the run must show. */
  expect: (run: SnippetRun, elapsedMs: number) => void;
}

const ok = (field: string) => (run: SnippetRun) => {
  expect(run.status).toBe(200);
  expect(JSON.parse(run.body)[field]).toBeDefined();
};

const fault = (value: string): RequestOverrides => ({ headers: { 'X-Sandbox-Fault': value } });

/** Which echo server answered (by its port in the Host header). */
const answeredBy = (port: number) => (run: SnippetRun) => {
  expect(run.status).toBe(200);
  expect((JSON.parse(run.body) as Echo).headers.host).toBe(`127.0.0.1:${port}`);
};

const CASES: Case[] = [
  { name: 'plain POST', operationId: 'acquire', expect: ok('resourceId') },
  {
    name: 'GET retried after a 503, honouring Retry-After: 1',
    operationId: 'list-channels',
    overrides: fault('503'),
    expect: (run, elapsed) => {
      ok('data')(run);
      expect(elapsed).toBeGreaterThanOrEqual(1000);
    },
  },
  {
    name: 'GET retried after a connection reset',
    operationId: 'list-ban-rules',
    overrides: fault('reset'),
    expect: ok('rules'),
  },
  {
    name: 'POST not repeated after a 503 (it may have been processed)',
    operationId: 'acquire',
    overrides: fault('503'),
    expect: (run) => expect(run.status).toBe(503),
  },
  {
    name: 'POST not repeated after a reset: the error is raised',
    operationId: 'acquire',
    overrides: fault('reset'),
    expect: (run) => {
      expect(run.exitCode).not.toBe(0);
      expect(run.status).toBeNaN();
    },
  },
  {
    name: 'POST retried after a 429 (refused before processing)',
    operationId: 'acquire',
    overrides: fault('429'),
    expect: ok('resourceId'),
  },
  {
    name: 'named Media Pull create is safe to repeat: retried on the 5-6 s schedule',
    operationId: 'create-cloud-player',
    overrides: (target) => ({
      ...fault('503'),
      body: { player: { streamUrl: 'rtmp://example.agora.io/live/x', channelName: 'demo', uid: 0, name: `prod-${target}` } },
    }),
    expect: (run, elapsed) => {
      ok('player')(run);
      expect(elapsed).toBeGreaterThanOrEqual(5000);
    },
  },
  {
    name: 'DNS failure on the primary: retry, then the alternate domain',
    operationId: 'acquire',
    options: () => ({
      baseUrl: `http://primary.invalid:${ALTERNATE_PORT}`,
      failover: { alternate: `http://127.0.0.1:${ALTERNATE_PORT}`, adjacent: `http://127.0.0.1:${ADJACENT_PORT}` },
    }),
    expect: answeredBy(ALTERNATE_PORT),
  },
  {
    name: 'refused connection on the primary: skip the alternate, go to the adjacent domain',
    operationId: 'list-channels',
    options: () => ({
      baseUrl: `http://127.0.0.1:${CLOSED_PORT}`,
      failover: { alternate: `http://127.0.0.1:${ALTERNATE_PORT}`, adjacent: `http://127.0.0.1:${ADJACENT_PORT}` },
    }),
    expect: answeredBy(ADJACENT_PORT),
  },
];

describe('production variants', () => {
  it(`run ${CASES.length} cases x ${TARGETS.length} targets for real`, async () => {
    const jobs = CASES.flatMap((testCase) =>
      TARGETS.map((target) => async () => {
        const overrides = typeof testCase.overrides === 'function' ? testCase.overrides(target) : testCase.overrides;
        const request = defaultRequest(getOperation(testCase.operationId), overrides);
        const code = generateSnippet(target, request, { baseUrl: sandboxUrl, ...testCase.options?.() });
        const started = Date.now();
        const run = await runSnippet(target, code, { ...ENV_VARS, ...secretEnv(request) });
        return { testCase, target, run, elapsed: Date.now() - started };
      }),
    );
    const results = await inParallel(jobs, 6);
    // Report every failing case at once, each with its code and output.
    const failures: string[] = [];
    for (const { testCase, target, run, elapsed } of results) {
      try {
        testCase.expect(run, elapsed);
      } catch (error) {
        failures.push(`${testCase.name}: ${(error as Error).message}\n${describeRun(target, run)}`);
      }
    }
    expect(failures.join('\n\n')).toBe('');
    console.log(`production variants: executed ${results.length} snippets`);
  }, 180_000);
});
