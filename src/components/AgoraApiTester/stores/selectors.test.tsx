// @vitest-environment jsdom
import React from 'react';
import { describe, expect, it } from 'vitest';
import { act, cleanup, render } from '@testing-library/react';
import { createStore, sameItems, useStoreSelector, type Store } from './createStore';

type State = Readonly<Record<string, readonly string[]>>;

/** Counts its renders and shows the part of the store it selects. */
function probe(store: Store<State>, key: string) {
  const renders: Array<readonly string[]> = [];
  const select = (state: State) => state[key] ?? [];
  function Probe() {
    const part = useStoreSelector(store, select, sameItems);
    renders.push(part);
    return <p>{part.join(',')}</p>;
  }
  return { Probe, renders };
}

describe('useStoreSelector', () => {
  it('re-renders a component when its part changes, not when another part does', () => {
    const store = createStore<State>({ a: ['1'], b: ['x'] });
    const a = probe(store, 'a');
    const b = probe(store, 'b');
    render(
      <>
        <a.Probe />
        <b.Probe />
      </>,
    );
    expect(a.renders).toHaveLength(1);
    act(() => store.set((state) => ({ ...state, a: [...state.a, '2'] })));
    expect(a.renders.at(-1)).toEqual(['1', '2']);
    expect(a.renders).toHaveLength(2);
    // b's list is the same list (its items unchanged), so b renders no more.
    expect(b.renders).toHaveLength(1);
    // A new list with the same items is the same part: no render, and the part keeps its identity.
    act(() => store.set((state) => ({ ...state, b: ['x'] })));
    expect(b.renders).toHaveLength(1);
    act(() => store.set((state) => ({ ...state, b: ['y'] })));
    expect(b.renders.at(-1)).toEqual(['y']);
    cleanup();
  });
});

describe('sameItems', () => {
  it('compares lists item by item', () => {
    const item = { id: 1 };
    expect(sameItems([item], [item])).toBe(true);
    expect(sameItems([item], [{ id: 1 }])).toBe(false);
    expect(sameItems([], [item])).toBe(false);
  });
});
