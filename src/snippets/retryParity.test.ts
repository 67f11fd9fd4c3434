/**
 * Differential test of the one retry policy: for every catalog operation and
 * every fault the sandbox can inject, once ("fails, then succeeds") and for
 * good ("always fails"), the relay and the generated production snippet must
 * make the same attempts: the same host, then the same status or failure kind,
 * in the same order.
 *
 * Both sides get a fresh sandbox per case, so state (a 409 on a second create,
 * a 404 for a player that is gone) is the same for both. The relay runs
 * in-process with the sandbox behind it, exactly as its Sandbox environment
 * does. The snippet runs with node (or python3) against the same kind of
 * sandbox on three local servers, one per failover stage, so its failover shows
 * in the URLs it reports on stderr.
 *
 * `X-Sandbox-Down` (the `down` fault) makes hosts fail as DNS would: the
 * in-process relay meets ENOTFOUND. Over HTTP the sandbox could only drop the
 * connection, which a client sees as a reset, so the snippet's URL for a down
 * host is an unresolvable `.invalid` name instead: a real DNS failure.
 *
 * Only time is shrunk, on both sides alike: each attempt is limited to
 * ATTEMPT_MS (so the `timeout` fault is seen as a timeout), back-off is scaled
 * to milliseconds, and the sandbox's `Retry-After: 1` is rewritten to 0. The
 * comparison is of attempts, never of times.
 */
import { listOperations } from '../catalog';
import { planRetries, type RetryPlan } from '../catalog/retryPolicy';
import type { OperationModel, RetryPolicy } from '../catalog/types';
import { toEnvelope } from '../components/AgoraApiTester/envelope';
import type { RelayAttempt } from '../relay/contract';
import { makeRelay, readJson, relayRequest } from '../relay/testing/harness';
import type { ApiRequest, Credentials } from '../request/apiRequest';
import { defaultRequest } from '../request/build';
import { createSandbox, DEMO, type Sandbox } from '../sandbox';
import { FAULT_KINDS, type FaultKind } from '../sandbox/faults';
import { executionOverrides, type ExecutionChain } from './fixtures';
import { generateSnippet, type SnippetTarget } from './index';
import { secretEnv } from './testing/secretEnv';
import { assertPythonRequests, cleanUpSnippetFiles, describeRun, inParallel, runSnippet, type SnippetRun } from './testing/runSnippet';
import { serve } from './testing/server';

/** Long enough for any real answer on a busy machine, short enough to keep `timeout` cases quick. */
const ATTEMPT_MS = 800;
const ENV_VARS = { AGORA_CUSTOMER_ID: DEMO.customerId, AGORA_CUSTOMER_SECRET: DEMO.customerSecret, AGORA_TOKEN: DEMO.token };
const CHAIN: ExecutionChain = { resourceId: 'parity-resource', sid: 'parity-sid', banRuleId: 1, playerId: 'parity-player' };
const DURATIONS = ['once', 'always'] as const;
type Duration = (typeof DURATIONS)[number];

/** One attempt as both sides can report it: the catalog host, then a status or a failure kind. */
interface Attempt {
  host: string;
  outcome: number | string;
}

interface Case {
  key: string;
  op: OperationModel;
  fault: FaultKind;
  duration: Duration;
  request: ApiRequest;
  /** The policy's plan as the snippet gets it (shrunk times), for the hosts of each stage. */
  plan: RetryPlan;
  retry: RetryPolicy;
  /** Catalog hosts made unresolvable for this case (the `down` fault). */
  down: string[];
}

const servers: Array<Awaited<ReturnType<typeof serve>>> = [];
/** The snippet side's sandbox of each case, by its base path. */
const caseSandboxes = new Map<string, Sandbox>();

/** Rewrite `Retry-After` to 0: the snippets really sleep, and the comparison is of attempts, not times. */
function retryAfterZero(handler: (request: Request) => Promise<Response>) {
  return async (request: Request): Promise<Response> => {
    const response = await handler(request);
    if (!response.headers.has('retry-after')) return response;
    const headers = new Headers(response.headers);
    headers.set('retry-after', '0');
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  };
}

const freshSandbox = (basePath = '') => createSandbox({ basePath, planLimitPerMinute: 1_000_000 });

/** Back-off scaled from seconds to milliseconds, keeping the shape of each schedule. */
function shrunk(policy: RetryPolicy): RetryPolicy {
  const delaysMs = policy.delaysMs.map(([min, max]) => [Math.round(min / 1000), Math.round(max / 1000)] as [number, number]);
  return { ...policy, delaysMs, attemptTimeoutMs: ATTEMPT_MS };
}

function credentialsFor(op: OperationModel): Credentials {
  return op.security[0] === 'bearer' ? { kind: 'bearer', token: DEMO.token } : { kind: 'basic', customerId: DEMO.customerId, customerSecret: DEMO.customerSecret };
}

function buildCases(): Case[] {
  const cases: Case[] = [];
  for (const op of listOperations()) {
    for (const fault of FAULT_KINDS) {
      for (const duration of DURATIONS) {
        const retry = shrunk(op.retry);
        // Ids an earlier call would have returned; unknown to a fresh sandbox, so both sides get the same 404s.
        const base = defaultRequest(op, executionOverrides(op, CHAIN));
        const plan = planRetries({ ...op, retry }, base.server, base.body);
        const stageHosts = [...new Set(Object.values(plan.hosts).filter((host): host is string => host !== null))];
        // `down` is the DNS-like failure: the primary only (the alternate answers), or every host of the plan.
        const down = fault === 'down' ? (duration === 'once' ? [base.server] : stageHosts) : [];
        const header: Record<string, string> =
          fault === 'down' ? { 'X-Sandbox-Down': down.join(',') } : { 'X-Sandbox-Fault': `${fault};times=${duration === 'once' ? 1 : 100}` };
        const request = { ...base, headers: { ...base.headers, ...header } };
        cases.push({ key: `case-${cases.length}`, op, fault, duration, request, plan, retry, down });
      }
    }
  }
  return cases;
}

async function relayAttempts(testCase: Case): Promise<{ attempts: Attempt[]; answered: boolean }> {
  const sandbox = freshSandbox();
  const { handler } = makeRelay({
    getOperation: () => testCase.op,
    sandbox: retryAfterZero(sandbox.handler),
    limits: { attemptTimeoutMs: ATTEMPT_MS },
  });
  const envelope = toEnvelope(testCase.request, { environment: 'sandbox', credentials: credentialsFor(testCase.op) });
  const response = await handler(relayRequest(envelope));
  const body = (await readJson(response)) as { attempts?: RelayAttempt[] };
  const attempts = (body.attempts ?? []).map((a) => ({ host: a.host, outcome: a.status ?? a.error?.kind ?? 'none' }));
  return { attempts, answered: response.status === 200 };
}

/** The snippet's base URL per catalog host: one local server per stage, an unresolvable name for a host that is down. */
function snippetUrls(testCase: Case): Map<string, string> {
  const urls = new Map<string, string>();
  const { hosts } = testCase.plan;
  [hosts.primary, hosts.alternate, hosts.adjacent].forEach((host, index) => {
    if (host === null) return;
    // `.invalid` never resolves (RFC 6761), so the snippet meets a real DNS failure, as the relay does in the sandbox.
    const base = testCase.down.includes(host) ? `http://down.${host}.invalid:${servers[index].port}` : servers[index].url;
    urls.set(host, `${base}/${testCase.key}`);
  });
  return urls;
}

const LINE = /^(\S+): (\d{3}|dns|connect|reset|timeout) \(attempt \d+ of \d+\); (?:retrying on (\S+) in [\d.]+ s|giving up|not repeated: .+)$/;

async function snippetAttempts(testCase: Case, target: SnippetTarget): Promise<{ attempts: Attempt[]; answered: boolean; run: SnippetRun }> {
  const urls = snippetUrls(testCase);
  const hostOf = new Map([...urls].map(([host, url]) => [url, host]));
  const url = (host: string | null) => (host === null ? null : (urls.get(host) ?? null));
  const { hosts } = testCase.plan;
  const primary = url(hosts.primary);
  if (!primary) throw new Error(`${testCase.op.id}: the plan has no primary host.`);
  caseSandboxes.set(`/${testCase.key}`, freshSandbox(`/${testCase.key}`));
  const code = generateSnippet(target, testCase.request, {
    baseUrl: primary,
    failover: { alternate: url(hosts.alternate), adjacent: url(hosts.adjacent) },
    retry: testCase.retry,
  });
  const run = await runSnippet(target, code, { ...ENV_VARS, ...secretEnv(testCase.request) });
  caseSandboxes.delete(`/${testCase.key}`);

  const attempts: Attempt[] = [];
  let next: string | undefined = primary;
  for (const line of run.stderr.split('\n')) {
    const match = LINE.exec(line.trim());
    if (!match) continue;
    const [, at, outcome, retryingOn] = match;
    attempts.push({ host: hostOf.get(at) ?? at, outcome: /^\d+$/.test(outcome) ? Number(outcome) : outcome });
    next = retryingOn;
  }
  const answered = run.exitCode === 0 && Number.isFinite(run.status);
  // The answer that ended the call is reported on stdout only; it went where the last line said.
  if (answered && next !== undefined) attempts.push({ host: hostOf.get(next) ?? next, outcome: run.status });
  return { attempts, answered, run };
}

/** The first outcome the fault must produce on the relay side, so a broken fault cannot make the test pass vacuously. */
function faultOutcome(fault: FaultKind): number | string {
  if (fault === 'down') return 'dns';
  return /^\d+$/.test(fault) ? Number(fault) : fault;
}

const CASES = buildCases();
const relayResults = new Map<string, Promise<{ attempts: Attempt[]; answered: boolean }>>();
const relayFor = (testCase: Case) => {
  let result = relayResults.get(testCase.key);
  if (!result) relayResults.set(testCase.key, (result = relayAttempts(testCase)));
  return result;
};

/**
 * Compare both sides for `cases`; returns a readable report of every disagreement.
 * An "always" case whose "once" sibling ended after one attempt is not run again as a snippet:
 * the first attempt meets the same fault either way, and the "once" run already showed the
 * snippet stops there (had it retried, its second attempt would have differed from the relay's).
 */
async function compare(cases: Case[], target: SnippetTarget): Promise<{ mismatches: string[]; relay: Array<{ attempts: Attempt[] }>; snippets: number }> {
  const relay = await Promise.all(cases.map(relayFor));
  const single = new Set(cases.filter((c, i) => c.duration === 'once' && relay[i].attempts.length === 1).map((c) => `${c.op.id} ${c.fault}`));
  const mismatches: string[] = [];
  const toRun: Array<{ testCase: Case; relay: { attempts: Attempt[]; answered: boolean } }> = [];
  cases.forEach((testCase, index) => {
    const name = `${testCase.op.id} ${testCase.fault} ${testCase.duration}`;
    if (relay[index].attempts[0]?.outcome !== faultOutcome(testCase.fault)) {
      mismatches.push(`${name}: the relay never saw the fault: ${JSON.stringify(relay[index].attempts)}`);
    } else if (!(testCase.duration === 'always' && single.has(`${testCase.op.id} ${testCase.fault}`) && relay[index].attempts.length === 1)) {
      toRun.push({ testCase, relay: relay[index] });
    }
  });
  const snippets = await inParallel(
    toRun.map(({ testCase }) => () => snippetAttempts(testCase, target)),
    4,
  );
  toRun.forEach(({ testCase, relay: expected }, index) => {
    const snippet = snippets[index];
    if (JSON.stringify(expected.attempts) === JSON.stringify(snippet.attempts) && expected.answered === snippet.answered) return;
    const detail = mismatches.length < 3 ? `\n${describeRun(target, snippet.run)}` : '';
    mismatches.push(
      `${testCase.op.id} ${testCase.fault} ${testCase.duration}:\n  relay   ${JSON.stringify(expected.attempts)} answered=${expected.answered}\n` +
        `  snippet ${JSON.stringify(snippet.attempts)} answered=${snippet.answered}${detail}`,
    );
  });
  return { mismatches, relay, snippets: toRun.length };
}

beforeAll(async () => {
  await assertPythonRequests();
  // One handler for the three stage servers: the first path segment names the case's sandbox.
  const dispatch = async (request: Request): Promise<Response> => {
    const prefix = `/${new URL(request.url).pathname.split('/')[1] ?? ''}`;
    const sandbox = caseSandboxes.get(prefix);
    if (!sandbox) return new Response(`No case is running at ${prefix}.`, { status: 418 });
    return retryAfterZero(sandbox.handler)(request);
  };
  for (let stage = 0; stage < 3; stage++) servers.push(await serve(dispatch, 0));
});
afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
  cleanUpSnippetFiles();
});

describe('one retry policy: relay and production snippets make the same attempts', () => {
  it(`JavaScript, every operation x ${FAULT_KINDS.length} faults x once/always`, async () => {
    const started = Date.now();
    const { mismatches, relay, snippets } = await compare(CASES, 'javascript-production');
    expect(mismatches.join('\n\n')).toBe('');
    // Guard against a vacuous pass: the matrix must show every stage, both limits and unrepeated calls.
    const hosts = new Set(relay.flatMap((r) => r.attempts.map((a) => a.host)));
    expect([...hosts].sort()).toEqual(['api-us-east-1.agora.io', 'api.agora.io', 'api.sd-rtn.com']);
    expect(new Set(relay.map((r) => r.attempts.length))).toEqual(new Set([1, 2, 3, 4]));
    console.log(`retry parity: ${CASES.length} cases, ${snippets} JavaScript snippets run, all agree with the relay (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }, 240_000);

  it(`Python, every operation x ${FAULT_KINDS.length} faults x once/always`, async () => {
    const started = Date.now();
    const { mismatches, snippets } = await compare(CASES, 'python-production');
    expect(mismatches.join('\n\n')).toBe('');
    console.log(`retry parity: ${CASES.length} cases, ${snippets} Python snippets run, all agree with the relay (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }, 240_000);
});
