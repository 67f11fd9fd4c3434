// @vitest-environment jsdom
import React, { Suspense, createContext, lazy, useContext, useState } from 'react';
import { renderToString } from 'react-dom/server';
import { hydrateRoot, type Root } from 'react-dom/client';
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Island from './index';
import { IslandHost } from './host';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** Stands in for a Docusaurus context that changes after hydration (useIsBrowser, the colour mode). */
const Mode = createContext('light');

function Form({ label }: { label: string }): React.JSX.Element {
  const mode = useContext(Mode);
  const [value, setValue] = useState('');
  const [sent, setSent] = useState(0);
  return (
    <section data-mode={mode}>
      <label>
        {label}
        <input value={value} onChange={(event) => setValue(event.target.value)} />
      </label>
      <button type="button" onClick={() => setSent((n) => n + 1)}>
        Send
      </button>
      <output>{`sent ${sent} ${value}`}</output>
    </section>
  );
}

/** Whether the page mounts an island host (as the site's layout does) or the islands render in place. */
let withHost = false;

/** `content` as a page: beside the island host when the tests run with one. */
function hosted(content: React.ReactNode): React.ReactNode {
  return withHost ? (
    <>
      {content}
      <IslandHost />
    </>
  ) : (
    content
  );
}

let setMode: (mode: string) => void = () => {};
function Page({ children }: { children: React.ReactNode }): React.JSX.Element {
  const [mode, set] = useState('light');
  setMode = set;
  return <Mode.Provider value={mode}>{hosted(children)}</Mode.Provider>;
}

let root: Root | undefined;
afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  document.body.innerHTML = '';
});

/** The server's HTML of `served` in a page container, hydrated with `client`; React must find nothing to recover from. */
async function hydrateServed(served: React.ReactElement, client: React.ReactNode): Promise<HTMLElement> {
  const container = document.createElement('div');
  container.innerHTML = renderToString(served);
  document.body.append(container);
  const errors: unknown[] = [];
  await act(async () => {
    root = hydrateRoot(container, client, { onRecoverableError: (error) => errors.push(error) });
  });
  expect(errors).toEqual([]);
  return container;
}

/** The server's HTML for an island holding <Form>, hydrated with `client` as the page. */
function hydrate(client: React.ReactNode): Promise<HTMLElement> {
  return hydrateServed(
    <Mode.Provider value="light">
      <div data-island="form">
        <Form label="Name" />
      </div>
    </Mode.Provider>,
    <Page>{client}</Page>,
  );
}

/** An empty page container with a client-side root (no server HTML, as after a client-side navigation). */
async function clientRoot(): Promise<HTMLElement> {
  const container = document.createElement('div');
  document.body.append(container);
  const { createRoot } = await import('react-dom/client');
  root = createRoot(container);
  return container;
}

/**
 * Waits until `check` holds. A press carried to a live component lands in a task of its own (carryOver's
 * `press`, after React applied the carried edits), sometimes several in a row (an inner island): a fixed number
 * of ticks passed or failed with the machine's load.
 */
async function eventually(check: () => void): Promise<void> {
  await vi.waitFor(async () => {
    await act(async () => new Promise((done) => setTimeout(done, 0)));
    check();
  });
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

describe.each([
  { where: 'in place', host: false },
  { where: 'from the page host', host: true },
])('Island, rendered $where', ({ host }) => {
  beforeEach(() => {
    withHost = host;
  });

  it('keeps the server HTML through context changes before its code loads, then goes live keeping what was typed', async () => {
    const code = deferred<{ default: typeof Form }>();
    const load = vi.fn(() => code.promise);
    const page = await hydrate(<Island name="form" load={load} props={{ label: 'Name' }} />);
    const shellInput = page.querySelector('input')!;
    expect(load).not.toHaveBeenCalled();

    // A context change above (Docusaurus flips useIsBrowser after hydration; the reader toggles dark mode).
    await act(async () => setMode('dark'));
    expect(page.querySelector('input')).toBe(shellInput);
    expect(page.textContent).toContain('sent 0');

    // Focus starts the load; the reader types and presses Send before the code arrives.
    await act(async () => shellInput.dispatchEvent(new FocusEvent('focusin', { bubbles: true })));
    expect(load).toHaveBeenCalledTimes(1);
    shellInput.focus();
    shellInput.value = 'Ada';
    page.querySelector('button')!.click();
    await act(async () => code.resolve({ default: Form }));

    const liveInput = page.querySelector('input')!;
    expect(page.querySelectorAll('input')).toHaveLength(1);
    expect(liveInput).not.toBe(shellInput);
    expect(liveInput.value).toBe('Ada');
    expect(document.activeElement).toBe(liveInput);
    expect(page.querySelector('section')!.dataset.mode).toBe('dark');
    await eventually(() => expect(page.querySelector('output')!.textContent).toBe('sent 1 Ada'));
    expect(page.querySelector('[data-island]')!.hasAttribute('data-island-live')).toBe(true);
  });

  it('Space on a shell button reaches the live one, whether its keyup comes before or after the swap', async () => {
    for (const keyupBeforeSwap of [false, true]) {
      const code = deferred<{ default: typeof Form }>();
      const page = await hydrate(<Island name="form" load={() => code.promise} props={{ label: 'Name' }} />);
      const shellButton = page.querySelector('button')!;
      shellButton.focus();
      await act(async () => shellButton.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true })));
      // The browser clicks a button on Space's keyup only if that button is still the one pressed.
      if (keyupBeforeSwap) shellButton.click();
      await act(async () => code.resolve({ default: Form }));
      await eventually(() => expect(page.querySelector('output')!.textContent, `keyup ${keyupBeforeSwap ? 'before' : 'after'} the swap`).toBe('sent 1 '));
      expect(page.querySelector('button')).not.toBe(shellButton);
      // Once: the keydown and the click are one press.
      await act(async () => new Promise((done) => setTimeout(done, 10)));
      expect(page.querySelector('output')!.textContent).toBe('sent 1 ');
      act(() => root?.unmount());
      root = undefined;
      document.body.innerHTML = '';
    }
  });

  it('a pointer that goes down on a shell button and up on the live one presses it once; up elsewhere, not at all', async () => {
    const pointer = (type: string, target: Element) => target.dispatchEvent(new MouseEvent(type, { bubbles: true, button: 0 }));
    for (const ending of ['up on the live button', 'up and a click on the live button', 'up on the field'] as const) {
      const code = deferred<{ default: typeof Form }>();
      const page = await hydrate(<Island name="form" load={() => code.promise} props={{ label: 'Name' }} />);
      await act(async () => pointer('pointerdown', page.querySelector('button')!));
      await act(async () => code.resolve({ default: Form }));
      await eventually(() => expect(page.querySelector('[data-island]')!.hasAttribute('data-island-live')).toBe(true));
      const live = page.querySelector('button')!;
      await act(async () => {
        pointer('pointerup', ending === 'up on the field' ? page.querySelector('input')! : live);
        // The browser clicks only when down and up land on the same element; here, in one case, it did anyway.
        if (ending === 'up and a click on the live button') live.click();
        await new Promise((done) => setTimeout(done, 0));
      });
      if (ending === 'up on the field') expect(page.querySelector('output')!.textContent, ending).toBe('sent 0 ');
      else await eventually(() => expect(page.querySelector('output')!.textContent, ending).toBe('sent 1 '));
      // Pressed once, not again by a late task.
      await act(async () => new Promise((done) => setTimeout(done, 10)));
      expect(page.querySelector('output')!.textContent, ending).toBe(ending === 'up on the field' ? 'sent 0 ' : 'sent 1 ');
      act(() => root?.unmount());
      root = undefined;
      document.body.innerHTML = '';
    }
  });

  it('loads at once when the URL hash names an element inside it, or its owner says the hash is for it', async () => {
    window.location.hash = '#nothing-here';
    const load = vi.fn(async () => ({ default: Form }));
    await hydrate(<Island name="form" load={load} props={{ label: 'Name' }} addressedBy={(hash) => hash === '#try=form'} />);
    expect(load).not.toHaveBeenCalled();
    await act(async () => {
      window.location.hash = '#try=form';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(load).toHaveBeenCalledTimes(1);
    window.location.hash = '';
  });

  it('on a client-side mount (no server HTML) renders the component at once', async () => {
    const container = await clientRoot();
    // The page (and its host) before the navigation, then the page the navigation brings.
    await act(async () => root!.render(hosted(null)));
    await act(async () => root!.render(hosted(<Island name="form" load={async () => ({ default: Form })} props={{ label: 'Name' }} />)));
    await act(async () => {});
    expect(container.querySelector('input')).not.toBeNull();
  });

  it('an island inside another keeps its shell when the outer one goes live', async () => {
    function Outer(): React.JSX.Element {
      return (
        <article>
          <p>Reference</p>
          <Island name="inner" load={innerLoad} props={{ label: 'Inner' }} />
        </article>
      );
    }
    const innerCode = deferred<{ default: typeof Form }>();
    const innerLoad = vi.fn(() => innerCode.promise);
    const container = await hydrateServed(
      <div data-island="outer">
        <article>
          <p>Reference</p>
          <div data-island="inner">
            <Form label="Inner" />
          </div>
        </article>
      </div>,
      hosted(<Island name="outer" load={async () => ({ default: Outer })} props={{}} />),
    );
    // The reader touches the section's text, not the tester in it (what lands on the tester wakes it: next test).
    await act(async () => container.querySelector('p')!.dispatchEvent(new Event('pointerdown', { bubbles: true })));
    await act(async () => {});
    expect(container.querySelector('[data-island="outer"]')!.hasAttribute('data-island-live')).toBe(true);
    expect(innerLoad).not.toHaveBeenCalled();
    expect(container.querySelectorAll('input')).toHaveLength(1);
    expect(container.querySelector('[data-island="inner"]')!.hasAttribute('data-island-live')).toBe(false);
  });

  it('an island near by its inner islands ignores its own nearness and loads when one inside it comes near', async () => {
    const observed: Element[] = [];
    let notify: (entries: Array<{ target: Element; isIntersecting: boolean }>) => void = () => {};
    vi.stubGlobal(
      'IntersectionObserver',
      class {
        constructor(callback: typeof notify) {
          notify = callback;
        }
        observe(target: Element) {
          observed.push(target);
        }
        disconnect() {}
      },
    );
    try {
      const outerLoad = vi.fn(async () => ({ default: () => <p>live section</p> }));
      const container = await hydrateServed(
        <div data-island="outer" data-island-near="inner">
          <p>Reference</p>
          <div data-island="inner">
            <Form label="Inner" />
          </div>
        </div>,
        hosted(<Island name="outer" load={outerLoad} props={{}} nearBy="inner" />),
      );
      const inner = container.querySelector('[data-island="inner"]')!;
      expect(observed).toEqual([inner]);
      await act(async () => notify([{ target: inner, isIntersecting: false }]));
      expect(outerLoad).not.toHaveBeenCalled();
      await act(async () => notify([{ target: inner, isIntersecting: true }]));
      await act(async () => {});
      expect(outerLoad).toHaveBeenCalledTimes(1);
      expect(container.textContent).toContain('live section');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('a click on a link in the shell waits for the live component, which then follows it with what was typed', async () => {
    const followed: string[] = [];
    function Linked(): React.JSX.Element {
      const [value, setValue] = useState('');
      return (
        <section>
          <label>
            Name
            <input value={value} onChange={(event) => setValue(event.target.value)} />
          </label>
          <a
            href="/docs/reference"
            onClick={(event) => {
              event.preventDefault();
              followed.push(value);
            }}
          >
            Reference
          </a>
        </section>
      );
    }
    const code = deferred<{ default: typeof Linked }>();
    const container = await hydrateServed(
      <div data-island="form">
        <Linked />
      </div>,
      hosted(<Island name="form" load={() => code.promise} props={{}} />),
    );
    container.querySelector('input')!.value = 'typed';
    const link = container.querySelector('a')!;
    const shellClick = new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 });
    link.dispatchEvent(shellClick);
    // Not followed from the shell: the page would have left with "typed" never kept by the live form.
    expect(shellClick.defaultPrevented).toBe(true);
    await act(async () => code.resolve({ default: Linked }));
    await eventually(() => expect(followed).toEqual(['typed']));
  });

  it("a press on an inner island's shell before the outer one loaded reaches the inner live component", async () => {
    function Outer(): React.JSX.Element {
      return (
        <article>
          <p>Reference</p>
          <Island name="inner" load={innerLoad} props={{ label: 'Inner' }} />
        </article>
      );
    }
    const outerCode = deferred<{ default: typeof Outer }>();
    const innerLoad = vi.fn(async () => ({ default: Form }));
    const container = await hydrateServed(
      <div data-island="outer">
        <article>
          <p>Reference</p>
          <div data-island="inner">
            <Form label="Inner" />
          </div>
        </article>
      </div>,
      hosted(<Island name="outer" load={() => outerCode.promise} props={{}} />),
    );
    // The reader types and presses Send in the tester while the section's code is still on its way.
    const send = container.querySelector('button')!;
    await act(async () => send.dispatchEvent(new Event('pointerdown', { bubbles: true })));
    container.querySelector('input')!.value = 'early';
    send.click();
    await act(async () => outerCode.resolve({ default: Outer }));
    // Outer live, press on the inner shell, inner live, press on the inner live button: each a task of its own.
    await eventually(() => expect(container.querySelector('output')!.textContent).toBe('sent 1 early'));
    expect(innerLoad).toHaveBeenCalledTimes(1);
    expect(container.querySelector('[data-island="inner"]')!.hasAttribute('data-island-live')).toBe(true);
    expect(container.querySelectorAll('input')).toHaveLength(1);
    expect(container.querySelector('output')!.textContent).toBe('sent 1 early');
  });
});

describe('Island host', () => {
  beforeEach(() => {
    withHost = true;
  });

  it('renders live islands from where the host is: they see the contexts around the host, not those around their own place', async () => {
    const Near = createContext('none');
    function Reads(): React.JSX.Element {
      return <p data-near={useContext(Near)} data-mode={useContext(Mode)} />;
    }
    const container = await clientRoot();
    const page = (island: boolean) => (
      <Mode.Provider value="dark">
        <Near.Provider value="section">{island && <Island name="reads" load={async () => ({ default: Reads })} props={{}} />}</Near.Provider>
        <IslandHost />
      </Mode.Provider>
    );
    // The page's host is there before any island is due, as with every page of the site (it comes with hydration).
    await act(async () => root!.render(page(false)));
    await act(async () => root!.render(page(true)));
    await act(async () => {});
    const shown = container.querySelector('[data-island="reads"] p') as HTMLElement;
    // In the island's own <div>, as before; but rendered by the host, so the provider between them is not seen.
    expect(shown.dataset.mode).toBe('dark');
    expect(shown.dataset.near).toBe('none');
  });

  it('an island that leaves the page takes its live component with it', async () => {
    const cleanedUp = vi.fn();
    function Live(): React.JSX.Element {
      React.useEffect(() => cleanedUp, []);
      return <p>{`live ${useContext(Mode)}`}</p>;
    }
    let setShown: (shown: boolean) => void = () => {};
    function Toggle(): React.JSX.Element {
      const [shown, set] = useState(false);
      setShown = set;
      return (
        <>
          {/* Rendered from the host, the live component does not see this provider around its place. */}
          <Mode.Provider value="at its place">{shown && <Island name="live" load={async () => ({ default: Live })} props={{}} />}</Mode.Provider>
          <IslandHost />
        </>
      );
    }
    const container = await clientRoot();
    await act(async () => root!.render(<Toggle />));
    await act(async () => setShown(true));
    await act(async () => {});
    expect(container.textContent).toBe('live light');
    await act(async () => setShown(false));
    expect(cleanedUp).toHaveBeenCalledTimes(1);
    expect(container.textContent).toBe('');
  });

  it('an island whose component fails keeps its served HTML, and the rest of the page stays', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      function Broken(): React.JSX.Element {
        throw new Error('broken');
      }
      const load = vi.fn(async () => ({ default: Broken }));
      const page = await hydrate(<Island name="form" load={load} props={{}} addressedBy={() => true} />);
      await act(async () => {});
      expect(load).toHaveBeenCalledTimes(1);
      expect(page.querySelector('[data-island="form"] input')).not.toBeNull();
      expect(page.querySelector('[data-island="form"]')!.hasAttribute('data-island-live')).toBe(false);
    } finally {
      quiet.mockRestore();
    }
  });
});
