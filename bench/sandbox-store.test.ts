/**
 * The state benchmark's helpers, checked fast (no timing): the creates it sends
 * must be ones the real sandbox accepts and that add state, or its figures
 * would measure 400s instead of growth.
 */
import { createSandbox } from '../src/sandbox/index';
import { issueProject } from '../src/sandbox/testing';
import { MemoryStore } from '../src/sandbox/store/memory';
import { clientIp, createCall, CREATE_KINDS, formatTable, keyKind, kindFor, parseArgs, pool } from './sandbox-store';

describe('sandbox state benchmark helpers', () => {
  it('sends creates the sandbox accepts, each adding to the project', async () => {
    const store = new MemoryStore();
    const sandbox = createSandbox({ store });
    const project = await issueProject(sandbox);
    const sizes: number[] = [];
    for (const [round, kind] of CREATE_KINDS.entries()) {
      const call = createCall(kind, project.appId, round);
      const response = await sandbox.handler(
        new Request(`https://api.agora.io${call.path}`, {
          method: 'POST',
          headers: { Authorization: project.basic, 'Content-Type': 'application/json' },
          body: JSON.stringify(call.body),
        }),
      );
      expect({ kind, status: response.status, body: await response.text() }).toMatchObject({ kind, status: 200 });
      sizes.push((await store.get(`proj:${project.appId}`))!.length);
    }
    expect(sizes[1]).toBeGreaterThan(sizes[0]);
    expect(sizes[2]).toBeGreaterThan(sizes[1]);
  });

  it('mixes the kinds in every round and gives each project every kind', () => {
    const round0 = new Set(Array.from({ length: 3 }, (_, index) => kindFor(index, 0)));
    expect(round0).toEqual(new Set(CREATE_KINDS));
    const oneProject = new Set(Array.from({ length: 3 }, (_, round) => kindFor(7, round)));
    expect(oneProject).toEqual(new Set(CREATE_KINDS));
  });

  it('gives every visitor its own address', () => {
    const addresses = new Set(Array.from({ length: 70_000 }, (_, index) => clientIp(index)));
    expect(addresses.size).toBe(70_000);
    expect(clientIp(65_537)).toBe('10.1.0.1');
  });

  it('reads its flags and refuses unknown ones with the usage', () => {
    expect(parseArgs([])).toEqual({ projects: 10_000, createsPerProject: 10, concurrency: 32, redis: false });
    expect(parseArgs(['--projects', '20000', '--creates-per-project', '5', '--max-keys', '100', '--redis'])).toMatchObject({
      projects: 20_000,
      createsPerProject: 5,
      maxKeys: 100,
      redis: true,
    });
    expect(() => parseArgs(['--projects', '0'])).toThrow(/whole number.*\n.*Usage/);
    expect(() => parseArgs(['--fast'])).toThrow(/Unknown option "--fast"/);
  });

  it('names a key by its first segment, after the store prefix', () => {
    expect(keyKind('acct:abc')).toBe('acct');
    expect(keyKind('pre:fix:qps:app:rule', 'pre:fix:')).toBe('qps');
  });

  it('keeps at most `concurrency` tasks in flight and runs each once', async () => {
    let inFlight = 0;
    let most = 0;
    const seen: number[] = [];
    await pool(50, 4, async (index) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setImmediate(resolve));
      seen.push(index);
      inFlight -= 1;
    });
    expect(most).toBe(4);
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it('aligns the table: names left, figures right', () => {
    expect(formatTable(['phase', 'keys'], [['before', 0], ['after', 12345]]).split('\n')).toEqual(['phase    keys', 'before      0', 'after   12345']);
  });
});
