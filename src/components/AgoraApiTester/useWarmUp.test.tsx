// @vitest-environment jsdom
import React from 'react';
import { describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, waitFor } from '@testing-library/react';
import { getOperation, operationIds } from '../../catalog';
import RehearsedAnswer from './RehearsedAnswer';
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
      { key: 'rehearsal:create-channel', steps: 3 },
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

  it('rehearses a Send in three steps: to the documented answer without a request, its answer and history row drawn out of the document, taken down', async () => {
    const network = vi.spyOn(globalThis, 'fetch');
    const before = document.body.innerHTML;
    const container = document.createElement('div');
    let steps: readonly (() => unknown)[] = [];
    let shownCalls = 0;
    const warmUp: WarmUp = async (key, given) => {
      if (key.startsWith('rehearsal:')) steps = given;
    };
    function Rehearsing() {
      const rehearsal = useWarmUp(getOperation('create-channel'), () => undefined, warmUp);
      if (!rehearsal) return null;
      const shown = () => {
        shownCalls += 1;
        rehearsal.shown();
      };
      return <RehearsedAnswer rehearsal={{ ...rehearsal, shown }} container={container} />;
    }
    render(<Rehearsing />);
    await waitFor(() => expect(steps).toHaveLength(3));
    await steps[0]();
    expect(container.childElementCount).toBe(0);
    // Resolves once the details are committed and say so (else it would give up after two seconds).
    // Outside act(): the step waits for React's own scheduler to draw the transition, as it does in the page.
    const acting = (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT;
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;
    await steps[1]();
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = acting;
    expect(shownCalls).toBe(1);
    expect(container.isConnected).toBe(false);
    expect(container.querySelector('[role="status"]')?.textContent).toMatch(/^200/);
    expect(container.querySelector('[data-details="shown"]')?.textContent).toContain('Body');
    expect(container.querySelectorAll('[data-history-id]')).toHaveLength(1);
    act(() => void steps[2]());
    expect(container.childElementCount).toBe(0);
    expect(network).not.toHaveBeenCalled();
    cleanup();
    expect(document.body.innerHTML).toBe(before);
    network.mockRestore();
  }, 10_000);
});
