import { defineSlice } from './family';
import { PlanLimiter, QpsLimiter } from './limits';
import { createProject, decodeProject, encodeProject, sweepProject, TTL } from './project';
import { ProjectRepository } from './state';
import { MemoryStore } from './store/memory';
import { APP } from './testing';

/** A family slice for engine tests: a list that starts with one seeded item. */
const notes = defineSlice<string[]>('notes', { create: () => ['seed'], sweep: () => {} });

describe('a project', () => {
  it('survives the store: channels, users and slice Maps come back as Maps', () => {
    const ledger = defineSlice<{ byId: Map<number, { n: number }> }>('ledger', { create: () => ({ byId: new Map([[7, { n: 1 }]]) }), sweep: () => {} });
    const project = createProject(APP, [notes, ledger], 0);
    const back = decodeProject(encodeProject(project));
    expect(back.channels.get('demo')?.users.get('123')).toMatchObject({ uid: 123, role: 1 });
    expect(ledger.of(back).byId).toBeInstanceOf(Map);
    expect(ledger.of(back).byId.get(7)).toEqual({ n: 1 });
    expect(notes.of(back)).toEqual(['seed']);
    expect(encodeProject(back)).toBe(encodeProject(project));
  });

  it('writes Maps as {"$map": entries} wherever they sit, and reads them back without touching what is not a Map', () => {
    const ledger = defineSlice<{ runs: Array<{ tags: Map<string, Map<string, number>> }>; note: string }>('ledger', {
      create: () => ({ runs: [{ tags: new Map([['a', new Map([['b', 1]])]]) }], note: 'plain' }),
      sweep: () => {},
    });
    const project = createProject(APP, [ledger], 0);
    const text = encodeProject(project);
    expect(JSON.parse(text).slices.$map[0][1]).toEqual({ runs: [{ tags: { $map: [['a', { $map: [['b', 1]] }]] } }], note: 'plain' });
    // Encoding copies what leads to a Map and leaves the project itself as it was.
    expect(ledger.of(project).runs[0].tags).toBeInstanceOf(Map);
    const back = ledger.of(decodeProject(text));
    expect(back.runs[0].tags.get('a')).toEqual(new Map([['b', 1]]));
    expect(back.note).toBe('plain');
  });

  it('keeps a "__proto__" key a reader sent as a plain key, through the store and back', () => {
    const kept = defineSlice<{ body: Record<string, unknown> }>('kept', {
      create: () => ({ body: JSON.parse('{"__proto__": {"polluted": true}, "n": 1}') }),
      sweep: () => {},
    });
    const project = createProject(APP, [kept], 0);
    kept.of(project).body.list = new Map([['x', 1]]);
    const back = kept.of(decodeProject(encodeProject(project))).body;
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect(Object.getOwnPropertyNames(back)).toEqual(['__proto__', 'n', 'list']);
    expect(back.list).toEqual(new Map([['x', 1]]));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('sweeps family slices before emptying channels, so a leaving user is counted', () => {
    const leaver = defineSlice<{ until: number }>('leaver', {
      create: (project, now) => {
        project.channels.set('solo', { name: 'solo', createdAt: now, users: new Map([['7', { uid: 7, role: 1, platform: 6, join: 0, source: 'leaver' }]]) });
        return { until: now + 1000 };
      },
      sweep: (state, project, now) => {
        if (now >= state.until) project.channels.get('solo')?.users.delete('7');
      },
    });
    const project = createProject(APP, [leaver], 0);
    sweepProject(project, [leaver], 999);
    expect(project.channels.has('solo')).toBe(true);
    sweepProject(project, [leaver], 1000);
    expect(project.channels.has('solo')).toBe(false);
  });

  it('says which slice is missing instead of answering with undefined state', () => {
    expect(() => notes.of(createProject(APP, [], 0))).toThrow(/no "notes" state/);
  });

  it("gives a project stored before a family existed that family's fresh slice", () => {
    const project = decodeProject(encodeProject(createProject(APP, [], 0)));
    sweepProject(project, [notes], 1);
    expect(notes.of(project)).toEqual(['seed']);
  });
});

describe('the project repository', () => {
  it('keeps what a handler did, per App ID', async () => {
    const repository = new ProjectRepository(new MemoryStore(), [notes]);
    await repository.update(APP, 0, (project) => notes.of(project).push('written'));
    expect(await repository.update(APP, 1, (project) => [...notes.of(project)])).toEqual(['seed', 'written']);
    expect(await repository.update('other', 1, (project) => [...notes.of(project)])).toEqual(['seed']);
  });

  it('loses no update when two requests change one project at once', async () => {
    const store = new MemoryStore();
    const repository = new ProjectRepository(store, [notes]);
    await Promise.all(Array.from({ length: 20 }, (_, i) => repository.update(APP, i, (project) => notes.of(project).push(`w${i}`))));
    const stored = await repository.update(APP, 100, (project) => [...notes.of(project)]);
    expect(stored).toHaveLength(21);
    expect(new Set(stored).size).toBe(21);
  });

  it('forgets a project untouched for a day, and one that is dropped', async () => {
    const repository = new ProjectRepository(new MemoryStore(), [notes]);
    await repository.update(APP, 0, (project) => notes.of(project).push('written'));
    expect(await repository.update(APP, TTL.project, (project) => notes.of(project).length)).toBe(2);
    expect(await repository.update(APP, 2 * TTL.project + 1, (project) => notes.of(project).length)).toBe(1);
    await repository.update(APP, 0, (project) => notes.of(project).push('again'));
    await repository.drop(APP);
    expect(await repository.update(APP, 1, (project) => notes.of(project).length)).toBe(1);
  });
});

describe('limits in the store', () => {
  it('counts the plan per App ID in fixed windows', async () => {
    const plan = new PlanLimiter(new MemoryStore(), 2);
    expect(await plan.consume('a', 0)).toMatchObject({ allowed: true, remaining: 1, resetEpochSeconds: 60 });
    await plan.consume('a', 1000);
    expect(await plan.consume('a', 2000)).toMatchObject({ allowed: false, remaining: 0, retryAfterSeconds: 58 });
    expect(await plan.peek('b', 2000)).toMatchObject({ allowed: true, remaining: 2 });
    expect(await plan.consume('a', 60_000)).toMatchObject({ allowed: true, remaining: 1 });
  });

  it('admits QPS rules over sliding one-second and one-minute windows', async () => {
    const qps = new QpsLimiter(new MemoryStore());
    const rule = { key: 'x', text: '', perSecond: 2, perMinute: 3 };
    const allowed = [];
    for (const t of [0, 100, 200]) allowed.push((await qps.acquire(APP, rule, t)).allowed);
    expect(allowed).toEqual([true, true, false]);
    expect((await qps.acquire(APP, rule, 1000)).allowed).toBe(true);
    expect(await qps.acquire(APP, rule, 2000)).toEqual({ allowed: false, retryAfterSeconds: 58 });
    expect((await qps.acquire('another-app', rule, 2000)).allowed).toBe(true);
  });
});
