// @vitest-environment jsdom
/**
 * Why index.tsx does not keep its shell as a dehydrated Suspense boundary: the
 * React behaviour it works around, pinned so a React upgrade that changes it
 * shows up here. (No IS_REACT_ACT_ENVIRONMENT: act() holds suspended renders
 * back in a way a browser does not.)
 */
import React, { Suspense, createContext, lazy, useContext, useState } from 'react';
import { renderToString } from 'react-dom/server';
import { hydrateRoot } from 'react-dom/client';
import { act } from 'react';
import { expect, it, vi } from 'vitest';

const Mode = createContext('light');
function Shell(): React.JSX.Element {
  return <p data-mode={useContext(Mode)}>server text</p>;
}
let setMode: (mode: string) => void = () => {};
function Page({ children }: { children: React.ReactNode }): React.JSX.Element {
  const [mode, set] = useState('light');
  setMode = set;
  return <Mode.Provider value={mode}>{children}</Mode.Provider>;
}

it('React drops the server HTML of a boundary still waiting for its code when a context above it changes', async () => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
  const Lazy = lazy(() => new Promise<{ default: typeof Shell }>(() => {}));
  const container = document.createElement('div');
  container.innerHTML = renderToString(
    <div>
      <Suspense fallback={<i>loading</i>}>
        <Shell />
      </Suspense>
    </div>,
  );
  document.body.append(container);
  await act(async () => {
    hydrateRoot(
      container,
      <Page>
        <div>
          <Suspense fallback={<i>loading</i>}>
            <Lazy />
          </Suspense>
        </div>
      </Page>,
    );
  });
  expect(container.textContent).toBe('server text');
  await act(async () => setMode('dark'));
  expect(container.textContent).toBe('loading');
});
