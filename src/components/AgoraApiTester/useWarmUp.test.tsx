// @vitest-environment jsdom
import React from 'react';
import { describe, expect, it, vi } from 'vitest';
import { cleanup, render, waitFor } from '@testing-library/react';
import { getOperation, operationIds } from '../../catalog';
import { modelSteps, sharedSteps, useWarmUp, warmUpMark } from './useWarmUp';
import { validatorLoaded } from './validate';
import type { WarmUp } from './warmUp';

// The shared chunks include the response details and the Events count, which use the site's Docusaurus hooks.
vi.mock('./site', async () => (await import('./testing/siteMock')).siteMock);

function Probe({ id, warmUp, onCompiled }: { id: string; warmUp: WarmUp; onCompiled: () => void }) {
  useWarmUp(getOperation(id), onCompiled, warmUp);
  return null;
}

describe('useWarmUp', () => {
  it('asks, on mount, for the shared chunks, this operation\'s schema checks (one step), then every registered operation\'s model', async () => {
    const asked: Array<{ key: string; steps: number }> = [];
    const warmUp: WarmUp = vi.fn(async (key, steps) => {
      asked.push({ key, steps: steps.length });
    });
    const onCompiled = vi.fn();
    render(<Probe id="create-channel" warmUp={warmUp} onCompiled={onCompiled} />);
    await waitFor(() => expect(onCompiled).toHaveBeenCalledTimes(1));
    expect(performance.getEntriesByName(warmUpMark('create-channel'), 'mark')).toHaveLength(1);
    expect(asked).toEqual([
      { key: 'shared', steps: sharedSteps.length },
      { key: 'operation:create-channel', steps: 1 },
      { key: `models:${operationIds.length}`, steps: operationIds.length },
    ]);
    cleanup();
  });

  it('does not tell an unmounted tester that its schemas are compiled', async () => {
    let finish: () => void = () => undefined;
    const warmUp: WarmUp = (key) => (key === 'shared' ? Promise.resolve() : new Promise<void>((resolve) => (finish = resolve)));
    const onCompiled = vi.fn();
    const { unmount } = render(<Probe id="get-channel" warmUp={warmUp} onCompiled={onCompiled} />);
    unmount();
    finish();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(onCompiled).not.toHaveBeenCalled();
  });

  it('builds each registered operation\'s model in a step of its own, the ones a first answer is checked against', () => {
    const { steps } = modelSteps();
    expect(operationIds.length).toBeGreaterThan(10);
    expect(steps.map((step) => (step() as { id: string }).id)).toEqual(operationIds);
  });

  it("loads the operation's schema checks in its own step, so the first Send finds them here", async () => {
    const op = getOperation('update-ban-rule');
    const steps: Array<readonly (() => unknown)[]> = [];
    const warmUp: WarmUp = async (key, given) => {
      if (key === `operation:${op.id}`) steps.push(given);
    };
    render(<Probe id={op.id} warmUp={warmUp} onCompiled={() => undefined} />);
    await waitFor(() => expect(steps).toHaveLength(1));
    expect(validatorLoaded(op)).toBe(false);
    for (const step of steps[0]) await step();
    expect(validatorLoaded(op)).toBe(true);
    cleanup();
  });
});
