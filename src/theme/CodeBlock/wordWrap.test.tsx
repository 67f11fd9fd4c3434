// @vitest-environment jsdom
import React from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render } from '@testing-library/react';
import { useWordWrap, type WordWrap } from './wordWrap';

afterEach(cleanup);

/** jsdom lays nothing out: each <pre> reports the widths given here. */
function widths(pre: HTMLElement, scrollWidth: number, clientWidth: number) {
  Object.defineProperty(pre, 'scrollWidth', { configurable: true, get: () => scrollWidth });
  Object.defineProperty(pre, 'clientWidth', { configurable: true, get: () => clientWidth });
}

let state: WordWrap | undefined;
function Block({ hiddenTab = false }: { hiddenTab?: boolean }) {
  state = useWordWrap();
  const pre = (
    <pre ref={state.codeBlockRef}>
      <code>curl -X POST https://api.agora.io/…</code>
    </pre>
  );
  return hiddenTab ? (
    <div role="tabpanel" hidden>
      {pre}
    </div>
  ) : (
    pre
  );
}

describe('useWordWrap', () => {
  it('offers the button when the lines are wider than the block, and measures again on resize', async () => {
    const { container } = render(<Block />);
    const pre = container.querySelector('pre')!;
    expect(state!.isCodeScrollable).toBe(false);
    widths(pre, 900, 300);
    await act(async () => window.dispatchEvent(new Event('resize')));
    expect(state!.isCodeScrollable).toBe(true);
    widths(pre, 300, 300);
    await act(async () => window.dispatchEvent(new Event('resize')));
    expect(state!.isCodeScrollable).toBe(false);
  });

  it('wraps by styling the code element, keeps the button while wrapped, and unwraps', async () => {
    const { container } = render(<Block />);
    const pre = container.querySelector('pre')!;
    const code = pre.querySelector('code')!;
    widths(pre, 900, 300);
    await act(async () => state!.toggle());
    expect(state!.isEnabled).toBe(true);
    expect(code.style.whiteSpace).toBe('pre-wrap');
    expect(code.style.overflowWrap).toBe('anywhere');
    // Wrapped, the lines fit: the button stays, to unwrap them.
    widths(pre, 300, 300);
    await act(async () => window.dispatchEvent(new Event('resize')));
    expect(state!.isCodeScrollable).toBe(true);
    await act(async () => state!.toggle());
    expect(state!.isEnabled).toBe(false);
    expect(code.hasAttribute('style')).toBe(false);
  });

  it('measures again when the hidden tab holding the block is shown', async () => {
    const { container } = render(<Block hiddenTab />);
    const panel = container.querySelector('[role=tabpanel]')!;
    widths(container.querySelector('pre')!, 900, 300);
    expect(state!.isCodeScrollable).toBe(false);
    await act(async () => panel.removeAttribute('hidden'));
    expect(state!.isCodeScrollable).toBe(true);
  });

  it('compares nothing with localeCompare while rendering (the first use on a page builds the collator)', async () => {
    const spy = vi.spyOn(String.prototype, 'localeCompare');
    try {
      const { rerender } = render(<Block />);
      rerender(<Block />);
      expect(spy).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });
});
