// @vitest-environment jsdom
import React from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { waitFor } from '@testing-library/react';
import { IslandHost, removeFromHost, showInHost } from './host';

// Real scheduling, not act()'s: the point is when React renders.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;

let root: Root | undefined;
afterEach(() => {
  removeFromHost('island');
  flushSync(() => root?.unmount());
  root = undefined;
});

describe('IslandHost', () => {
  it('renders a due island in a transition: not within the task that asked (sync work would be done by its microtasks), soon after', async () => {
    root = createRoot(document.createElement('div'));
    flushSync(() => root!.render(<IslandHost />));
    const place = document.createElement('div');
    showInHost('island', place, <p>live</p>);
    for (let tick = 0; tick < 5; tick += 1) await Promise.resolve();
    expect(place.textContent).toBe('');
    await waitFor(() => expect(place.textContent).toBe('live'));
  });
});
