import { PlanLimiter, QpsLimiter } from './limits';
import { DEMO_BAN_RULE } from './demo';
import { CAPS, SandboxStore, TTL } from './store';
import { APP, paths, testSandbox } from './testing';

describe('bounded state', () => {
  it('keeps at most CAPS.projects projects, dropping the least recently used', () => {
    const store = new SandboxStore();
    for (let i = 0; i < CAPS.projects + 5; i += 1) store.project(`app${i}`, 0);
    expect(store.size).toBe(CAPS.projects);
    store.project('app0', 1); // evicted long ago: comes back fresh
    expect(store.size).toBe(CAPS.projects);
  });

  it('forgets a project untouched for a day', () => {
    const store = new SandboxStore();
    const project = store.project(APP, 0);
    project.banRules.set(1, { id: 1, appid: APP, uid: 1, privileges: ['join_channel'], expiresAt: Infinity, createdAt: 0, updatedAt: 0 });
    store.project('other', TTL.project + 1);
    // A fresh project holds only the seeded demo rule again, not rule 1.
    expect([...store.project(APP, TTL.project + 1).banRules.keys()]).toEqual([DEMO_BAN_RULE.id]);
  });

  it('caps ban rules per App ID with a 429 that says what to do', async () => {
    const t = testSandbox({ planLimitPerMinute: 10_000 });
    // The demo project starts with one seeded rule, so CAPS.banRules - 1 more fit.
    for (let i = 1; i < CAPS.banRules; i += 1) {
      const created = await t.call('POST', paths.banRules, { body: { appid: APP, uid: i + 1, time: 10, privileges: ['publish_audio'] } });
      expect(created.status).toBe(200);
      if (i % 9 === 8) t.advance(1000); // stay under channel management's 10 per second
    }
    t.advance(1000);
    const over = await t.call('POST', paths.banRules, { body: { appid: APP, uid: 999, time: 10, privileges: ['publish_audio'] } });
    expect(over.status).toBe(429);
    expect(over.body.message).toContain(`at most ${CAPS.banRules} ban rules`);
  });

  it('caps unused resourceIds, dropping the oldest', async () => {
    const t = testSandbox({ planLimitPerMinute: 10_000 });
    let first = '';
    for (let i = 0; i <= CAPS.resources; i += 1) {
      const { body } = await t.call('POST', paths.acquire, { body: { cname: 'demo', uid: String(i + 1), clientRequest: {} } });
      if (i === 0) first = body.resourceId;
      if (i % 9 === 8) t.advance(1000);
    }
    const start = await t.call('POST', paths.start(first), {
      body: { cname: 'demo', uid: '1', clientRequest: { storageConfig: { vendor: 1, region: 0, bucket: 'b', accessKey: 'a', secretKey: 's' } } },
    });
    expect(start.status).toBe(400);
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
