import { describe, expect, it } from 'vitest';
import { browserIdle, createWarmUp, type IdleScheduler } from './warmUp';

/** An idle scheduler the test drives: each `tick()` runs one waiting task, as one idle period would. */
function manualIdle() {
  const waiting: Array<() => void> = [];
  let left = 0;
  const idle: IdleScheduler = (task) => waiting.push(() => task(() => left));
  const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
  return {
    idle,
    waiting: () => waiting.length,
    /** The idle time the next periods report (0: each step needs a period of its own). */
    leave(ms: number) {
      left = ms;
    },
    async tick() {
      waiting.shift()?.();
      await flush();
    },
  };
}

describe('createWarmUp', () => {
  it('runs each step in an idle period of its own, in order', async () => {
    const clock = manualIdle();
    const warmUp = createWarmUp(clock.idle);
    const done: string[] = [];
    const run = warmUp('a', [() => done.push('one'), () => done.push('two')]);
    await clock.tick();
    expect(done).toEqual([]);
    await clock.tick();
    expect(done).toEqual(['one']);
    await clock.tick();
    expect(done).toEqual(['one', 'two']);
    await run;
    expect(clock.waiting()).toBe(0);
  });

  it('runs several steps in one idle period while it has time left', async () => {
    const clock = manualIdle();
    const warmUp = createWarmUp(clock.idle);
    const done: string[] = [];
    clock.leave(40);
    const run = warmUp('a', [() => done.push('one'), () => done.push('two'), () => done.push('three')]);
    await clock.tick();
    await clock.tick();
    expect(done).toEqual(['one', 'two', 'three']);
    await run;
    expect(clock.waiting()).toBe(0);
  });

  it('runs a key once however many testers ask, and answers each with the same run', async () => {
    const clock = manualIdle();
    const warmUp = createWarmUp(clock.idle);
    let runs = 0;
    const first = warmUp('shared', [() => runs++]);
    const again = warmUp('shared', [() => runs++]);
    expect(again).toBe(first);
    while (clock.waiting() > 0 || runs === 0) await clock.tick();
    await first;
    await warmUp('shared', [() => runs++]);
    expect(runs).toBe(1);
  });

  it('queues keys one after another, so two testers never warm up at once', async () => {
    const clock = manualIdle();
    const warmUp = createWarmUp(clock.idle);
    const done: string[] = [];
    void warmUp('shared', [() => done.push('shared')]);
    void warmUp('operation:b', [() => done.push('b1'), () => done.push('b2')]);
    void warmUp('operation:c', [() => done.push('c')]);
    for (let i = 0; i < 8; i++) await clock.tick();
    expect(done).toEqual(['shared', 'b1', 'b2', 'c']);
  });

  it('skips a failing step (Send loads it again and reports the error) and goes on', async () => {
    const clock = manualIdle();
    const warmUp = createWarmUp(clock.idle);
    const done: string[] = [];
    const run = warmUp('a', [
      () => Promise.reject(new Error('chunk failed to load')),
      () => {
        throw new Error('broken schema');
      },
      () => done.push('last'),
    ]);
    for (let i = 0; i < 6; i++) await clock.tick();
    await expect(run).resolves.toBeUndefined();
    expect(done).toEqual(['last']);
  });
});

describe('browserIdle', () => {
  it('runs nothing, and throws nothing, once there is no page (this file runs without a window)', async () => {
    expect(typeof window).toBe('undefined');
    let ran = false;
    const warmUp = createWarmUp(browserIdle());
    const run = warmUp('gone', [() => (ran = true)]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(ran).toBe(false);
    // Still waiting for an idle period that will not come: not rejected, so nothing goes unhandled.
    await expect(Promise.race([run.then(() => 'done'), new Promise((resolve) => setTimeout(() => resolve('waiting'), 20))])).resolves.toBe('waiting');
  });
});
