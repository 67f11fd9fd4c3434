/**
 * Where live islands are rendered: one `IslandHost` near the top of the page's
 * tree (inside the theme's layout providers, src/theme/Layout/Provider) renders
 * every live island through a portal into the island's own <div>.
 *
 * Why not from the island's own place in the MDX? Cost. React 19 checks, for
 * every component an update skips, whether a context above it changed, by
 * walking its ancestors up to the root. An island in a guide sits about 125
 * fibers deep, beside ~120 MDX siblings, so one Send in a tester walked ~90,000
 * fibers (~11 ms of an ~85 ms Send → painted, measured in Chromium's profiler).
 * From the host, a tester is a few dozen fibers deep with a handful of siblings.
 *
 * What it changes for a live component: it sees the contexts above the host
 * (router, Docusaurus, colour mode and the theme's other layout providers), not
 * those between the host and the island's place (a doc's own providers, MDX
 * components); React events bubble to the host, not through the MDX (DOM
 * events are unchanged). Nothing the islands render reads those.
 *
 * Without a mounted host (unit tests of a single component) an island renders
 * its live component in place, as before.
 */
import React, { Component, type ReactNode, startTransition, useLayoutEffect, useState } from 'react';
import { createPortal } from 'react-dom';

interface Entry {
  readonly key: string;
  readonly container: Element;
  readonly element: ReactNode;
}

let hosts = 0;
let entries: readonly Entry[] = [];
const listeners = new Set<() => void>();

function changed(): void {
  for (const listener of listeners) listener();
}

const NO_ENTRIES: readonly Entry[] = [];

/**
 * Whether a host is mounted, for an island about to go live. Read once, when the island is first due, not
 * subscribed to: a subscription would re-render every island on the page right after hydration (the server
 * knows no host), for an answer only the due ones need. By then the host has long been mounted; on a
 * client-side navigation the page's host is still mounted while the new page renders.
 */
export function hasHost(): boolean {
  return hosts > 0;
}

/** Renders `element` into `container` from the host, replacing what the same key showed before. */
export function showInHost(key: string, container: Element, element: ReactNode): void {
  const index = entries.findIndex((entry) => entry.key === key);
  const entry = { key, container, element };
  if (index === -1) entries = [...entries, entry];
  else if (entries[index].container === container && entries[index].element === element) return;
  else entries = entries.map((current, at) => (at === index ? entry : current));
  changed();
}

export function removeFromHost(key: string): void {
  if (!entries.some((entry) => entry.key === key)) return;
  entries = entries.filter((entry) => entry.key !== key);
  changed();
}

/**
 * Keeps a failing island from taking the page down with it: from the host, the nearest boundary would
 * otherwise be the site's root one, which replaces the whole page. An island whose code fails to load
 * keeps its served HTML (the shell is only removed once the live component has committed).
 */
class Contained extends Component<{ children: ReactNode }, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  render(): ReactNode {
    return this.state.failed ? null : this.props.children;
  }
}

/**
 * Mount once per page, inside the providers the islands' components read.
 *
 * The islands it shows are rendered in a transition, which React renders in slices of a few milliseconds,
 * yielding to the page between them: a tester going live is 300-900 elements, one 50 ms task on a phone-speed
 * CPU when rendered at once (the page's first idle seconds, where Lighthouse counts blocking time). Not
 * `useSyncExternalStore`: React renders its updates synchronously, in one task, even inside a transition. The
 * swap itself stays one commit (the shell is removed in the commit that shows the live component).
 */
export function IslandHost(): React.JSX.Element {
  const [shown, setShown] = useState<readonly Entry[]>(NO_ENTRIES);
  useLayoutEffect(() => {
    hosts += 1;
    const show = () => startTransition(() => setShown(entries));
    listeners.add(show);
    // Islands due before the host mounted (none today: it mounts above them) are shown all the same.
    show();
    return () => {
      hosts -= 1;
      listeners.delete(show);
    };
  }, []);
  return <>{shown.map((entry) => createPortal(<Contained>{entry.element}</Contained>, entry.container, entry.key))}</>;
}
