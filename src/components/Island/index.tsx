/**
 * An island: a component whose server-rendered HTML is shown as it is, and
 * whose code (and the data it needs) loads only when it comes near the
 * viewport, is touched, or is addressed by the URL (triggers.ts). Then the
 * live component replaces the shell; what the reader did to the shell in the
 * meantime is carried over (carryOver.ts).
 *
 * Why not a dehydrated Suspense boundary (React.lazy waiting for a "go"
 * promise)? React discards a dehydrated boundary's server HTML, showing its
 * fallback, whenever a context above it changes in a non-transition update,
 * and every Docusaurus page changes one right after hydration
 * (BrowserContextProvider flips useIsBrowser to true), and again on every
 * colour-mode toggle: each island would go blank before its code arrives
 * (Island.test.tsx shows the React behaviour). Here the hydrated tree holds
 * only the wrapper <div>, with its server children kept out of React's reach
 * (dangerouslySetInnerHTML, which React never re-applies while unchanged), so
 * no update can touch the shell. The live component is then rendered into
 * that <div> through a portal, inside the page's own tree, so it sees the
 * site's contexts (router, colour mode, Docusaurus). The portal is rendered
 * from the page's `IslandHost` (host.tsx), near the top of the tree, where
 * React's updates inside it cost far less than from deep in the MDX.
 *
 * Server: the wrapper with the component rendered inside, in place (Docusaurus
 * waits for React.lazy: renderToPipeableStream with onAllReady), so readers
 * and the search index get the full HTML. A client-side navigation (no server HTML)
 * loads at once.
 */
import React, { Suspense, createContext, lazy, useCallback, useContext, useId, useLayoutEffect, useRef, useState, type ComponentType } from 'react';
import { createPortal } from 'react-dom';
import { carryEdits, carryFocus, finishPress, holdsBack, liveControl, markDetails, pointedControl, press, pressedControl, shellCopy } from './carryOver';
import { hasHost, removeFromHost, showInHost } from './host';
import { KEEP_SERVER_HTML, useHydrating } from './served';
import { dueAtOnce, NEAR_MARGIN, TOUCH_EVENTS } from './triggers';
import { markOverflowingRegions } from '../ScrollRegion';

export interface IslandProps<P extends object> {
  /** Names the island in its page (`data-island`), e.g. `tester:start-recording`; unique among its siblings. */
  name: string;
  /** Loads the component with whatever data it needs; called once per island, when it is due. */
  load: () => Promise<{ default: ComponentType<P> }>;
  props: P;
  /** The owner's own test of the URL hash: true when the hash asks for this island (e.g. a share link naming its operation). */
  addressedBy?: (hash: string) => boolean;
  /**
   * What must come near the viewport for it to load: the island itself (the default), or only an island
   * inside it (`inner`: a reference section, complete as served, loads early only for its tester's sake;
   * a touch still loads it at once).
   */
  nearBy?: 'self' | 'inner';
}

/** A `load` for an island: its component's code and the data it reads, fetched side by side. */
export function withData<M>(code: () => Promise<M>, ...data: Array<() => Promise<unknown>>): () => Promise<M> {
  return async () => (await Promise.all([code(), ...data.map((load) => load())]))[0] as M;
}


/**
 * An island rendered live inside another island (a tester inside a reference
 * section) takes over the HTML its outer shell had for it, so it stays a shell
 * until its own turn instead of loading with its parent.
 */
const ShellOf = createContext<(name: string) => string | undefined>(() => undefined);

/** Runs `onLive` once the live component has been committed (a sibling inside the same Suspense boundary). */
function Committed({ onLive }: { onLive: () => void }): null {
  useLayoutEffect(onLive, [onLive]);
  return null;
}

export default function Island<P extends object>({ name, load, props, addressedBy, nearBy = 'self' }: IslandProps<P>): React.JSX.Element {
  const [Live] = useState(() => lazy(load));
  const shellOf = useContext(ShellOf);
  const hydrating = useHydrating();
  // Fixed at mount: the server's HTML in the DOM (hydration), an outer island's copy of it, or none (client navigation).
  const [shell] = useState<{ html: { __html: string } } | 'server' | undefined>(() => {
    if (typeof window === 'undefined' || hydrating) return 'server';
    const html = shellOf(name);
    return html === undefined ? undefined : { html: { __html: html } };
  });
  const [due, setDue] = useState(shell === undefined);
  const wrapper = useRef<HTMLDivElement>(null);
  const shellNodes = useRef<Node[]>([]);
  const pressed = useRef<Element | null>(null);
  // The shell control a pointer is down on, until its click (or the swap, which the click would not survive).
  const pointed = useRef<HTMLElement | null>(null);
  const held = useRef<string | undefined>(undefined);
  const hostKey = useId();
  // Fixed when first due, so an island never moves between its place and the host (which would remount it).
  const hostedWhenDue = useRef<boolean | undefined>(undefined);

  // Layout effects, not passive ones: an island inside another island's live render (a tester in a reference
  // section) must hold its shell and listen before the outer island's own layout effect (onLive) carries the
  // reader's edits and presses into it, in the same commit.
  useLayoutEffect(() => {
    const element = wrapper.current;
    if (!element || shell === undefined) return;
    shellNodes.current = Array.from(element.childNodes);
    markDetails(shellNodes.current);
    // The shell's wide tables need the tab stop ScrollRegion gives live ones (WCAG 2.1.1).
    markOverflowingRegions(element);
    // The shell is fixed at mount.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useLayoutEffect(() => {
    const element = wrapper.current;
    if (!element || due) return;
    const go = () => setDue(true);
    const check = () => {
      const holds = (id: string) => element.contains(document.getElementById(id));
      if (dueAtOnce({ hash: window.location.hash, holds, addressedBy, focused: element.contains(document.activeElement) })) go();
    };
    check();
    const observer = typeof IntersectionObserver === 'function' ? new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && go(), { rootMargin: NEAR_MARGIN }) : undefined;
    for (const target of nearBy === 'inner' ? Array.from(element.querySelectorAll('[data-island]')) : [element]) observer?.observe(target);
    for (const type of TOUCH_EVENTS) element.addEventListener(type, go, { capture: true, passive: true });
    window.addEventListener('hashchange', check);
    return () => {
      observer?.disconnect();
      for (const type of TOUCH_EVENTS) element.removeEventListener(type, go, { capture: true });
      window.removeEventListener('hashchange', check);
    };
    // addressedBy is read when due is checked; a new function each render must not re-run this.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [due]);

  // A press on the shell, until the live component replaces it, is pressed again on the live one (once: the
  // last press is remembered, not counted). A click with no pointer before it (an outer island pressing again
  // what the reader pressed on its shell) wakes it up too.
  // A link to this site is held back until then (holdsBack), so what was typed into the shell goes along.
  useLayoutEffect(() => {
    const element = wrapper.current;
    if (!element) return;
    const onPointerDown = (event: PointerEvent) => {
      if (shellNodes.current.length === 0 || event.isPrimary === false || event.button !== 0) return;
      pointed.current = pointedControl(shellNodes.current, event.target);
    };
    const onClick = (event: Event) => {
      if (shellNodes.current.length === 0) return;
      pointed.current = null;
      const control = pressedControl(shellNodes.current, event.target);
      // Only the last press counts: a held link pressed before it is dropped with it.
      held.current = holdsBack(control, event as MouseEvent) ? control.href : undefined;
      if (held.current) event.preventDefault();
      pressed.current = control;
      setDue(true);
    };
    // Space presses a button on its keyup, and only if the same button is still there: when the live component
    // replaces the shell between keydown and keyup (the keydown itself makes the island due), no click comes.
    const onKeyDown = (event: KeyboardEvent) => {
      if (shellNodes.current.length === 0 || event.key !== ' ' || event.repeat) return;
      const control = pressedControl(shellNodes.current, event.target);
      if (!(control instanceof HTMLButtonElement)) return;
      held.current = undefined;
      pressed.current = control;
      setDue(true);
    };
    element.addEventListener('pointerdown', onPointerDown, { capture: true });
    element.addEventListener('click', onClick, { capture: true });
    element.addEventListener('keydown', onKeyDown, { capture: true });
    return () => {
      element.removeEventListener('pointerdown', onPointerDown, { capture: true });
      element.removeEventListener('click', onClick, { capture: true });
      element.removeEventListener('keydown', onKeyDown, { capture: true });
    };
  }, []);

  // Swaps the shell for the live nodes in the same commit, so nothing moves or flashes.
  const onLive = useCallback(() => {
    const element = wrapper.current;
    const old = shellNodes.current;
    if (!element || old.length === 0) return;
    const live = Array.from(element.childNodes).filter((node) => !old.includes(node));
    const active = document.activeElement;
    // Paired while the shell is still in the document (a detached input has no labels to pair by).
    carryEdits(old, live);
    carryFocus(old, live, active);
    // Pressed in a later task, once React has applied the edits just carried over: pressed now, a Send would
    // go out with the form as it was before them (the typed channel, the chosen Simulate fault).
    const control = pressed.current && liveControl(old, live, pressed.current);
    if (control) setTimeout(() => press(control), 0);
    // A held-back link with no live counterpart is followed all the same.
    else if (held.current) window.location.assign(held.current);
    held.current = undefined;
    // A pointer still down on the shell: its click is lost with the shell, so the live control takes the press.
    const midPress = pointed.current && liveControl(old, live, pointed.current);
    pointed.current = null;
    if (midPress) finishPress(midPress);
    for (const node of old) node.parentNode?.removeChild(node);
    shellNodes.current = [];
    element.setAttribute('data-island-live', '');
  }, []);

  const takeShell = useCallback((inner: string) => {
    for (const node of shellNodes.current) {
      if (!(node instanceof Element)) continue;
      const found = [node, ...Array.from(node.querySelectorAll('[data-island]'))].find((candidate) => candidate.getAttribute('data-island') === inner);
      if (found) return shellCopy(found);
    }
    return undefined;
  }, []);

  // Marked in the HTML so a measurement (scripts/size.ts) can tell which islands are due when near.
  const near = nearBy === 'inner' ? 'inner' : undefined;
  const live = (
    <Suspense fallback={null}>
      <Live {...props} />
      <Committed onLive={onLive} />
    </Suspense>
  );
  // As rendered through a portal: islands inside it take over their part of this shell (ShellOf).
  const portalled = <ShellOf.Provider value={takeShell}>{live}</ShellOf.Provider>;

  // Once due, the page's host renders it into the wrapper (host.tsx); without a host, the island does, below.
  if (due && hostedWhenDue.current === undefined && typeof window !== 'undefined') hostedWhenDue.current = hasHost();
  const hosted = hostedWhenDue.current === true;
  useLayoutEffect(() => {
    if (hosted && wrapper.current) showInHost(hostKey, wrapper.current, portalled);
  });
  useLayoutEffect(() => () => removeFromHost(hostKey), [hostKey]);

  // No Suspense boundary on the server: the page's root waits for the code (Docusaurus renders with
  // onAllReady), so the HTML is written in place. Inside a boundary, React 19 moves a large finished
  // boundary's HTML to the end of the body with an inline script to put it back: invisible to the
  // search index, which reads each heading's following siblings, and against the site's CSP.
  if (typeof window === 'undefined') {
    return (
      <div data-island={name} data-island-near={near}>
        <Live {...props} />
      </div>
    );
  }
  if (shell === undefined) {
    return (
      <div ref={wrapper} data-island={name} data-island-near={near} data-island-live="">
        {!hosted && live}
      </div>
    );
  }
  return (
    <>
      <div ref={wrapper} data-island={name} data-island-near={near} dangerouslySetInnerHTML={shell === 'server' ? KEEP_SERVER_HTML : shell.html} suppressHydrationWarning />
      {due && !hosted && wrapper.current && createPortal(portalled, wrapper.current)}
    </>
  );
}
