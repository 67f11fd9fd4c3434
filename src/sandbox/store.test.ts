import { defineSlice } from './family';
import { PlanLimiter, QpsLimiter } from './limits';
import { CAPS, SandboxStore, TTL } from './store';
import { APP } from './testing';

/** A family slice for engine tests: a list that starts with one seeded item. */
const notes = defineSlice<string[]>('notes', { create: () => ['seed'], sweep: () => {} });

describe('bounded state', () => {
  it('keeps at most CAPS.projects projects, dropping the least recently used', () => {
    const store = new SandboxStore();
    for (let i = 0; i < CAPS.projects + 5; i += 1) store.project(`app${i}`, 0);
    expect(store.size).toBe(CAPS.projects);
    store.project('app0', 1); // evicted long ago: comes back fresh
    expect(store.size).toBe(CAPS.projects);
  });

  it('forgets a project untouched for a day, family slices included', () => {
    const store = new SandboxStore([notes]);
    notes.of(store.project(APP, 0)).push('written');
    expect(notes.of(store.project(APP, 1))).toEqual(['seed', 'written']);
    store.project('other', TTL.project + 2);
    // A fresh project holds only the seeded item again.
    expect(notes.of(store.project(APP, TTL.project + 2))).toEqual(['seed']);
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
    const store = new SandboxStore([leaver]);
    expect(store.project(APP, 0).channels.has('solo')).toBe(true);
    expect(store.project(APP, 1000).channels.has('solo')).toBe(false);
  });

  it('says which slice is missing instead of answering with undefined state', () => {
    const store = new SandboxStore();
    expect(() => notes.of(store.project(APP, 0))).toThrow(/no "notes" state/);
  });

  it('keeps limiter maps bounded and windows correct', () => {
    const plan = new PlanLimiter(2);
    expect(plan.consume('a', 0)).toMatchObject({ allowed: true, remaining: 1, resetEpochSeconds: 60 });
    plan.consume('a', 1000);
    expect(plan.consume('a', 2000)).toMatchObject({ allowed: false, remaining: 0, retryAfterSeconds: 58 });
    expect(plan.consume('a', 60_000)).toMatchObject({ allowed: true, remaining: 1 });
    for (let i = 0; i < 5000; i += 1) plan.consume(`k${i}`, 0);
    expect(plan.peek('k0', 0).remaining).toBe(2); // evicted: a fresh window

    const qps = new QpsLimiter();
    const rule = { key: 'x', text: '', perSecond: 2, perMinute: 3 };
    expect([0, 100, 200].map((t) => qps.acquire('x', rule, t).allowed)).toEqual([true, true, false]);
    expect(qps.acquire('x', rule, 1000).allowed).toBe(true);
    expect(qps.acquire('x', rule, 2000)).toEqual({ allowed: false, retryAfterSeconds: 58 });
  });
});
