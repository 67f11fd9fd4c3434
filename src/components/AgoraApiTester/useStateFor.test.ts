// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { act, renderHook } from '@testing-library/react';
import { useStateFor } from './useStateFor';

describe('useStateFor', () => {
  it('keeps state while its owner stays, and starts again from the initial value when the owner changes', () => {
    const first = { body: 1 };
    const { result, rerender } = renderHook(({ owner }) => useStateFor(owner, false), { initialProps: { owner: first as object } });
    expect(result.current[0]).toBe(false);
    act(() => result.current[1](true));
    expect(result.current[0]).toBe(true);
    rerender({ owner: first });
    expect(result.current[0]).toBe(true);
    // Equal content, another value: another answer's, so afresh.
    rerender({ owner: { body: 1 } });
    expect(result.current[0]).toBe(false);
  });

  it('applies an update function to the current owner\'s state', () => {
    const { result, rerender } = renderHook(({ owner }) => useStateFor(owner, 0), { initialProps: { owner: 'a' } });
    act(() => result.current[1]((count) => count + 1));
    act(() => result.current[1]((count) => count + 1));
    expect(result.current[0]).toBe(2);
    rerender({ owner: 'b' });
    act(() => result.current[1]((count) => count + 1));
    expect(result.current[0]).toBe(1);
  });
});
