/** Test helpers: a counting fake upstream, a fake clock and envelope requests. */
import { createRelayHandler } from '../core/relay';
import type { RelayLogEntry, RelayOptions, Upstream } from '../core/options';
import { fixtureGetOperation } from './fixtures';

export type FakeUpstream = Upstream & { calls: Request[]; bodies: string[] };

/** An upstream that records every call; answers 200 JSON unless `respond` says otherwise. */
export function fakeUpstream(respond?: (req: Request, call: number) => Response | Promise<Response>): FakeUpstream {
  const calls: Request[] = [];
  const bodies: string[] = [];
  const fn = async (req: Request) => {
    calls.push(req);
    bodies.push(req.body ? await req.clone().text() : '');
    return respond ? respond(req, calls.length) : Response.json({ ok: true }, { headers: { 'x-request-id': req.headers.get('x-request-id') ?? '' } });
  };
  return Object.assign(fn, { calls, bodies });
}

/** A clock that only moves when the relay sleeps; records every wait. */
export function fakeClock(start = 1_700_000_000_000) {
  let t = start;
  const waits: number[] = [];
  return {
    now: () => t,
    sleep: async (ms: number) => {
      waits.push(ms);
      t += ms;
    },
    advance: (ms: number) => {
      t += ms;
    },
    waits,
  };
}

export function makeRelay(overrides: Partial<RelayOptions> = {}) {
  const clock = fakeClock();
  const logs: RelayLogEntry[] = [];
  const live = fakeUpstream();
  const sandbox = fakeUpstream();
  const handler = createRelayHandler({
    getOperation: fixtureGetOperation,
    fetch: live,
    sandbox,
    now: clock.now,
    sleep: clock.sleep,
    random: () => 0.5,
    rateLimit: false,
    logger: { log: (entry) => logs.push(entry) },
    ...overrides,
  });
  return { handler, clock, logs, live: (overrides.fetch as FakeUpstream | undefined) ?? live, sandbox: (overrides.sandbox as FakeUpstream | undefined) ?? sandbox };
}

export interface EnvelopeInit {
  headers?: Record<string, string>;
  method?: string;
  /** Raw body text instead of JSON.stringify(envelope). */
  raw?: string;
}

export function relayRequest(envelope: unknown, init: EnvelopeInit = {}): Request {
  const method = init.method ?? 'POST';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  return new Request('http://relay.test/api/relay', {
    method,
    headers: { 'content-type': 'application/json', host: 'relay.test', 'x-client-ip': '203.0.113.9', ...init.headers },
    body: hasBody ? (init.raw ?? JSON.stringify(envelope)) : undefined,
  });
}

export async function readJson(response: Response): Promise<any> {
  return JSON.parse(await response.text());
}
